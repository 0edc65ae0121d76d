/**
 * The city file that gives OSM bus lines their timetable guess: headways and service hours
 * by default, per mode and per line (by ref or name), school lines with their schools, and
 * the school-day calendar. Validated with zod; a bad file names the field at fault. The
 * times it gives are estimates and are said to be wherever shown.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { TRANSIT_MODES } from "../core/api/transit-vocabulary.ts";

const clock = z.string().regex(/^\d{1,2}:\d{2}$/, "a time is HH:MM (past 24:00 allowed)");
const date = z.string().regex(/^\d{8}$/, "a date is YYYYMMDD");

const service = z.object({
  headwayMin: z.number().min(1).max(240).optional(),
  start: clock.optional(),
  end: clock.optional(),
}).strict();

const school = z.object({
  label: z.string().min(1).max(20).default("通学公交"),
  schools: z.array(z.object({ name: z.string().min(1).max(100), lat: z.number().min(-90).max(90).optional(), lon: z.number().min(-180).max(180).optional() }).strict()).default([]),
}).strict();

/** The city file's shape. */
export const osmLinesFile = z.object({
  timeZone: z.string().optional(),
  defaults: service.optional(),
  modes: z.partialRecord(z.enum(TRANSIT_MODES), service).optional(),
  lines: z.record(z.string(), service.extend({ school: school.optional() }).strict()).optional(),
  schoolCalendar: z.object({
    weekdays: z.string().regex(/^[1-7]{1,7}$/, "weekdays are digits 1 (Monday) … 7 (Sunday)").default("12345"),
    from: date, to: date,
    except: z.array(date).default([]),
  }).strict().optional(),
}).strict();

/** What the OSM bus import is told besides the elements. */
export type OsmLinesFile = z.infer<typeof osmLinesFile>;

/** Reads and checks a city file; throws an Error naming the field at fault. */
export function readOsmLinesFile(path: string): OsmLinesFile {
  const parsed = osmLinesFile.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
  }
  return parsed.data;
}

/** "06:30" → seconds. */
export function clockSeconds(text: string): number {
  const [h, m] = text.split(":").map(Number) as [number, number];
  return h * 3600 + m * 60;
}

/** The assumed headways and hours when neither the file nor the flags say (estimates). */
export const DEFAULT_SERVICE: Readonly<Record<(typeof TRANSIT_MODES)[number], { headwayMin: number; start: string; end: string }>> = {
  bus: { headwayMin: 10, start: "06:00", end: "22:00" },
  tram: { headwayMin: 8, start: "06:00", end: "23:00" },
  metro: { headwayMin: 5, start: "06:00", end: "23:00" },
  rail: { headwayMin: 30, start: "06:00", end: "22:00" },
  ferry: { headwayMin: 30, start: "07:00", end: "20:00" },
  cable: { headwayMin: 10, start: "08:00", end: "18:00" },
  other: { headwayMin: 15, start: "07:00", end: "20:00" },
};
