/**
 * What planners read from the history: per place, how often it was said closed and on how
 * many local days, how often busy or full; for the region, busy and full reports by local
 * weekday and hour. CSV for a spreadsheet, one row per place or per change.
 */
import type { StatusSummaryAnswer } from "../core/api/live.ts";
import { localParts } from "./status-expiry.ts";
import type { StatusRow } from "./status-store.ts";

/** The summary of a region's changes (oldest first), in its time zone. */
export function summarise(
  regionId: string, days: number, timeZone: string, rows: readonly StatusRow[],
  nameOf: (placeId: string) => string | null,
): StatusSummaryAnswer {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const places = new Map<string, { changes: number; closures: number; closedDays: Set<string>; busy: number; full: number }>();
  for (const row of rows) {
    let place = places.get(row.placeId);
    if (!place) {
      place = { changes: 0, closures: 0, closedDays: new Set(), busy: 0, full: 0 };
      places.set(row.placeId, place);
    }
    place.changes++;
    const at = localParts(new Date(row.setAt), timeZone);
    if (row.facet === "opening" && (row.value === "closed_today" || row.value === "temporarily_closed")) {
      place.closures++;
      place.closedDays.add(at.date);
      if (row.value === "temporarily_closed" && row.until) addDays(place.closedDays, new Date(row.setAt), new Date(row.until), timeZone);
    }
    if (row.facet === "crowding" && (row.value === "busy" || row.value === "full")) {
      if (row.value === "busy") place.busy++;
      else place.full++;
      grid[at.weekday]![at.hour]!++;
    }
  }
  return {
    region: regionId,
    days,
    timeZone,
    places: [...places].map(([placeId, p]) => ({ placeId, name: nameOf(placeId), changes: p.changes, closures: p.closures, closedDays: p.closedDays.size, busyReports: p.busy, fullReports: p.full }))
      .sort((a, b) => b.closedDays - a.closedDays || b.busyReports + b.fullReports - a.busyReports - a.fullReports || a.placeId.localeCompare(b.placeId)),
    busyByWeekdayHour: grid,
  };
}

/** The local days a temporary closure covers (at most 366), added to `days`. */
function addDays(days: Set<string>, from: Date, until: Date, timeZone: string): void {
  const end = Math.min(until.getTime(), Date.now());
  if (end <= from.getTime()) return;
  for (let t = from.getTime(), n = 0; t < end && n < 366; t += 86_400_000, n++) days.add(localParts(new Date(t), timeZone).date);
  // The last instant covered may fall on a later local day than the last step reached.
  days.add(localParts(new Date(end - 1), timeZone).date);
}

/** A CSV field, quoted when it has to be, and never read as a formula by a spreadsheet. */
function field(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csv = (header: readonly string[], lines: ReadonlyArray<ReadonlyArray<string | number | null>>): string =>
  `\uFEFF${[header, ...lines].map((line) => line.map(field).join(",")).join("\r\n")}\r\n`;

/** The summary as CSV, one row per place (with a byte-order mark, so spreadsheets read the Chinese). */
export function summaryCsv(summary: StatusSummaryAnswer): string {
  return csv(["place_id", "name", "changes", "closures", "closed_days", "busy_reports", "full_reports"],
    summary.places.map((p) => [p.placeId, p.name, p.changes, p.closures, p.closedDays, p.busyReports, p.fullReports]));
}

/** A place's history as CSV, one row per change. */
export function historyCsv(rows: readonly StatusRow[]): string {
  return csv(["id", "facet", "value", "reason", "until", "set_at", "set_by"], rows.map((r) => [r.id, r.facet, r.value, r.reason, r.until, r.setAt, r.setBy]));
}
