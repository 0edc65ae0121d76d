/**
 * `tongxing import gtfs <feed.zip> --region <id>` and `tongxing import osm-bus <file>
 * --region <id> [--lines city.json] [--headway 10] [--hours 06:00-22:00]`: what each
 * stored, or every problem (file, line, column, reason) and that nothing changed.
 */
import type { Database } from "../platform/database/database.ts";
import { describeProblem } from "./gtfs-fields.ts";
import { osmLinesFile, readOsmLinesFile } from "./osm-lines-file.ts";
import { importGtfs, importOsmBusLines } from "./transit-import.ts";
import type { ImportSummary } from "./transit-store.ts";

/** The lines to print and whether the command succeeded. */
export interface CommandOutcome {
  ok: boolean;
  lines: string[];
}

const summaryLine = (s: ImportSummary) =>
  `Imported ${s.source === "gtfs" ? "GTFS" : "OSM"} transit into ${s.regionId}: ${s.routes} line${s.routes === 1 ? "" : "s"}, ${s.stops} stops, ${s.trips} trips, service ${s.firstDate}–${s.lastDate}${s.estimated ? " (headways are estimates)" : ""}`;

/** Runs `import gtfs` or `import osm-bus`; `timeZone` is the region's. */
export async function runTransitImport(db: Database, kind: "gtfs" | "osm-bus", regionId: string, file: string, flags: Record<string, string | undefined>, timeZone: string): Promise<CommandOutcome> {
  if (kind === "gtfs") {
    const result = await importGtfs(db, regionId, file);
    if ("problems" in result) {
      return { ok: false, lines: [`The feed was refused (${result.total} problem${result.total === 1 ? "" : "s"}); nothing was imported:`, ...result.problems.map((p) => `  ${describeProblem(p)}`)] };
    }
    return { ok: true, lines: [summaryLine(result)] };
  }
  const settings = flags["lines"] ? readOsmLinesFile(flags["lines"]) : {};
  const [start, end] = (flags["hours"] ?? "").split("-");
  const flagged = osmLinesFile.safeParse({ defaults: { ...(flags["headway"] ? { headwayMin: Number(flags["headway"]) } : {}), ...(start ? { start } : {}), ...(end ? { end } : {}) } });
  if (!flagged.success) return { ok: false, lines: [`--headway is minutes (1-240), --hours is HH:MM-HH:MM: ${flagged.error.issues[0]!.message}`] };
  const options = { ...settings, defaults: { ...settings.defaults, ...flagged.data.defaults }, timeZone: settings.timeZone ?? timeZone };
  const result = await importOsmBusLines(db, regionId, file, options);
  if (!result) return { ok: false, lines: ["No route relation (type=route, route=bus…) with two stops inside this extract; nothing was imported"] };
  return { ok: true, lines: [summaryLine(result), `  ${result.skipped} relations left out (fewer than two of their stops inside the extract)`] };
}
