/**
 * The evaluation as a printable page: A4, Chinese fonts, tables and SVG charts that print
 * sharp. Built on the server from the same Evaluation as the workbook, every text escaped.
 */
import type { Evaluation, IndicatorResult } from "./evaluation.ts";
import { LIGHT_LABELS } from "./evaluation-workbook.ts";
import type { PlanBook } from "./plan-book.ts";
import type { ActivityFigures } from "./activities.ts";
import { participationParagraph } from "./participation.ts";
import type { Light } from "./progress.ts";

const LIGHTS: Light[] = ["green", "yellow", "red", "grey"];
const COLOURS: Record<Light, string> = { green: "#2e9e4f", yellow: "#f2b705", red: "#d93a2b", grey: "#a0a7b0" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const badge = (light: Light) => `<span class="light ${light}">${LIGHT_LABELS[light].zh}</span>`;

/** One horizontal bar per goal, split by the lights of its tasks. */
function goalChart(evaluation: Evaluation): string {
  const rowHeight = 26;
  const width = 640;
  const label = 220;
  const goals = evaluation.dashboard.goals;
  const bars = goals.map((goal, g) => {
    const tasks = goal.actions.flatMap((a) => a.tasks);
    let x = label;
    const segments = LIGHTS.map((light) => {
      const n = tasks.filter((t) => t.light === light).length;
      const w = tasks.length ? ((width - label - 10) * n) / tasks.length : 0;
      const rect = n ? `<rect x="${x.toFixed(1)}" y="${g * rowHeight + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${COLOURS[light]}"><title>${LIGHT_LABELS[light].zh} ${n}</title></rect>` : "";
      x += w;
      return rect;
    }).join("");
    return `<text x="0" y="${g * rowHeight + 18}" font-size="12">${escapeHtml(`(${goal.number}) ${goal.title.slice(0, 14)}…`)}</text>${segments}`;
  });
  return `<svg role="img" aria-label="各目标任务状态" viewBox="0 0 ${width} ${goals.length * rowHeight}" width="100%">${bars.join("")}</svg>`;
}

function indicatorRow(result: IndicatorResult): string {
  const i = result.indicator;
  const achieved = result.achieved === null ? "—" : result.achieved ? "是" : "否";
  return `<tr><td>${escapeHtml(i.name)}</td><td>${escapeHtml(i.unit)}</td><td class="n">${result.target ?? "—"}</td><td class="n">${result.latest?.value ?? "—"}</td><td>${result.latest?.measuredOn ?? "—"}</td><td>${achieved}</td><td>${badge(result.light)}</td></tr>`;
}

export function evaluationPage(book: PlanBook, evaluation: Evaluation): string {
  const s = evaluation.summary;
  const unitName = (id: string) => escapeHtml(book.unit(id)?.name ?? id);
  const taskRows = evaluation.dashboard.goals.flatMap((goal) => goal.actions.flatMap((action) => action.tasks.map((task) =>
    `<tr><td class="n">${task.number}</td><td>${escapeHtml(task.title)}</td><td>${task.leadUnitIds.map(unitName).join("、")}</td><td>${badge(task.light)}</td></tr>`)));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(evaluation.title)}</title>
<style>
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; color: #1d2733; font-size: 11pt; line-height: 1.5; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 2px solid #2e7dd7; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border: 1px solid #c9d1db; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eef3f9; } td.n { text-align: right; white-space: nowrap; } tr { break-inside: avoid; }
.light { display: inline-block; padding: 0 6pt; border-radius: 8pt; color: #fff; font-weight: bold; white-space: nowrap; }
.light.green { background: #2e9e4f; } .light.yellow { background: #f2b705; color: #000; } .light.red { background: #d93a2b; } .light.grey { background: #6b7480; }
.meta { color: #4a5563; } .cards { display: flex; gap: 8pt; } .cards div { flex: 1; border: 1px solid #c9d1db; border-radius: 6pt; padding: 6pt; text-align: center; }
.cards b { display: block; font-size: 16pt; }
</style></head><body>
<h1>${escapeHtml(evaluation.title)}</h1>
<p class="meta">数据截止 ${evaluation.cutOff}，对照 ${evaluation.targetYear} 年目标；只计已审核通过的单位报送数据。生成日期 ${evaluation.generatedOn}。</p>
<h2>一、总体情况</h2>
<div class="cards">${LIGHTS.map((l) => `<div>${badge(l)}<b>${s.tasks[l]}</b>项任务</div>`).join("")}</div>
<p>有目标值的指标 ${s.indicatorsWithTarget} 项，已有数据 ${s.indicatorsWithData} 项，已达到目标 ${s.indicatorsAchieved} 项。</p>
${goalChart(evaluation)}
<h2>二、任务进展</h2>
<table><thead><tr><th>任务</th><th>具体任务</th><th>牵头单位</th><th>状态</th></tr></thead><tbody>${taskRows.join("")}</tbody></table>
<h2>三、指标完成情况</h2>
<table><thead><tr><th>指标</th><th>单位</th><th>目标值</th><th>最新值</th><th>测量日期</th><th>达标</th><th>状态</th></tr></thead><tbody>${evaluation.indicators.map(indicatorRow).join("")}</tbody></table>
<h2>四、单位报送情况</h2>
<table><thead><tr><th>单位</th><th>应报</th><th>已提交</th><th>已通过</th><th>逾期</th><th>状态</th></tr></thead><tbody>${evaluation.dashboard.units.map((u) => `<tr><td>${escapeHtml(u.name)}</td><td class="n">${u.expected}</td><td class="n">${u.submitted}</td><td class="n">${u.approved}</td><td class="n">${u.overdue}</td><td>${badge(u.light)}</td></tr>`).join("")}</tbody></table>
${participationParagraph(evaluation.participation ?? null)}
${evaluation.activities ? activitiesParagraph(evaluation.activities.taskNumber, evaluation.activities.figures) : ""}
<p class="meta">方法：指标进度 = 自基线以来的实际变化 ÷ 按时达标所需的变化（参照 Open SDG）；≥0.95 为正常，≥0.5 为预警，其余为滞后。任务状态取其指标、单位报送与单位自报状态中最差者。</p>
</body></html>`;
}

/** The evaluation's paragraph on task 12's activities, in Chinese (the page's language). */
export function activitiesParagraph(taskNumber: number, figures: ActivityFigures): string {
  const rows = figures.districts.map((d) => `<tr><td>${escapeHtml(d.district ?? "未能确定区县")}</td><td class="n">${d.free}</td><td class="n">${d.low}</td><td class="n">${d.total}</td><td class="n">${d.events}</td></tr>`);
  return `<h2>六、儿童文体活动（任务${taskNumber}）</h2>
<p>${figures.from} 至 ${figures.to}，场馆在平台发布并已举办的免费或低收费（不超过 ${figures.lowCostMaxYuan} 元）儿童活动共 ${figures.total.total} 场次（免费 ${figures.total.free}，低收费 ${figures.total.low}），涉及 ${figures.total.events} 项活动。</p>
${rows.length ? `<table><thead><tr><th>区县</th><th>免费场次</th><th>低收费场次</th><th>合计</th><th>活动数</th></tr></thead><tbody>${rows.join("")}</tbody></table>` : ""}`;
}
