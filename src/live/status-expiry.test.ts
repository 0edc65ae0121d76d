/** When statuses expire: midnight in the region's zone (across DST), the closure's and notice's limits, crowding's two hours. */
import { describe, expect, it } from "vitest";
import { activeStatus, closedByStaff } from "../core/api/live-vocabulary.ts";
import { endOfLocalDay, expiryOf, localParts } from "./status-expiry.ts";
import { applyChange, emptyStatus } from "./status-fold.ts";

const at = (iso: string) => new Date(iso);

describe("end of the local day", () => {
  it("is the next midnight in Shanghai (UTC+8), whatever the server's zone", () => {
    expect(endOfLocalDay(at("2026-12-03T10:00:00Z"), "Asia/Shanghai").toISOString()).toBe("2026-12-03T16:00:00.000Z");
    // 23:30 local on the 3rd is still the 3rd; 00:30 on the 4th belongs to the 4th.
    expect(endOfLocalDay(at("2026-12-03T15:30:00Z"), "Asia/Shanghai").toISOString()).toBe("2026-12-03T16:00:00.000Z");
    expect(endOfLocalDay(at("2026-12-03T16:30:00Z"), "Asia/Shanghai").toISOString()).toBe("2026-12-04T16:00:00.000Z");
  });

  it("follows daylight saving time in Monaco (a 23-hour and a 25-hour day)", () => {
    // 29 March 2026: clocks go from 02:00 to 03:00; midnight after is 22:00Z (UTC+2).
    expect(endOfLocalDay(at("2026-03-29T08:00:00Z"), "Europe/Monaco").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // 25 October 2026: back to UTC+1; midnight after is 23:00Z.
    expect(endOfLocalDay(at("2026-10-25T08:00:00Z"), "Europe/Monaco").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("reads the local weekday and hour", () => {
    expect(localParts(at("2026-12-03T16:30:00Z"), "Asia/Shanghai")).toEqual({ date: "2026-12-04", weekday: 5, hour: 0 });
  });
});

describe("expiry of a change", () => {
  const now = at("2026-12-03T02:00:00Z");
  const zone = "Asia/Shanghai";

  it("ends open and closed today at local midnight, crowding after two hours", () => {
    expect(expiryOf({ facet: "opening", state: "closed_today" }, now, zone)).toEqual({ ok: true, until: at("2026-12-03T16:00:00Z") });
    expect(expiryOf({ facet: "opening", state: "open" }, now, zone)).toEqual({ ok: true, until: at("2026-12-03T16:00:00Z") });
    expect(expiryOf({ facet: "crowding", level: "busy" }, now, zone)).toEqual({ ok: true, until: at("2026-12-03T04:00:00Z") });
    expect(expiryOf({ facet: "crowding", level: null }, now, zone)).toEqual({ ok: true, until: null });
  });

  it("needs a future end for a temporary closure and at most 30 days for a notice", () => {
    expect(expiryOf({ facet: "opening", state: "temporarily_closed" }, now, zone)).toMatchObject({ ok: false, field: "until" });
    expect(expiryOf({ facet: "opening", state: "temporarily_closed", until: "2026-12-02T00:00:00Z" }, now, zone)).toMatchObject({ ok: false });
    expect(expiryOf({ facet: "opening", state: "temporarily_closed", until: "2026-12-10T10:00:00+08:00" }, now, zone)).toEqual({ ok: true, until: at("2026-12-10T02:00:00Z") });
    expect(expiryOf({ facet: "notice", text: "戏水池维修", until: "2027-01-03T03:00:00Z" }, now, zone)).toMatchObject({ ok: false, field: "until" });
    expect(expiryOf({ facet: "notice", text: "戏水池维修", until: "2027-01-01T00:00:00Z" }, now, zone)).toEqual({ ok: true, until: at("2027-01-01T00:00:00Z") });
    expect(expiryOf({ facet: "notice", text: "戏水池维修" }, now, zone)).toEqual({ ok: true, until: at("2026-12-03T16:00:00Z") });
  });
});

describe("status from changes", () => {
  const row = (id: number, facet: "opening" | "crowding" | "notice", value: string | null, until: string | null) =>
    ({ id, placeId: "p", regionId: "r", facet, value, reason: null, until, setAt: "2026-12-03T02:00:00.000Z", setBy: "u" });

  it("takes the newest change of each facet, clears on null and drops what expired", () => {
    let status = emptyStatus("p");
    status = applyChange(status, row(1, "opening", "closed_today", "2026-12-03T16:00:00.000Z"));
    status = applyChange(status, row(2, "crowding", "full", "2026-12-03T04:00:00.000Z"));
    status = applyChange(status, row(3, "notice", "戏水池维修", "2026-12-05T00:00:00.000Z"));
    status = applyChange(status, row(4, "notice", null, null));
    expect(status.changeId).toBe(4);
    expect(status.notice).toBeNull();
    expect(closedByStaff(status, at("2026-12-03T10:00:00Z"))).toBe(true);
    // After midnight the closure is over by itself, and so is the crowding.
    const tomorrow = activeStatus(status, at("2026-12-03T16:00:01Z"));
    expect(tomorrow.opening).toBeNull();
    expect(tomorrow.crowding).toBeNull();
    expect(closedByStaff(status, at("2026-12-03T16:00:01Z"))).toBe(false);
    // An "open" said by staff never counts as closed.
    expect(closedByStaff(applyChange(status, row(5, "opening", "open", "2026-12-03T16:00:00.000Z")), at("2026-12-03T10:00:00Z"))).toBe(false);
  });
});
