/**
 * The ranked crossings out of the platform: a GeoJSON layer, a CSV table and an xlsx
 * workbook (crossings, streets without a footway, schools), headers in Chinese and English.
 */
import { csvText } from "../core/csv.ts";
import type { RankedCrossing, SchoolRoutesAnswer } from "../core/api/schoolroutes.ts";

const CONTROL_ZH = { signals: "信号灯", zebra: "斑马线", unmarked: "无标线", none: "无过街设施" } as const;
const CROSSING_HEADER = ["排名 rank", "OSM", "经度 lon", "纬度 lat", "过街方式 control", "安全岛 island", "减速 calming", "摄像头 camera", "道路 road", "道路等级 class", "限速 km/h", "主干 main", "步行经过的居住面积 m²", "学校 schools", "隐患报告 hazards", "优先分 score"];

function crossingRow(c: RankedCrossing): Array<string | number | null> {
  return [c.rank, c.id, c.position[0], c.position[1], `${CONTROL_ZH[c.control]} ${c.control}`, c.island ? "是" : "否", c.calming ? "是" : "否", c.camera ? "是" : "否", c.road.name, c.road.roadClass, c.road.maxspeedKmh, c.road.main ? "是" : "否", c.areaM2, c.schools.join(" "), c.hazards, c.score];
}

export function crossingsGeoJson(answer: SchoolRoutesAnswer) {
  return {
    type: "FeatureCollection" as const,
    features: answer.crossings.map((c) => ({ type: "Feature" as const, id: c.id, geometry: { type: "Point" as const, coordinates: c.position }, properties: { ...c, position: undefined } })),
  };
}

export function crossingsCsv(answer: SchoolRoutesAnswer): string {
  return csvText([CROSSING_HEADER, ...answer.crossings.map(crossingRow)]);
}

export async function crossingsWorkbook(answer: SchoolRoutesAnswer): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const crossings = workbook.addWorksheet("过街点 crossings");
  crossings.addRow([`${answer.region}：上学步行路线上的过街点，按优先整改排序；人口代理：${answer.proxy}`]);
  crossings.addRow(CROSSING_HEADER).font = { bold: true };
  crossings.addRows(answer.crossings.map(crossingRow));
  const streets = workbook.addWorksheet("无人行道 streets");
  streets.addRow(["排名 rank", "OSM", "道路 road", "等级 class", "人行道 sidewalk", "长度 m", "居住面积 m²", "优先分 score"]).font = { bold: true };
  streets.addRows(answer.streets.map((s) => [s.rank, s.id, s.road.name, s.road.roadClass, s.sidewalk, s.lengthM, s.areaM2, s.score]));
  const schools = workbook.addWorksheet("学校 schools");
  schools.addRow(["OSM", "学校 school", "类别 kind", "区县 district", "居住区 homes", "居住面积 m²", "安全路线占比 safe share", "信号灯", "斑马线", "无标线", "无设施", "摄像头覆盖 camera share"]).font = { bold: true };
  schools.addRows(answer.schools.map((s) => [s.id, s.name, s.kind, s.district, s.homes, s.areaM2, s.safeShare, s.crossings.signals, s.crossings.zebra, s.crossings.unmarked, s.crossings.none, s.cameraShare]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
