import { describe, expect, it } from "vitest";
import { gcj02ToBd09, wgs84ToGcj02 } from "../../core/geo.ts";
import { readCsv, readGeoJson } from "./read-table.ts";
import { type TableRow, placesFromRows } from "./table-rows.ts";

const context = { regionId: "hengyang", crs: "wgs84" as const, source: "test", licence: "CC0", importedAt: "2026-11-28T00:00:00.000Z" };
function rowsOf(csv: string): TableRow[] {
  const result = readCsv(csv);
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.rows;
}

const header = "id,name_zh,name_en,categories,facilities,age_min,age_max,opening_hours,lon,lat";

describe("site spreadsheets", () => {
  it("imports good rows with pinyin and converts GCJ-02 and BD-09 to WGS-84", () => {
    const [gLon, gLat] = wgs84ToGcj02(112.6, 26.9);
    const [bLon, bLat] = gcj02ToBd09(gLon, gLat);
    const csv = `${header}\nhy-1,南湖公园,Nanhu Park,leisure;play,toilets,,,Mo-Su 06:00-22:00,${gLon},${gLat}\n`;
    const result = placesFromRows(rowsOf(csv), { ...context, crs: "gcj02" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.places[0]).toMatchObject({ id: "hy-1", categories: ["leisure", "play"], name: { pinyin: "nan hu gong yuan" } });
    expect(result.places[0]!.lon).toBeCloseTo(112.6, 6);
    expect(result.places[0]!.lat).toBeCloseTo(26.9, 6);
    const bd = placesFromRows([{ name_zh: "甲", categories: "play", lon: String(bLon), lat: String(bLat) }], { ...context, crs: "bd09" });
    expect(bd.ok && bd.places[0]!.lon).toBeCloseTo(112.6, 6);
  });

  it("rejects the whole file and names every bad row and column", () => {
    const csv = [
      header,
      "a,甲,,play,,,,,112.6,26.9",
      "b,乙,,flying,,,,,112.6,26.9",
      "c,丙,,play,jacuzzi,,,,112.6,26.9",
      "d,丁,,play,,ten,,,112.6,26.9",
      "e,戊,,play,,,,Mo-Fr 99:00,112.6,26.9",
      "f,己,,play,,,,,200,26.9",
      "a,庚,,play,,,,,112.6,26.9",
      "g,,,play,,,,,112.6,26.9",
      "h,辛,,play,,12,3,,112.6,26.9",
    ].join("\n");
    const result = placesFromRows(rowsOf(csv), context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.errors.map((e) => `${e.row}:${e.field}`);
    expect(where).toEqual(expect.arrayContaining(["2:categories", "3:facilities", "4:age_min", "5:opening_hours", "6:lon", "7:id", "8:name", "9:ageMin"]));
    expect(where).not.toContain("1:categories");
  });

  it("reports malformed CSV and non-point GeoJSON as file errors", () => {
    expect(readCsv('a,b\n"unclosed,1\n').ok).toBe(false);
    const line = { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[0, 0], [1, 1]] } }] };
    const result = readGeoJson(JSON.stringify(line));
    expect(result.ok === false && result.errors[0]).toMatchObject({ row: 1, field: "geometry" });
    expect(readGeoJson("{not json").ok).toBe(false);
  });
});
