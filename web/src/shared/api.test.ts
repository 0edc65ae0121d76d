import { describe, expect, it } from "vitest";
import { placesSearch } from "./api.ts";

describe("the places query in the URL", () => {
  it("leaves out what is not asked for", () => {
    expect(placesSearch({ region: "hengyang", categories: [], facilities: [], age: null, openNow: false })).toBe("region=hengyang");
  });

  it("joins lists with commas and writes the age and open-now filters", () => {
    const search = new URLSearchParams(placesSearch({ region: "monaco", categories: ["leisure", "culture"], facilities: ["toilets"], age: 6, openNow: true }));
    expect(Object.fromEntries(search)).toEqual({ region: "monaco", category: "leisure,culture", facility: "toilets", age: "6", open_now: "true" });
  });
});
