/**
 * Rows of a site spreadsheet (CSV, xlsx or GeoJSON properties) to places. Every row is
 * checked; a file with any bad row is rejected whole, with each bad row's number, column
 * and reason, so a department can fix its spreadsheet and import again.
 */
import { createHash } from "node:crypto";
import { CATEGORY_IDS, isCategoryId } from "../../core/categories.ts";
import { isFacilityId } from "../../core/facilities.ts";
import { type CoordinateSystem, isValidLonLat, toWgs84 } from "../../core/geo.ts";
import { checkOpeningHours } from "../../core/opening-hours.ts";
import { type Place, PRECISIONS, placeSchema } from "../../core/place.ts";
import { pinyinOf } from "../pinyin.ts";

/** The columns a site spreadsheet may have (docs/IMPORTING.md); lon and lat are required. */
export const TABLE_COLUMNS = [
  "id", "name_zh", "name_en", "name_alt", "categories", "kind", "facilities", "age_min", "age_max",
  "opening_hours", "address", "district_code", "community_code", "demonstration_type",
  "demonstration_year", "lon", "lat", "precision", "location_note",
] as const;

export type TableRow = Partial<Record<string, string>>;

export interface RowError {
  /** 1-based data row number (the header is row 0), or feature index + 1 for GeoJSON. */
  row: number;
  field: string;
  message: string;
}

export interface TableImportContext {
  regionId: string;
  crs: CoordinateSystem;
  source: string;
  licence: string;
  importedAt: string;
}

const list = (value: string | undefined): string[] =>
  (value ?? "").split(/[;；,，|]/).map((v) => v.trim()).filter(Boolean);

const blank = (value: string | undefined): string | null => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

function intOrNull(value: string | undefined): number | null | "bad" {
  const text = blank(value);
  if (text === null) return null;
  return /^\d{1,4}$/.test(text) ? Number(text) : "bad";
}

function generatedId(regionId: string, row: TableRow): string {
  const key = [row["name_zh"], row["name_en"], row["lon"], row["lat"]].join("|");
  return `${regionId}:${createHash("sha1").update(key).digest("hex").slice(0, 12)}`;
}

/** Converts one row; returns the place or the list of what is wrong with it. */
export function placeFromRow(row: TableRow, rowNumber: number, context: TableImportContext): Place | RowError[] {
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row: rowNumber, field, message });
  const lon = Number(blank(row["lon"]) ?? NaN);
  const lat = Number(blank(row["lat"]) ?? NaN);
  if (!isValidLonLat(lon, lat)) fail("lon", "lon and lat must be numbers within ±180 and ±90");
  const categories = list(row["categories"]);
  if (categories.length === 0) fail("categories", `at least one of ${CATEGORY_IDS.join(", ")}`);
  for (const c of categories) if (!isCategoryId(c)) fail("categories", `unknown category "${c}"`);
  const facilities = list(row["facilities"]);
  for (const f of facilities) if (!isFacilityId(f)) fail("facilities", `unknown facility "${f}"`);
  const ageMin = intOrNull(row["age_min"]);
  const ageMax = intOrNull(row["age_max"]);
  if (ageMin === "bad") fail("age_min", "must be a whole number of years");
  if (ageMax === "bad") fail("age_max", "must be a whole number of years");
  const hours = blank(row["opening_hours"]);
  const hoursError = hours ? checkOpeningHours(hours) : null;
  if (hoursError) fail("opening_hours", `not valid OSM opening_hours: ${hoursError.split("\n")[0]}`);
  const demoYear = intOrNull(row["demonstration_year"]);
  const demoType = blank(row["demonstration_type"]);
  if (demoType !== null && demoYear === null) fail("demonstration_year", "needed with demonstration_type");
  const precision = blank(row["precision"]) ?? "exact";
  if (!(PRECISIONS as readonly string[]).includes(precision)) fail("precision", `one of ${PRECISIONS.join(", ")}`);
  if (errors.length > 0) return errors;

  const [wLon, wLat] = toWgs84(context.crs, lon, lat);
  const nameZh = blank(row["name_zh"]);
  const candidate = {
    id: blank(row["id"])?.toLowerCase() ?? generatedId(context.regionId, row),
    regionId: context.regionId,
    name: { zh: nameZh, en: blank(row["name_en"]), pinyin: nameZh ? pinyinOf(nameZh) : null, alt: list(row["name_alt"]) },
    categories,
    kind: blank(row["kind"]) ?? categories[0],
    facilities,
    ageMin,
    ageMax,
    openingHours: hours,
    address: blank(row["address"]),
    districtCode: blank(row["district_code"]),
    communityCode: blank(row["community_code"]),
    demonstration: demoType === null ? null : { type: demoType, year: demoYear },
    lon: Math.round(wLon * 1e7) / 1e7,
    lat: Math.round(wLat * 1e7) / 1e7,
    precision,
    locationNote: blank(row["location_note"]),
    provenance: { source: context.source, licence: context.licence, sourceId: blank(row["id"]), importedAt: context.importedAt },
    updatedAt: context.importedAt,
  };
  const parsed = placeSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((issue) => ({
    row: rowNumber,
    field: issue.path.map(String).join(".") || "row",
    message: issue.message,
  }));
}

/** All rows or nothing: the places when every row is good, else every error found. */
export function placesFromRows(
  rows: readonly TableRow[],
  context: TableImportContext,
): { ok: true; places: Place[] } | { ok: false; errors: RowError[] } {
  const places: Place[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const result = placeFromRow(row, index + 1, context);
    if (Array.isArray(result)) {
      errors.push(...result);
      return;
    }
    const earlier = seen.get(result.id);
    if (earlier !== undefined) errors.push({ row: index + 1, field: "id", message: `duplicate of row ${earlier}` });
    seen.set(result.id, index + 1);
    places.push(result);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, places };
}
