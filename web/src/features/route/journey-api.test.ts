import { describe, expect, it } from "vitest";
import { ApiError } from "../../shared/api.ts";
import { departuresSearch, isWholeLeg, journeySearch, toJourneyAnswer } from "./journey-api.ts";
import { journey, ride, walk } from "./journey-testing.ts";

describe("journey requests", () => {
  it("writes positions as lat,lon and leaves the time out for now", () => {
    const query = new URLSearchParams(journeySearch({ from: [118.77, 32.04], to: [118.79, 32.042], profile: "stroller", depart: null, lang: "zh" }));
    expect(Object.fromEntries(query)).toEqual({ from: "32.04,118.77", to: "32.042,118.79", profile: "stroller", lang: "zh" });
  });

  it("sends a chosen departure as the region's local time", () => {
    const query = new URLSearchParams(journeySearch({ from: [7.42, 43.73], to: [7.43, 43.74], profile: "child-walk", depart: "2026-12-03T08:30", lang: "en" }));
    expect(query.get("depart")).toBe("2026-12-03T08:30");
  });

  it("asks a stop for five departures from a moment", () => {
    const query = new URLSearchParams(departuresSearch({ region: "nanjing", stop: "osm:n10", at: "2026-12-03T08:38:00+08:00", lang: "zh" }));
    expect(Object.fromEntries(query)).toEqual({ region: "nanjing", stop: "osm:n10", limit: "5", lang: "zh", at: "2026-12-03T08:38:00+08:00" });
  });
});

describe("journey answers", () => {
  it("keeps whole journeys and drops one with a broken leg", () => {
    const broken = journey({ legs: [{ ...ride([1, 2], [3, 4]), line: undefined } as never] });
    const answer = toJourneyAnswer({ region: "nanjing", timeZone: "Asia/Shanghai", profile: "child-walk", noJourney: null, journeys: [journey(), broken] });
    expect(answer.journeys).toHaveLength(1);
    expect(answer.noJourney).toBeNull();
  });

  it("keeps why there is no journey", () => {
    const answer = toJourneyAnswer({ region: "monaco", timeZone: "Europe/Monaco", profile: "child-walk", journeys: [], noJourney: { reason: "no_stop_nearby", message: "…" } });
    expect(answer.noJourney?.reason).toBe("no_stop_nearby");
  });

  it("refuses an answer without journeys as a bad response", () => {
    expect(() => toJourneyAnswer({ features: [] })).toThrow(ApiError);
  });

  it("checks each kind of leg for what the panel shows", () => {
    expect(isWholeLeg(walk([1, 2], [3, 4], "站"))).toBe(true);
    expect(isWholeLeg(ride([1, 2], [3, 4]))).toBe(true);
    expect(isWholeLeg({ ...walk([1, 2], [3, 4], "站"), distanceM: "far" })).toBe(false);
    expect(isWholeLeg({ ...ride([1, 2], [3, 4]), coordinates: [[1]] })).toBe(false);
    expect(isWholeLeg({ ...ride([1, 2], [3, 4]), stops: undefined })).toBe(false);
  });
});
