/**
 * The rules of guides without a server: the contract's validation of a guide, the legs'
 * assembly (profile, bus for long walks, straight lines without streets, the cache key),
 * what a stop's place became, who may write as staff, and the print page's escaping.
 */
import { describe, expect, it } from "vitest";
import { guideSchema, guidesQuery } from "../core/api/guides.ts";
import { mayWriteGuides } from "./guide-authors.ts";
import { type LegPorts, assembleLegs, legsKey } from "./guide-legs.ts";
import { escapeHtml, sketchSvg } from "./guide-page.ts";
import { stopState } from "./guide-presenter.ts";
import { nextSaturdayMorning } from "./guide-ways.ts";

const valid = {
  kind: "tour", title: "雨天科学半日游", summary: "从图书馆到科技馆，下雨也能玩。", theme: "rainy-day", ageMin: 5, ageMax: 10, minutes: 180,
  cost: "free", stroller: true, wheelchair: false, stops: [{ placeId: "osm:n1" }, { placeId: "osm:n2", note: "二楼有儿童区" }],
};

describe("a guide as written", () => {
  it("accepts a complete guide and a team name", () => {
    expect(guideSchema.safeParse({ ...valid, team: "衡阳文旅小小推荐官" }).success).toBe(true);
  });

  it.each([
    ["one stop", { stops: [{ placeId: "osm:n1" }] }, "stops"],
    ["thirteen stops", { stops: Array.from({ length: 13 }, (_, i) => ({ placeId: `osm:n${i}` })) }, "stops"],
    ["the same place twice", { stops: [{ placeId: "osm:n1" }, { placeId: "osm:n1" }] }, "stops"],
    ["ages upside down", { ageMin: 10, ageMax: 5 }, "ageMax"],
    ["an unknown theme", { theme: "shopping" }, "theme"],
    ["a too short visit", { minutes: 5 }, "minutes"],
    ["a control character", { title: "雨天\u0007游" }, "title"],
    ["an unknown field", { photos: [] }, ""],
  ])("refuses %s", (_, change, field) => {
    const parsed = guideSchema.safeParse({ ...valid, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join(".")).toBe(field);
  });

  it("reads the list's query: themes as a list, near as a position", () => {
    const q = guidesQuery.parse({ theme: "nature,science", near: "43.73,7.42", age: "6", max_minutes: "120" });
    expect(q).toMatchObject({ theme: ["nature", "science"], near: [7.42, 43.73], age: 6, max_minutes: 120 });
    expect(guidesQuery.safeParse({ age: "40" }).success).toBe(false);
  });
});

describe("legs", () => {
  const a: [number, number] = [7.42, 43.73], b: [number, number] = [7.425, 43.735], far: [number, number] = [7.45, 43.75];
  const straight = (from: [number, number], to: [number, number]) => ({ coordinates: [from, to], distanceM: 1000, durationS: 1000 });

  it("walks each leg on the child's profile, or the stroller's for a stroller guide", () => {
    const asked: string[] = [];
    const ports: LegPorts = { walk: (f, t, p) => (asked.push(p), straight(f, t)), bus: () => null };
    const legs = assembleLegs([a, b, far], false, ports);
    expect(legs.map((l) => [l.properties.from, l.properties.to, l.properties.mode])).toEqual([[0, 1, "walk"], [1, 2, "walk"]]);
    assembleLegs([a, b], true, ports);
    expect(asked).toEqual(["child-walk", "child-walk", "stroller"]);
  });

  it("takes the bus for a long walk only when the bus arrives sooner", () => {
    const long = { walk: (f: [number, number], t: [number, number]) => ({ coordinates: [f, t], distanceM: 4000, durationS: 4000 }) };
    const faster: LegPorts = { ...long, bus: (f, t) => ({ coordinates: [f, t], distanceM: 4200, durationS: 1500, lines: ["1路"] }) };
    expect(assembleLegs([a, far], false, faster)[0]!.properties).toMatchObject({ mode: "bus", lines: ["1路"], durationS: 1500 });
    const slower: LegPorts = { ...long, bus: (f, t) => ({ coordinates: [f, t], distanceM: 4200, durationS: 5000, lines: ["1路"] }) };
    expect(assembleLegs([a, far], false, slower)[0]!.properties.mode).toBe("walk");
    let busAsked = false;
    const short: LegPorts = { walk: (f, t) => ({ coordinates: [f, t], distanceM: 600, durationS: 600 }), bus: () => ((busAsked = true), null) };
    assembleLegs([a, b], false, short);
    expect(busAsked).toBe(false);
  });

  it("draws a straight line, longer than the crow flies, where there are no streets", () => {
    const [leg] = assembleLegs([a, b], false, { walk: () => null, bus: () => null });
    expect(leg!.properties.mode).toBe("straight");
    expect(leg!.geometry.coordinates).toEqual([a, b]);
    expect(leg!.properties.distanceM).toBeGreaterThan(680 * 1.25);
  });

  it("keys the legs by where the stops are and the profile", () => {
    expect(legsKey([a, b], false)).toBe(legsKey([[...a], [...b]], false));
    expect(legsKey([a, b], false)).not.toBe(legsKey([a, far], false));
    expect(legsKey([a, b], false)).not.toBe(legsKey([a, b], true));
  });
});

describe("a stop's place", () => {
  it("is open where it was, moved when far from it, closed when gone", () => {
    const stop = { lon: 7.42, lat: 43.73 };
    expect(stopState(stop, { lon: 7.4201, lat: 43.7301 })).toBe("open");
    expect(stopState(stop, { lon: 7.43, lat: 43.73 })).toBe("moved");
    expect(stopState(stop, undefined)).toBe("closed");
  });
});

describe("staff who write guides", () => {
  it("are administrators and reporters of the culture/tourism and education units", () => {
    expect(mayWriteGuides({ role: "admin", unitId: null })).toBe(true);
    expect(mayWriteGuides({ role: "reporter", unitId: "city-education-bureau" })).toBe(true);
    expect(mayWriteGuides({ role: "reporter", unitId: "city-culture-tourism-radio-television-sports-bureau" })).toBe(true);
    expect(mayWriteGuides({ role: "reporter", unitId: "city-health-commission" })).toBe(false);
    expect(mayWriteGuides({ role: "moderator", unitId: null })).toBe(false);
  });
});

describe("the print page", () => {
  it("escapes what people wrote and draws every stop", () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe("&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;");
    const svg = sketchSvg({ stops: [{ lon: 7.42, lat: 43.73, state: "open" }, { lon: 7.43, lat: 43.74, state: "closed" }] as never, legs: { type: "FeatureCollection", features: [] } });
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg).toContain("#c92a2a");
  });

  it("plans buses for the next Saturday morning in the region's time zone", () => {
    const at = new Date(nextSaturdayMorning("Asia/Shanghai", Date.UTC(2026, 11, 3, 8, 0)));
    expect(at.toISOString()).toBe("2026-12-05T02:00:00.000Z");
  });
});
