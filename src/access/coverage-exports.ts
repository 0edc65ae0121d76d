/**
 * Coverage out of the platform: the residential areas as a GeoJSON layer (points with
 * their walking minutes), the district table as CSV (UTF-8 with BOM, so Excel reads the
 * Chinese) and as an xlsx workbook.
 */
import { csvText } from "../core/csv.ts";
import type { CoverageResult, Share } from "./coverage.ts";

export function coverageGeoJson(result: CoverageResult) {
  return {
    type: "FeatureCollection" as const,
    features: result.areas.map((r) => ({
      type: "Feature" as const,
      id: r.area.id,
      geometry: { type: "Point" as const, coordinates: [Math.round(r.area.lon * 1e6) / 1e6, Math.round(r.area.lat * 1e6) / 1e6] },
      properties: { kind: r.area.kind, areaM2: Math.round(r.area.areaM2), minutes: r.minutes, covered: r.covered, district: r.district, community: r.community },
    })),
  };
}

const percent = (s: Share) => (s.total > 0 ? (100 * s.share).toFixed(1) : "");

function tableRows(result: CoverageResult): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [
    ...result.byDistrict.map((d) => [d.district, d.land.covered, d.land.total, percent(d.land), d.buildings.covered, d.buildings.total, percent(d.buildings)]),
    ...result.byCommunity.map((c) => [`${c.district ? `${c.district} / ` : ""}${c.community}`, c.land.covered, c.land.total, percent(c.land), c.buildings.covered, c.buildings.total, percent(c.buildings)]),
  ];
  rows.push(["全部 all", result.land.covered, result.land.total, percent(result.land), result.buildings.covered, result.buildings.total, percent(result.buildings)]);
  return rows;
}

const HEADER = ["区县 / 社区 district / community", "覆盖居住用地 m²", "居住用地 m²", "覆盖率 %", "覆盖住宅建筑 m²", "住宅建筑 m²", "覆盖率 %"];

export function coverageCsv(result: CoverageResult): string {
  return csvText([HEADER, ...tableRows(result)]);
}

export async function coverageWorkbook(result: CoverageResult, proxy: string): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("覆盖率");
  sheet.addRow([`步行 ${result.minutes} 分钟覆盖（儿童步行速度、真实路网）；人口代理：${proxy}`]);
  sheet.addRow(HEADER).font = { bold: true };
  sheet.addRows(tableRows(result));
  const areas = workbook.addWorksheet("居住区");
  areas.addRow(["OSM", "类别 kind", "面积 m²", "步行分钟", "覆盖", "区县"]).font = { bold: true };
  areas.addRows(result.areas.map((r) => [r.area.id, r.area.kind, Math.round(r.area.areaM2), r.minutes, r.covered ? "是" : "否", r.district ?? ""]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
