/**
 * One region's transit data as the domain keeps it, whatever it came from (a GTFS feed or
 * OSM bus relations with estimated headways): GTFS's model, normalised to indices, with
 * stop times in flat typed arrays (seconds after the service day's noon minus 12 h, so
 * past 24:00 stays past 24:00). Pure data; the timetable for a day is built from it.
 */
import type { TransitMode } from "../core/api/transit-vocabulary.ts";

/** Step-free access as GTFS writes it: 0 unknown, 1 yes, 2 no. */
export type Accessibility = 0 | 1 | 2;

export interface FeedStop {
  id: string;
  name: string;
  lat: number;
  lon: number;
  wheelchair: Accessibility;
}

/** A school line's schools and badge (红领巾专线 / 通学公交). */
export interface SchoolInfo {
  label: string;
  schools: Array<{ name: string; lat: number | null; lon: number | null }>;
}

export interface FeedRoute {
  id: string;
  agency: string | null;
  shortName: string;
  longName: string;
  mode: TransitMode;
  colour: string | null;
  textColour: string | null;
  school: SchoolInfo | null;
}

/** A service's days: weekdays (bit 0 Monday … bit 6 Sunday) within start..end, plus added and removed dates (yyyymmdd). */
export interface FeedService {
  id: string;
  weekdays: number;
  start: number;
  end: number;
  added: number[];
  removed: number[];
}

export interface FeedTrip {
  id: string;
  route: number;
  service: number;
  headsign: string;
  shape: number;
  wheelchair: Accessibility;
  /** Index of the trip's first stop time in the feed's flat arrays; its count is `stopCount`. */
  first: number;
  stopCount: number;
}

/** A GTFS frequency: the trip's times are a template repeated every `headway` from start to end. */
export interface FeedFrequency {
  trip: number;
  start: number;
  end: number;
  headway: number;
  /** A city file's or import flag's guess, not a published timetable. */
  estimated: boolean;
}

/** A walk between two stops the feed names (transfers.txt), with its least time. */
export interface FeedTransfer {
  from: number;
  to: number;
  minSeconds: number;
}

export interface TransitFeed {
  timeZone: string;
  source: "gtfs" | "osm";
  agencies: Array<{ id: string; name: string }>;
  stops: FeedStop[];
  routes: FeedRoute[];
  services: FeedService[];
  trips: FeedTrip[];
  /** Per stop time: stop index, arrival and departure seconds. */
  stopTimes: { stop: Int32Array; arrival: Int32Array; departure: Int32Array };
  frequencies: FeedFrequency[];
  /** Shapes as [lon, lat, lon, lat, …]. */
  shapes: Float64Array[];
  transfers: FeedTransfer[];
  /** The first and last service dates (yyyymmdd) any service runs. */
  firstDate: number;
  lastDate: number;
}

/** Colours shown for a line whose feed gives none. */
export const DEFAULT_COLOURS: Readonly<Record<TransitMode, string>> = {
  bus: "#1677ff", tram: "#13a8a8", metro: "#cf1322", rail: "#531dab", ferry: "#0958d9", cable: "#d46b08", other: "#595959",
};

/** GTFS route_type (basic and extended) to our modes. */
export function modeOfRouteType(type: number): TransitMode | null {
  if (type === 3 || (type >= 700 && type < 800) || type === 11 || type === 800) return "bus";
  if (type === 0 || (type >= 900 && type < 1000)) return "tram";
  if (type === 1 || (type >= 400 && type < 500)) return "metro";
  if (type === 2 || type === 12 || (type >= 100 && type < 200)) return "rail";
  if (type === 4 || (type >= 1000 && type < 1300)) return "ferry";
  if (type === 5 || type === 6 || type === 7 || (type >= 1300 && type < 1500)) return "cable";
  if (type >= 0 && type < 1800) return "other";
  return null;
}

/** Words that mark a school line in a route's names (红领巾专线, 通学公交, 学生专线). */
export const SCHOOL_LINE_WORDS = ["红领巾专线", "通学公交", "通学专线", "学生专线", "校车"] as const;

/** The badge a route's names earn, or null when they name no school line. */
export function schoolLabelOf(...names: string[]): string | null {
  for (const word of SCHOOL_LINE_WORDS) if (names.some((n) => n.includes(word))) return word === "校车" ? "通学公交" : word;
  return null;
}

/** yyyymmdd → its weekday, 0 Monday … 6 Sunday. */
export function weekdayOf(date: number): number {
  const d = new Date(Date.UTC(Math.floor(date / 10000), Math.floor(date / 100) % 100 - 1, date % 100));
  return (d.getUTCDay() + 6) % 7;
}

/** yyyymmdd plus `days`. */
export function addDays(date: number, days: number): number {
  const d = new Date(Date.UTC(Math.floor(date / 10000), Math.floor(date / 100) % 100 - 1, date % 100 + days));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** Whether a service runs on a date. */
export function runsOn(service: FeedService, date: number): boolean {
  if (service.removed.includes(date)) return false;
  if (service.added.includes(date)) return true;
  return date >= service.start && date <= service.end && (service.weekdays & (1 << weekdayOf(date))) !== 0;
}
