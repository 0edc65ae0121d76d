/**
 * The evaluation as an xlsx workbook, the format the working group's offices already file:
 * an overview, the 35 tasks with their lights and units, the indicators against target
 * (with an in-cell bar of progress), the units' reporting, and task 12's free and low-cost
 * activities by district when the events domain gives them. Sheet and column names are
 * Chinese; cells are plain values so the sheets sort and filter.
 */
import type { Evaluation } from "./evaluation.ts";
import type { PlanBook } from "./plan-book.ts";
import type { Light } from "./progress.ts";

/** The method in words, for readers of the workbook who do not have the repository. */
export const EVALUATION_METHOD =
  "只计已审核通过的数据。每个指标比较已取得的进展（最新值减基线值）与按时达标所需的进展" +
  "（目标值减基线值，乘以从基线到最新测量已过的时间占基线到目标年末总时间的比例）：已达目标或二者之比不低于 95% 为正常，" +
  "不低于 50% 为预警，低于 50% 为滞后；没有数据或没有数值目标为无数据。没有基线时以第一次测量值为基线（参照联合国可持续发展目标数据平台 Open SDG 的方法）。" +
  "任务的状态取其各指标、各牵头单位报送是否逾期和所报任务状态中最差的一项；城市开始在系统中报送之前的各期记为无数据，不算逾期。";

export const LIGHT_LABELS: Record<Light, { zh: string; en: string; argb: string }> = {
  green: { zh: "正常", en: "On track", argb: "FF2E9E4F" },
  yellow: { zh: "预警", en: "Watch", argb: "FFF2B705" },
  red: { zh: "滞后", en: "Lagging", argb: "FFD93A2B" },
  grey: { zh: "无数据", en: "No data", argb: "FFA0A7B0" },
};

type Sheet = import("exceljs").Worksheet;

function header(sheet: Sheet, columns: Array<[string, number]>): void {
  sheet.columns = columns.map(([name, width]) => ({ header: name, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

function paintLight(sheet: Sheet, row: number, column: number, light: Light): void {
  const cell = sheet.getRow(row).getCell(column);
  cell.value = LIGHT_LABELS[light].zh;
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: LIGHT_LABELS[light].argb } };
  cell.font = { bold: true, color: { argb: light === "yellow" ? "FF000000" : "FFFFFFFF" } };
}

export async function evaluationWorkbook(book: PlanBook, evaluation: Evaluation): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tongxing";
  const unitName = (id: string) => book.unit(id)?.name ?? id;

  const overview = workbook.addWorksheet("概览");
  header(overview, [["项目", 28], ["数值", 60]]);
  const s = evaluation.summary;
  overview.addRows([
    ["报告", evaluation.title],
    ["数据截止日期", evaluation.cutOff],
    ["目标年份", evaluation.targetYear],
    ["任务：正常 / 预警 / 滞后 / 无数据", `${s.tasks.green} / ${s.tasks.yellow} / ${s.tasks.red} / ${s.tasks.grey}`],
    ["有目标值的指标", s.indicatorsWithTarget],
    ["已有数据的指标", s.indicatorsWithData],
    ["已达到目标的指标", s.indicatorsAchieved],
    ["计算方法", EVALUATION_METHOD],
  ]);

  const tasks = workbook.addWorksheet("任务");
  header(tasks, [["目标", 36], ["行动", 30], ["任务", 8], ["具体任务", 40], ["牵头单位", 30], ["状态", 10]]);
  for (const goal of evaluation.dashboard.goals) {
    for (const action of goal.actions) {
      for (const task of action.tasks) {
        const row = tasks.addRow([goal.title, action.title, task.number, task.title, task.leadUnitIds.map(unitName).join("、")]);
        paintLight(tasks, row.number, 6, task.light);
      }
    }
  }

  const indicators = workbook.addWorksheet("指标");
  header(indicators, [["指标", 36], ["单位", 12], ["范围", 10], ["任务", 10], ["目标值", 10], ["最新值", 10], ["测量日期", 12], ["进度比", 10], ["达标", 8], ["状态", 10]]);
  for (const result of evaluation.indicators) {
    const i = result.indicator;
    const row = indicators.addRow([
      i.name, i.unit, i.scope === "city" ? "全市" : "各县市区", i.taskNumbers.join("、"), result.target, result.latest?.value ?? null,
      result.latest?.measuredOn ?? null, result.ratio === null ? null : Math.round(result.ratio * 100) / 100,
      result.achieved === null ? "—" : result.achieved ? "是" : "否",
    ]);
    paintLight(indicators, row.number, 10, result.light);
  }
  // An in-cell bar per indicator: the chart that survives sorting and filtering.
  indicators.addConditionalFormatting({
    ref: `H2:H${Math.max(2, evaluation.indicators.length + 1)}`,
    rules: [{ type: "dataBar", priority: 1, minLength: 0, maxLength: 100, gradient: false, cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }], color: { argb: "FF2E9E4F" } } as never],
  });

  const units = workbook.addWorksheet("单位报送");
  header(units, [["单位", 30], ["应报", 8], ["已提交", 8], ["已通过", 8], ["逾期", 8], ["状态", 10]]);
  for (const unit of evaluation.dashboard.units) {
    const row = units.addRow([unit.name, unit.expected, unit.submitted, unit.approved, unit.overdue]);
    paintLight(units, row.number, 6, unit.light);
  }

  if (evaluation.activities) {
    const { taskNumber, figures } = evaluation.activities;
    const total = figures.total;
    overview.addRow([`儿童文体活动（任务${taskNumber}）`, `${figures.from} 至 ${figures.to}：免费或低收费（不超过 ${figures.lowCostMaxYuan} 元）活动 ${total.total} 场次（免费 ${total.free}，低收费 ${total.low}），${total.events} 项活动`]);
    const activities = workbook.addWorksheet("儿童文体活动");
    header(activities, [["区县", 24], ["免费场次", 10], ["低收费场次", 12], ["合计", 10], ["活动数", 10]]);
    for (const d of figures.districts) activities.addRow([d.district ?? "未能确定区县", d.free, d.low, d.total, d.events]);
    const sum = activities.addRow(["合计", total.free, total.low, total.total, total.events]);
    sum.font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
