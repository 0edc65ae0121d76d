/**
 * The GTFS parser on the S48 feed and on broken copies of it: every problem names the
 * file, the line and the column; times past 24:00, frequencies, school lines and quoted
 * fields read right; a feed stores and loads back byte for byte.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeFeed, encodeFeed } from "./feed-codec.ts";
import { parseGtfs } from "./gtfs-parse.ts";
import { readZip } from "./zip-reader.ts";
import { S48_ZIP } from "./transit-fixtures.ts";
import { buildDayTimetable } from "./timetable.ts";

const S48 = readZip(readFileSync(S48_ZIP));
const text = (name: string) => S48.get(name)!().toString("utf8");

/** The S48 feed with some files replaced (a function of the old text) or removed (null). */
function variant(changes: Record<string, ((old: string) => string) | null | string>): Map<string, () => Buffer> {
  const files = new Map(S48);
  for (const [name, change] of Object.entries(changes)) {
    if (change === null) files.delete(name);
    else files.set(name, () => Buffer.from(typeof change === "string" ? change : change(S48.has(name) ? text(name) : ""), "utf8"));
  }
  return files;
}

/** Replaces line `n` (1-based) of a file's text. */
const line = (n: number, edit: (old: string) => string) => (old: string) => old.split("\n").map((l, i) => (i === n - 1 ? edit(l.replace(/\r$/, "")) : l)).join("\n");

function problemsOf(files: Map<string, () => Buffer>) {
  const parsed = parseGtfs(files);
  if (!("problems" in parsed)) throw new Error("the broken feed was accepted");
  return parsed.problems;
}

