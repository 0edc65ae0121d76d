/**
 * The parents' school-route map as a printable page (A4 landscape): the map first, then the
 * school's figures, the crossings to take care at (numbered as on the map) with what a child
 * should do there, the population proxy and the OSM attribution; Chinese first, English
 * below. Built on the server from the school's answer, every text from the data escaped
 * (names come from OSM). The same map alone, filling the window, is what the PNG shows.
 */
import type { SchoolAnswer } from "../core/api/schoolroutes.ts";
import { KIND_LABELS } from "./school-map-data.ts";
import { CONTROL_COLOURS, CONTROL_LABELS, NUMBERED_CROSSINGS, escapeXml as esc } from "./school-map-svg.ts";
import { POPULATION_PROXY_SCHOOLS } from "./school-route-presenter.ts";

type Control = SchoolAnswer["crossings"][number]["control"];

/** What a child (with a parent) should do at a crossing of each control. */
export const CROSSING_ADVICE: Readonly<Record<Control, { zh: string; en: string }>> = {
  signals: { zh: "等绿灯再过", en: "Wait for the green light" },
  zebra: { zh: "走斑马线，先看左右来车", en: "Use the zebra crossing; look both ways first" },
  unmarked: { zh: "这里没有过街设施，请家长陪同", en: "No crossing facility here: cross with a parent" },
  none: { zh: "这里没有过街设施，请家长陪同", en: "No crossing facility here: cross with a parent" },
};

const PROXY_ZH = "住宅以居住建筑的占地面积（平方米）计（地区没有建筑数据时用居住用地），与覆盖分析相同；这不是人数。";
const STYLE = `
@page { size: A4 landscape; margin: 8mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; color: #1d2733; font-size: 11pt; line-height: 1.45; margin: 0 auto; max-width: 281mm; }
.map svg { display: block; width: 100%; max-height: 192mm; }
.map { break-after: page; }
h1 { font-size: 18pt; margin: 0; } h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 2px solid #7048e8; }
.en { color: #495057; font-size: 9.5pt; font-weight: normal; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; } th, td { border: 1px solid #c9d1db; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #f3f0ff; } td.n { text-align: right; white-space: nowrap; } tr { break-inside: avoid; }
.dot { display: inline-block; width: 10pt; height: 10pt; border-radius: 50%; vertical-align: -1pt; margin-right: 3pt; }
.what-if { color: #c92a2a; } footer { margin-top: 12pt; font-size: 9pt; color: #495057; }`;

const heading = (zh: string, en: string) => `<h2>${zh}<span class="en">${en}</span></h2>`;
const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
const number = (n: number) => n.toLocaleString("en-US");

function figures(answer: SchoolAnswer): string {
  const s = answer.school;
  const rows: Array<[string, string, string]> = [
    ["学区内住宅", "homes walking to this school", `${number(s.homes)}（${number(s.areaM2)} m²）`],
    ["安全路线占比", "share of that floor area whose walk crosses no main road without signals", percent(s.safeShare)],
    ["步行距离中位数", "median walk", s.medianMetres === null ? "—" : `${number(Math.round(s.medianMetres))} m`],
    ["路线上的过街点", "crossings on the walks", (Object.keys(CONTROL_LABELS) as Control[]).map((c) => `${CONTROL_LABELS[c].zh} ${s.crossings[c]}`).join("，")],
    ["校门 200 米内道路的监控覆盖", "road metres within 200 m of the gate with a camera within 50 m", percent(s.cameraShare)],
  ];
  if (s.baseSafeShare !== undefined) rows.splice(2, 0, ["改造前安全路线占比", "safe share before the what-if changes", percent(s.baseSafeShare)]);
  return `<table><tbody>${rows.map(([zh, en, value]) => `<tr><th>${zh}<span class="en">${en}</span></th><td class="n">${esc(value)}</td></tr>`).join("")}</tbody></table>`;
}

function crossingList(answer: SchoolAnswer): string {
  const top = answer.crossings.slice(0, NUMBERED_CROSSINGS);
  if (top.length === 0) return `<p>路线上没有需要过马路的地方。<span class="en">The walks cross no road.</span></p>`;
  const rows = top.map((c, i) => {
    const label = CONTROL_LABELS[c.control];
    const advice = CROSSING_ADVICE[c.control];
    const road = c.road.name ? esc(c.road.name) : "无名道路<span class=\"en\">unnamed road</span>";
    return `<tr><td class="n">${i + 1}</td><td>${road}</td><td><span class="dot" style="background:${CONTROL_COLOURS[c.control]}"></span>${label.zh}<span class="en">${label.en}${c.island ? " · 安全岛 refuge island" : ""}</span></td>`
      + `<td><strong>${advice.zh}</strong><span class="en">${advice.en}</span></td><td class="n">${number(c.areaM2)}</td></tr>`;
  });
  return `<table><thead><tr><th>编号<span class="en">No.</span></th><th>道路<span class="en">road</span></th><th>过街方式<span class="en">control</span></th><th>请这样做<span class="en">what to do</span></th><th>经过的住宅面积 m²<span class="en">homes’ area walking here</span></th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The printable page: the map, the figures, the numbered crossings with advice, the notes. */
export function schoolMapPage(answer: SchoolAnswer, svg: string, homesAre: "buildings" | "land"): string {
  const s = answer.school;
  const kind = KIND_LABELS[s.kind];
  const whatIf = answer.whatIf ? `<p class="what-if">本图包含假设的过街改造，并非现状。<span class="en">This map includes what-if crossing changes, not today's streets.</span></p>` : "";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(s.name)} 上学路线图 school-route map</title><style>${STYLE}</style></head><body>
<div class="map">${svg}</div>
<h1>${esc(s.name)} · ${kind.zh}<span class="en">Safe routes to school · ${kind.en}</span></h1>${whatIf}
${heading("学区概况", "The catchment")}${figures(answer)}
${heading("需要特别注意的过街点（按“优先改善”排序，编号与地图一致）", "Crossings to take care at (fix-first order, numbered as on the map)")}${crossingList(answer)}
${heading("说明", "Notes")}
<p>${s.catchment === "imported" ? "学区是城市导入的划片范围" : "学区是以它为步行最近同类学校的住宅"}；路线是从每处住宅到校门的儿童步行最安全路线（由街道数据计算）。校门处的黄色圆圈是建议的等候点（OSM 没有标注等候区）。${PROXY_ZH}<span class="en">${s.catchment === "imported" ? "The catchment is the one the city drew" : "The catchment is the homes for which this is the nearest school of its kind on foot"}; the walks are the child-safe walks from every home to the gate, computed from the street data. The yellow circle at a gate is the suggested waiting point (OSM maps no waiting area there). ${esc(POPULATION_PROXY_SCHOOLS)} Homes here are ${homesAre === "buildings" ? "residential buildings" : "residential land"}.</span></p>
<footer>地图数据 Map data © OpenStreetMap contributors, ODbL · 童行 Tongxing</footer>
</body></html>`;
}

/** The map alone, filling a window of A4 landscape proportions: the page the PNG is taken of. */
export function schoolMapPicturePage(svg: string, title: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>`
    + `<style>html,body{margin:0;background:#fff}svg{display:block;width:100vw;height:100vh}</style></head><body>${svg}</body></html>`;
}
