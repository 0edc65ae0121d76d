/**
 * Imports a region's administrative divisions: a CSV of `code,level,name,parent_code`
 * (China's NBS codes: 6 digits county, 9 street, 12 community) and, optionally, a GeoJSON
 * of county polygons keyed by code, already in WGS-84. All rows are checked before any is
 * written.
 */
import fs from "node:fs";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { parse } from "csv-parse/sync";
import { DIVISION_LEVELS, type DivisionLevel } from "../core/region.ts";
import type { Division } from "./region-store.ts";

export interface DivisionProblem {
  row: number;
  field: string;
  message: string;
}

const CODE_LENGTH: Record<DivisionLevel, number> = { county: 6, street: 9, community: 12 };

/** Parses and checks the divisions; geometry and centre are attached from the boundaries. */
export function parseDivisions(
  regionId: string,
  csvText: string,
  boundaries: FeatureCollection | null,
): { ok: true; divisions: Division[] } | { ok: false; problems: DivisionProblem[] } {
  let records: Array<Record<string, string>>;
  try {
    records = parse(csvText, { bom: true, columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { ok: false, problems: [{ row: 0, field: "file", message: (error as Error).message }] };
  }
  const shapes = new Map<string, Feature>();
  for (const feature of boundaries?.features ?? []) shapes.set(String(feature.id ?? feature.properties?.["code"]), feature);
  const problems: DivisionProblem[] = [];
  const codes = new Set(records.map((r) => r["code"]));
  const divisions: Division[] = [];
  records.forEach((r, i) => {
    const row = i + 1;
    const level = r["level"] as DivisionLevel;
    const code = r["code"] ?? "";
    if (!DIVISION_LEVELS.includes(level)) return problems.push({ row, field: "level", message: `one of ${DIVISION_LEVELS.join(", ")}` });
    if (!new RegExp(`^\\d{${CODE_LENGTH[level]}}$`).test(code)) return problems.push({ row, field: "code", message: `a ${level} code has ${CODE_LENGTH[level]} digits` });
    const parent = r["parent_code"] || null;
    if (parent !== null && !codes.has(parent)) return problems.push({ row, field: "parent_code", message: `no division ${parent} in the file` });
    if (!r["name"]) return problems.push({ row, field: "name", message: "required" });
    const shape = shapes.get(code);
    const center = shape?.properties?.["center"] as [number, number] | undefined;
    divisions.push({ code, regionId, level, name: r["name"], parentCode: parent, center: center ?? null, geometry: (shape?.geometry as Geometry | undefined) ?? null });
    return undefined;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, divisions };
}

/** Reads the two files from disk; the boundaries file may be absent. */
export function readDivisionFiles(regionId: string, csvFile: string, boundariesFile: string | null) {
  const boundaries = boundariesFile && fs.existsSync(boundariesFile)
    ? (JSON.parse(fs.readFileSync(boundariesFile, "utf8")) as FeatureCollection)
    : null;
  return parseDivisions(regionId, fs.readFileSync(csvFile, "utf8"), boundaries);
}
