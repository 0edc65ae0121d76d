import { describe, expect, it } from "vitest";
import { facilitiesFromTags, mapOsmTags } from "./tag-mapping.ts";

describe("OSM tag mapping", () => {
  it("maps a playground with ages and facilities", () => {
    const place = mapOsmTags({ leisure: "playground", name: "Aire de jeux", min_age: "3", max_age: "12", wheelchair: "yes", fenced: "yes" });
    expect(place).toMatchObject({ categories: ["play"], kind: "playground", ageMin: 3, ageMax: 12, nameEn: "Aire de jeux", nameZh: null });
    expect(place?.facilities.sort()).toEqual(["fenced", "stroller", "wheelchair"]);
  });

  it("takes Chinese names as Chinese and name:en as English", () => {
    const place = mapOsmTags({ leisure: "park", name: "南湖公园", "name:en": "Nanhu Park" });
    expect(place).toMatchObject({ nameZh: "南湖公园", nameEn: "Nanhu Park", categories: ["leisure"] });
  });

  it("gives kindergartens and childcare their default ages", () => {
    expect(mapOsmTags({ amenity: "kindergarten" })).toMatchObject({ categories: ["care"], ageMin: 3, ageMax: 6 });
    expect(mapOsmTags({ amenity: "childcare" })).toMatchObject({ ageMin: 0, ageMax: 3 });
  });

  it("maps health, emergency, learning and services", () => {
    expect(mapOsmTags({ amenity: "doctors", "healthcare:speciality": "paediatrics" })).toMatchObject({ categories: ["health"], kind: "paediatrics" });
    expect(mapOsmTags({ amenity: "hospital" })?.categories).toEqual(["health"]);
    expect(mapOsmTags({ emergency: "assembly_point" })?.categories).toEqual(["emergency"]);
    expect(mapOsmTags({ tourism: "museum" })?.kind).toBe("museum");
    const toilets = mapOsmTags({ amenity: "toilets", changing_table: "yes" });
    expect(toilets?.categories).toEqual(["services"]);
    expect(toilets?.facilities).toContain("changing_table");
  });

  it("combines categories when several rules match", () => {
    expect(mapOsmTags({ leisure: "park", emergency: "assembly_point" })?.categories.sort()).toEqual(["emergency", "leisure"]);
  });

  it("skips private places, unrelated features and unnamed equipment", () => {
    expect(mapOsmTags({ leisure: "playground", access: "private" })).toBeNull();
    expect(mapOsmTags({ amenity: "parking" })).toBeNull();
    expect(mapOsmTags({ building: "yes" })).toBeNull();
    expect(mapOsmTags({ playground: "slide" })).toBeNull();
    expect(mapOsmTags({ playground: "slide", name: "Big slide" })?.kind).toBe("play_equipment");
  });

  it("ignores ages that are not small whole numbers and orders swapped ones", () => {
    expect(mapOsmTags({ leisure: "playground", min_age: "three" })?.ageMin).toBeNull();
    expect(mapOsmTags({ leisure: "playground", min_age: "99" })?.ageMin).toBeNull();
    expect(mapOsmTags({ leisure: "playground", min_age: "10", max_age: "4" })).toMatchObject({ ageMin: 4, ageMax: 10 });
  });

  it("reads nursing rooms and shade", () => {
    expect(facilitiesFromTags({ baby_feeding: "room", covered: "yes" }).sort()).toEqual(["nursing_room", "shade"]);
  });
});
