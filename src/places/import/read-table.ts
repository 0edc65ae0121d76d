/**
 * Reads a sites file into plain rows: CSV (UTF-8 with or without BOM, UTF-16 with BOM, or
 * GBK/GB18030, see text-encoding.ts), xlsx (first sheet) or GeoJSON (Point features; the
 * position fills lon/lat). Format errors are returned as values naming the row or feature;
 * a file without a single data row is one of them.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { LIMITS } from "../../core/limits.ts";
import type { RowError, TableRow } from "./table-rows.ts";
import { type TextEncodingName, decodeText } from "./text-encoding.ts";

export type TableFormat = "csv" | "xlsx" | "geojson";

export type ReadResult = { ok: true; rows: TableRow[] } | { ok: false; errors: RowError[] };

/** A whole file read: its rows and the character encoding its text was in (xlsx: always UTF-8). */
export type FileReadResult = { ok: true; rows: TableRow[]; encoding: TextEncodingName } | { ok: false; errors: RowError[] };

const fileError = (message: string, row = 0): { ok: false; errors: RowError[] } => ({ ok: false, errors: [{ row, field: "file", message }] });

/** The format from a file name's extension, or null when we do not read that kind of file. */
export function formatOf(fileName: string): TableFormat | null {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  if (ext === ".geojson" || ext === ".json") return "geojson";
  return null;
}

function normaliseHeader(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, "_");
}

export function readCsv(text: string): ReadResult {
  try {
    const records = parse(text, {
      bom: true,
      columns: (headers: string[]) => headers.map(normaliseHeader),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as TableRow[];
    if (records.length > LIMITS.maxImportRows) return fileError(`more than ${LIMITS.maxImportRows} rows`);
    return { ok: true, rows: records };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return fileError(`CSV: ${(error as Error).message}`, Math.max(0, line - 1));
  }
}

export async function readXlsx(data: Buffer): Promise<ReadResult> {
  // Loaded on first use: ExcelJS costs about half a second of every server start otherwise.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    return fileError(`xlsx: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fileError("xlsx: the workbook has no sheet");
  if (sheet.rowCount > LIMITS.maxImportRows + 1) return fileError(`more than ${LIMITS.maxImportRows} rows`);
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => (headers[col] = normaliseHeader(cell.text)));
  const rows: TableRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row: TableRow = {};
    let any = false;
    sheet.getRow(r).eachCell((cell, col) => {
      const header = headers[col];
      if (!header) return;
      row[header] = cell.text;
      any ||= cell.text.trim() !== "";
    });
    if (any) rows.push(row);
  }
  return { ok: true, rows };
}

export function readGeoJson(text: string): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fileError(`GeoJSON: ${(error as Error).message}`);
  }
  const features = (doc as { type?: unknown; features?: unknown }).features;
  if ((doc as { type?: unknown }).type !== "FeatureCollection" || !Array.isArray(features)) {
    return fileError("GeoJSON: expected a FeatureCollection");
  }
  if (features.length > LIMITS.maxImportRows) return fileError(`more than ${LIMITS.maxImportRows} features`);
  const rows: TableRow[] = [];
  for (const [index, feature] of features.entries()) {
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } }).geometry;
    const coordinates = geometry?.coordinates;
    if (geometry?.type !== "Point" || !Array.isArray(coordinates) || coordinates.length < 2) {
      return { ok: false, errors: [{ row: index + 1, field: "geometry", message: "each feature must be a Point" }] };
    }
    const properties = (feature as { properties?: Record<string, unknown> }).properties ?? {};
    const row: TableRow = {};
    for (const [key, value] of Object.entries(properties)) {
      if (value === null || value === undefined) continue;
      row[normaliseHeader(key)] = Array.isArray(value) ? value.join(";") : String(value);
    }
    row["lon"] = String(coordinates[0]);
    row["lat"] = String(coordinates[1]);
    rows.push(row);
  }
  return { ok: true, rows };
}

async function readRows(format: TableFormat, data: Buffer, name: string): Promise<FileReadResult> {
  if (format === "xlsx") {
    const read = await readXlsx(data);
    return read.ok ? { ...read, encoding: "utf-8" } : read;
  }
  const decoded = decodeText(data);
  if (!decoded.ok) return fileError(`${name} ${decoded.message}`);
  const read = format === "csv" ? readCsv(decoded.text) : readGeoJson(decoded.text);
  return read.ok ? { ...read, encoding: decoded.encoding } : read;
}

/**
 * Reads a file of any supported format from disk. A file with no data rows (nothing, or a
 * header alone) is refused: importing it would only remove what its source brought before.
 */
export async function readTableFile(file: string): Promise<FileReadResult> {
  const format = formatOf(file);
  const name = path.basename(file);
  if (!format) return fileError(`unsupported file type "${path.extname(file)}": use .csv, .xlsx or .geojson`);
  const read = await readRows(format, fs.readFileSync(file), name);
  if (read.ok && read.rows.length === 0) return fileError(`${name} has no data rows (it is empty or holds only a header)`);
  return read;
}
