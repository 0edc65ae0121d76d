/**
 * Ranking by kind on a small made-up city: a kind word ranks places of that kind above
 * places of a kind that serves it only in part and above names merely sharing its
 * characters; pinyin, initials, a prefix, a pinyin typo and a homophone of a kind word reach
 * places of that kind whatever their name's language; a strong match in another region is
 * offered when the region searched has none; distances are measured from the person only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Place } from "../core/place.ts";
import { PlaceIndex } from "../places/index.ts";
import { strongMatchElsewhere } from "./elsewhere.ts";
import { kindReadingOf } from "./kind-words.ts";
import { toPart } from "./query.ts";
import { SearchEngine, type SearchOptions } from "./search-engine.ts";
import { jieba } from "./search-service.ts";

/** Where the person stands in the made-up Monaco: the spa and the pool are nearer than the playground. */
const HERE = { lon: 7.42, lat: 43.735 };
const METRES_PER_DEGREE_LAT = 111_320;

function place(id: string, regionId: string, name: { zh?: string; en?: string }, kind: string, categories: Place["categories"], northM: number): Place {
  return {
    id, regionId, name: { zh: name.zh ?? null, en: name.en ?? null, pinyin: null, alt: [] }, categories, kind,
    facilities: [], ageMin: null, ageMax: null, openingHours: null, address: null, districtCode: null, communityCode: null,
    demonstration: null, lon: regionId === "monaco" ? HERE.lon : 112.61, lat: (regionId === "monaco" ? HERE.lat : 26.84) + northM / METRES_PER_DEGREE_LAT,
    precision: "exact", locationNote: null,
    provenance: { source: "test", licence: "CC0", sourceId: null, importedAt: "2026-01-01T00:00:00.000Z" }, updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

const PLACES: Place[] = [
  place("spa", "monaco", { en: "Thermes Marins" }, "water_park", ["play", "sport"], 20),
  place("pool", "monaco", { zh: "游泳池", en: "Swimming pool" }, "swimming_pool", ["sport"], 40),
  place("jardin", "monaco", { en: "Jardin des Enfants" }, "playground", ["play"], 900),
  place("slide-shop", "monaco", { zh: "乐园商店" }, "shop", ["services"], 10),
  place("library", "monaco", { en: "Bibliothèque Louis Notary" }, "library", ["learning"], 300),
  place("park", "monaco", { zh: "公园", en: "Park" }, "park", ["leisure"], 500),
  place("nanhu", "hengyang", { zh: "南湖公园", en: "Nanhu Park" }, "park", ["leisure", "play"], 0),
];

describe("ranking by kind", () => {
  let engine: SearchEngine;
  const options = (extra: Partial<SearchOptions> = {}): SearchOptions => ({ limit: 10, ...HERE, filter: {}, isOpen: () => false, ...extra });
  const ids = (q: string, extra: Partial<SearchOptions> = {}) => engine.search(q, options(extra)).hits.map((h) => h.place.id);

  beforeAll(() => {
    engine = new SearchEngine(PLACES, new PlaceIndex(PLACES), { jieba: jieba(), divisionName: () => null });
  });

  /** The text score of a place for a query, 0 when not found. */
  const textOf = (q: string, id: string) => engine.search(q, options()).hits.find((h) => h.place.id === id)?.text ?? 0;

  it.each(["游乐场", "playground", "儿童游乐场"])("ranks a real playground above a nearer spa for %s", (q) => {
    const found = ids(q);
    expect(found[0]).toBe("jardin");
    expect(found.indexOf("spa")).toBeGreaterThan(0);
    expect(textOf(q, "pool")).toBeLessThan(0.3);
  });

  it("ranks places of the kind above a name merely sharing its characters", () => {
    const found = ids("乐园");
    expect(found.indexOf("jardin")).toBeGreaterThanOrEqual(0);
    expect(found.indexOf("jardin")).toBeLessThan(found.indexOf("slide-shop"));
  });

  it.each(["ylc", "youlechang", "youlec", "youlechnag", "YouLeChang"])("reaches a playground with a French name through the kind label: %s", (q) => {
    expect(ids(q)[0]).toBe("jardin");
  });

  it.each([
    ["tsg", "library"], ["tushuguan", "library"], ["tushugaun", "library"], ["图书馆", "library"], ["图书管", "library"],
    ["libraries", "library"], ["libary", "library"], ["gongyuan", "park"], ["公圆", "park"], ["parks", "park"],
  ])("reads %s as the kind %s", (q, id) => {
    expect(ids(q, { filter: { regionId: "monaco" } })[0]).toBe(id);
  });

  it("corrects a homophone of a kind word and ranks that kind, not swimming pools", () => {
    const found = ids("游乐厂");
    expect(found[0]).toBe("jardin");
    expect(textOf("游乐厂", "pool")).toBeLessThan(0.3);
    expect(toPart("游乐厂").kind).toMatchObject({ word: "游乐场", how: "homophone" });
  });

  it("does not read ordinary names as kind words", () => {
    expect(kindReadingOf("南湖", "南湖", "", ["nan", "hu"])).toBeNull();
    expect(kindReadingOf("nhgy", "", "nhgy", [])).toBeNull();
    expect(kindReadingOf("jardin", "", "jardin", [])).toBeNull();
  });

  it("offers a strong match in another region when the region searched has none", () => {
    const opts = options({ filter: { regionId: "monaco" } });
    const local = engine.search("南湖公园", opts);
    const offer = strongMatchElsewhere(engine, "南湖公园", opts, "monaco", local);
    expect(offer).toMatchObject({ regionId: "hengyang", count: 1 });
    expect(offer?.hits[0]?.place.id).toBe("nanhu");
    expect(offer?.hits[0]?.distanceM).toBeNull();
  });

  it("offers nothing when the region searched has a good match", () => {
    const opts = options({ filter: { regionId: "monaco" } });
    expect(strongMatchElsewhere(engine, "公园", opts, "monaco", engine.search("公园", opts))).toBeNull();
    const hengyang = options({ filter: { regionId: "hengyang" } });
    expect(strongMatchElsewhere(engine, "南湖公园", hengyang, "hengyang", engine.search("南湖公园", hengyang))).toBeNull();
  });

  it("measures distances from the person, not from the point it ranks around", () => {
    const focus = { lon: HERE.lon, lat: HERE.lat + 900 / METRES_PER_DEGREE_LAT };
    const fromPerson = engine.search("jardin", options({ ...focus, origin: HERE })).hits[0]!;
    expect(fromPerson.distanceM).toBeGreaterThan(850);
    const noPerson = engine.search("jardin", options({ ...focus, origin: null })).hits[0]!;
    expect(noPerson.place.id).toBe("jardin");
    expect(noPerson.distanceM).toBeNull();
  });
});