describe("GTFS parser", () => {
  it("reads the S48 feed", () => {
    const parsed = parseGtfs(S48);
    if ("problems" in parsed) throw new Error(JSON.stringify(parsed.problems));
    const feed = parsed.feed;
    expect(feed.timeZone).toBe("America/New_York");
    expect(feed.routes).toHaveLength(1);
    expect(feed.routes[0]).toMatchObject({ shortName: "S48", colour: "#ee352e", mode: "bus" });
    expect(feed.trips).toHaveLength(176);
    expect(feed.stopTimes.stop).toHaveLength(7927);
    expect(feed.shapes.length).toBeGreaterThan(0);
    expect(feed.services[0]!.removed).toContain(20261126);
  });

  it.each([
    ["a missing required file", { "stops.txt": null }, { file: "stops.txt", column: null }],
    ["a missing column", { "trips.txt": line(1, (l) => l.replace("service_id", "service")) }, { file: "trips.txt", line: 1, column: "service_id" }],
    ["a time that is not HH:MM:SS", { "stop_times.txt": line(5, (l) => l.replace(/,\d\d:\d\d:\d\d,/, ",7h30,")) }, { file: "stop_times.txt", line: 5, column: "arrival_time" }],
    ["a stop that is not in stops.txt", { "stop_times.txt": line(9, (l) => l.replace(/,(\d+),(\d+),/, ",NOPE,$2,")) }, { file: "stop_times.txt", line: 9, column: "stop_id" }],
    ["a trip whose times run backwards", { "stop_times.txt": line(3, (l) => l.replace(/,\d\d:\d\d:\d\d,\d\d:\d\d:\d\d,/, ",00:30:00,00:30:00,")) }, { file: "stop_times.txt", line: 3, column: "arrival_time" }],
    ["an unknown time zone", { "agency.txt": line(2, (l) => l.replace("America/New_York", "Mars/Olympus")) }, { file: "agency.txt", line: 2, column: "agency_timezone" }],
    ["a latitude out of range", { "stops.txt": line(4, (l) => l.replace(/,40\.\d+,/, ",140.5,")) }, { file: "stops.txt", line: 4, column: "stop_lat" }],
    ["a duplicate stop id", { "stops.txt": (old: string) => `${old.trimEnd()}\n${old.split("\n")[1]}` }, { file: "stops.txt", column: "stop_id" }],
    ["an impossible date", { "calendar.txt": line(2, (l) => l.replace("20261231", "20261331")) }, { file: "calendar.txt", line: 2, column: "end_date" }],
    ["a trip of an unknown route", { "trips.txt": line(2, (l) => l.replace(/^S48,/, "S99,")) }, { file: "trips.txt", line: 2, column: "route_id" }],
    ["a bad route colour", { "routes.txt": line(2, (l) => l.replace("EE352E", "red")) }, { file: "routes.txt", line: 2, column: "route_color" }],
    ["a quote never closed", { "routes.txt": line(2, (l) => l.replace("St. George", '"St. George')) }, { file: "routes.txt", line: 2 }],
    ["a shape the trip names but shapes.txt lacks", { "shapes.txt": (old: string) => old.split("\n").filter((l: string) => !l.startsWith("S480018,")).join("\n") }, { file: "trips.txt", column: "shape_id" }],
    ["a frequency ending before it starts", { "frequencies.txt": "trip_id,start_time,end_time,headway_secs\nCA_D6-Weekday-SDon-006000_S4898_70,10:00:00,09:00:00,600\n" }, { file: "frequencies.txt", line: 2, column: "end_time" }],
  ])("refuses %s, naming where", (_what, changes, where) => {
    const problems = problemsOf(variant(changes as Record<string, string | null>));
    expect(problems[0]).toMatchObject(where);
    expect(problems[0]!.en.length).toBeGreaterThan(5);
    expect(problems[0]!.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a feed with neither calendar file", () => {
    expect(problemsOf(variant({ "calendar.txt": null, "calendar_dates.txt": null }))[0]).toMatchObject({ file: "calendar.txt" });
  });

  it("lists many problems at once, at most 50, and counts them all", () => {
    const parsed = parseGtfs(variant({ "stop_times.txt": (old) => old.replace(/,(\d\d):(\d\d):(\d\d),/g, ",$1h$2,") }));
    if (!("problems" in parsed)) throw new Error("accepted");
    expect(parsed.problems).toHaveLength(50);
    expect(parsed.total).toBeGreaterThan(1000);
  });

  it("reads times past 24:00 onto the next day's timetable", () => {
    const parsed = parseGtfs(variant({ "stop_times.txt": (old) => old.replace(/^(CA_D6-Weekday-SDon-006000_S4898_70),01:(\d\d:\d\d),01:/gm, "$1,25:$2,25:") }));
    if ("problems" in parsed) throw new Error(JSON.stringify(parsed.problems));
    const late = parsed.feed.trips.findIndex((t) => t.id === "CA_D6-Weekday-SDon-006000_S4898_70");
    expect(parsed.feed.stopTimes.departure[parsed.feed.trips[late]!.first]).toBe(25 * 3600);
    // Thursday 15 October's late trip runs in the small hours of Friday the 16th.
    const friday = buildDayTimetable(parsed.feed, 20261016);
    const shifted = friday.patterns.flatMap((p) => Array.from(p.trip).map((t, k) => ({ t, first: p.departure[k * p.stops.length]! }))).filter((x) => x.t === late);
    expect(shifted.map((x) => x.first)).toContain(3600);
  });

  it("expands frequencies and marks school lines from school_lines.txt", () => {
    const parsed = parseGtfs(variant({
      "frequencies.txt": "trip_id,start_time,end_time,headway_secs\nCA_D6-Weekday-SDon-006000_S4898_70,06:00:00,08:00:00,600\n",
      "school_lines.txt": "route_id,label,school_name,school_lat,school_lon\nS48,红领巾专线,Port Richmond High School,40.6335,-74.1340\n",
    }));
    if ("problems" in parsed) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.feed.routes[0]!.school).toEqual({ label: "红领巾专线", schools: [{ name: "Port Richmond High School", lat: 40.6335, lon: -74.134 }] });
    const day = buildDayTimetable(parsed.feed, 20261015);
    const template = parsed.feed.trips.findIndex((t) => t.id === "CA_D6-Weekday-SDon-006000_S4898_70");
    const runs = day.patterns.flatMap((p) => Array.from(p.trip).filter((t) => t === template));
    expect(runs).toHaveLength(12);
  });

  it("stores and loads a feed unchanged", () => {
    const parsed = parseGtfs(S48);
    if ("problems" in parsed) throw new Error("refused");
    const back = decodeFeed(encodeFeed(parsed.feed));
    expect(back.trips).toEqual(parsed.feed.trips);
    expect(Array.from(back.stopTimes.arrival)).toEqual(Array.from(parsed.feed.stopTimes.arrival));
    expect(back.shapes.map((s) => Array.from(s))).toEqual(parsed.feed.shapes.map((s) => Array.from(s)));
  });
});
