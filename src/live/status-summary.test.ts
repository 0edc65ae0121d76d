/** The planners' summary: closed days in the region's zone (a temporary closure counts each day it covers), busy reports by local weekday and hour, CSV safe for spreadsheets. */
import { describe, expect, it } from "vitest";
import { historyCsv, summarise, summaryCsv } from "./status-summary.ts";
import type { StatusRow } from "./status-store.ts";

let id = 0;
const row = (placeId: string, facet: StatusRow["facet"], value: string | null, setAt: string, until: string | null = null): StatusRow =>
  ({ id: ++id, placeId, regionId: "hengyang", facet, value, reason: null, until, setAt, setBy: "u1" });

describe("status summary", () => {
  const rows = [
    // Closed on Monday 2 November 2026 (local), said twice that day: one closed day.
    row("a", "opening", "closed_today", "2026-11-02T01:00:00.000Z", "2026-11-02T16:00:00.000Z"),
    row("a", "opening", "closed_today", "2026-11-02T05:00:00.000Z", "2026-11-02T16:00:00.000Z"),
    // Closed from Wednesday 10:00 to Friday 10:00 local: three local days.
    row("a", "opening", "temporarily_closed", "2026-11-04T02:00:00.000Z", "2026-11-06T02:00:00.000Z"),
    // Busy on Saturday 7 November at 15:xx local (07:xx UTC), full once.
    row("b", "crowding", "busy", "2026-11-07T07:10:00.000Z", "2026-11-07T09:10:00.000Z"),
    row("b", "crowding", "full", "2026-11-07T07:40:00.000Z", "2026-11-07T09:40:00.000Z"),
    row("b", "crowding", "quiet", "2026-11-07T09:00:00.000Z", "2026-11-07T11:00:00.000Z"),
    row("b", "notice", "=HYPERLINK(\"x\")", "2026-11-07T09:00:00.000Z", "2026-11-08T16:00:00.000Z"),
  ];
  const summary = summarise("hengyang", 90, "Asia/Shanghai", rows, (placeId) => (placeId === "a" ? "石鼓书院" : null));

  it("counts closures and the local days they cover, most closed first", () => {
    expect(summary.places[0]).toEqual({ placeId: "a", name: "石鼓书院", changes: 3, closures: 3, closedDays: 4, busyReports: 0, fullReports: 0 });
    expect(summary.places[1]).toMatchObject({ placeId: "b", closures: 0, closedDays: 0, busyReports: 1, fullReports: 1 });
  });

  it("puts busy and full reports on the local weekday and hour", () => {
    expect(summary.busyByWeekdayHour[6]![15]).toBe(2);
    expect(summary.busyByWeekdayHour.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("writes CSV with a byte-order mark and never as a formula", () => {
    expect(summaryCsv(summary).startsWith("\uFEFFplace_id,name,")).toBe(true);
    expect(summaryCsv(summary)).toContain("a,石鼓书院,3,3,4,0,0");
    expect(historyCsv(rows)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
