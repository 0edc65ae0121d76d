/**
 * The search requests the web sends: distances are asked for only from the person's own
 * position; the map centre goes as a focus that ranks without distances.
 */
import { describe, expect, it } from "vitest";
import { searchParams } from "./search-api.ts";

const NO_FILTERS = { categories: new Set<never>(), facilities: new Set<never>(), age: null, openNow: false };

describe("search requests", () => {
  it("sends the person's position as the distance origin and no focus when the person is known", () => {
    const params = searchParams({ query: "公园", person: [7.42, 43.735], focus: null, regionId: "monaco" }, NO_FILTERS);
    expect(params.get("lat")).toBe("43.735000");
    expect(params.get("lon")).toBe("7.420000");
    expect(params.has("focus_lat")).toBe(false);
    expect(params.get("region")).toBe("monaco");
  });

  it("sends only a focus, never lat and lon, before the person is located", () => {
    const params = searchParams({ query: "公园", person: null, focus: [112.6, 26.9], regionId: "hengyang" }, NO_FILTERS);
    expect(params.has("lat")).toBe(false);
    expect(params.has("lon")).toBe(false);
    expect(params.get("focus_lat")).toBe("26.900000");
    expect(params.get("focus_lon")).toBe("112.600000");
  });
});
