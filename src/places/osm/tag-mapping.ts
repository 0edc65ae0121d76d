/**
 * The documented mapping from OpenStreetMap tags to child-friendly places
 * (docs/OSM-TAG-MAPPING.md is the human version of this table; keep them in step).
 * Pure: tags in, a place description or null out.
 */
import type { CategoryId } from "../../core/categories.ts";
import type { FacilityId } from "../../core/facilities.ts";
import { LIMITS } from "../../core/limits.ts";
import type { OsmTags } from "../../osm/index.ts";

/** What the tags say about a place; position and provenance are added by the importer. */
export interface MappedPlace {
  categories: CategoryId[];
  kind: string;
  facilities: FacilityId[];
  ageMin: number | null;
  ageMax: number | null;
  openingHours: string | null;
  nameZh: string | null;
  nameEn: string | null;
  /** Other names (the local name when name:en differs, official_name, alt_name, ...). */
  altNames: string[];
  address: string | null;
}

interface Rule {
  readonly key: string;
  /** Tag values that match; undefined matches any value. */
  readonly values?: readonly string[];
  readonly categories: readonly CategoryId[];
  readonly kind: (tags: OsmTags) => string;
  /** Default ages when the tags say nothing (a kindergarten is for 3-6). */
  readonly ages?: readonly [number, number];
  /** Only when the element is named (e.g. single pieces of playground equipment). */
  readonly namedOnly?: boolean;
}

const fixed = (kind: string) => () => kind;
const valueOf = (key: string) => (tags: OsmTags) => tags[key] ?? key;

/** First matching rule decides the kind; every matching rule adds its categories. */
const RULES: readonly Rule[] = [
  { key: "leisure", values: ["playground"], categories: ["play"], kind: fixed("playground") },
  { key: "leisure", values: ["water_park"], categories: ["play", "sport"], kind: fixed("water_park") },
  { key: "tourism", values: ["theme_park"], categories: ["play"], kind: fixed("theme_park") },
  { key: "playground", categories: ["play"], kind: fixed("play_equipment"), namedOnly: true },
  { key: "leisure", values: ["park", "garden"], categories: ["leisure"], kind: valueOf("leisure") },
  { key: "leisure", values: ["sports_centre", "pitch", "swimming_pool", "track", "stadium"], categories: ["sport"], kind: valueOf("leisure") },
  { key: "amenity", values: ["kindergarten"], categories: ["care"], kind: fixed("kindergarten"), ages: [3, 6] },
  { key: "amenity", values: ["childcare"], categories: ["care"], kind: fixed("childcare"), ages: [0, 3] },
  { key: "amenity", values: ["school"], categories: ["learning"], kind: fixed("school"), ages: [6, 18] },
  { key: "amenity", values: ["library"], categories: ["learning"], kind: fixed("library") },
  { key: "amenity", values: ["community_centre"], categories: ["learning"], kind: fixed("community_centre") },
  { key: "tourism", values: ["museum", "aquarium", "zoo"], categories: ["learning"], kind: valueOf("tourism") },
  { key: "emergency", values: ["assembly_point"], categories: ["emergency"], kind: fixed("assembly_point") },
  { key: "healthcare:speciality", values: ["paediatrics", "pediatrics"], categories: ["health"], kind: fixed("paediatrics") },
  { key: "amenity", values: ["hospital", "clinic"], categories: ["health"], kind: valueOf("amenity") },
  { key: "healthcare", values: ["hospital", "clinic"], categories: ["health"], kind: valueOf("healthcare") },
  { key: "amenity", values: ["toilets"], categories: ["services"], kind: fixed("toilets") },
  { key: "amenity", values: ["baby_feeding", "changing_room"], categories: ["services"], kind: fixed("baby_room") },
];

/** Values of access that exclude a place from a public family map. */
const CLOSED_ACCESS = new Set(["private", "no"]);

function matches(rule: Rule, tags: OsmTags): boolean {
  const value = tags[rule.key];
  if (value === undefined) return false;
  const listed = value.split(";").map((v) => v.trim());
  return rule.values === undefined || listed.some((v) => rule.values?.includes(v));
}

function yes(value: string | undefined): boolean {
  return value !== undefined && ["yes", "designated", "room", "limited"].includes(value);
}

/** Facilities from tags on the element itself (not from neighbours). */
export function facilitiesFromTags(tags: OsmTags): FacilityId[] {
  const found = new Set<FacilityId>();
  if (yes(tags["changing_table"]) || tags["diaper"] === "yes") found.add("changing_table");
  if (yes(tags["baby_feeding"]) || tags["amenity"] === "baby_feeding") found.add("nursing_room");
  // wheelchair=yes means step-free, which is what a stroller needs too.
  if (tags["wheelchair"] === "yes") found.add("wheelchair");
  if (tags["stroller"] === "yes" || tags["wheelchair"] === "yes") found.add("stroller");
  if (yes(tags["shade"]) || tags["covered"] === "yes") found.add("shade");
  if (tags["fenced"] === "yes" || tags["barrier"] === "fence") found.add("fenced");
  if (tags["amenity"] === "toilets" || tags["toilets"] === "yes") found.add("toilets");
  if (tags["drinking_water"] === "yes") found.add("drinking_water");
  return [...found];
}

function parseAge(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,2}$/.test(value.trim())) return null;
  const age = Number(value.trim());
  return age <= LIMITS.maxAge ? age : null;
}

function ages(tags: OsmTags, defaults: readonly [number, number] | undefined): [number | null, number | null] {
  let min = parseAge(tags["min_age"]) ?? defaults?.[0] ?? null;
  let max = parseAge(tags["max_age"]) ?? defaults?.[1] ?? null;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  return [min, max];
}

function addressOf(tags: OsmTags): string | null {
  const street = tags["addr:street"];
  if (!street) return tags["addr:full"] ?? null;
  return [tags["addr:housenumber"], street, tags["addr:city"]].filter(Boolean).join(" ");
}

/**
 * Maps one element's tags. Returns null when the element is not a child-friendly place
 * or is closed to the public.
 */
export function mapOsmTags(tags: OsmTags): MappedPlace | null {
  if (CLOSED_ACCESS.has(tags["access"] ?? "")) return null;
  const named = Boolean(tags["name"] || tags["name:zh"] || tags["name:en"]);
  const hits = RULES.filter((rule) => matches(rule, tags) && (!rule.namedOnly || named));
  const first = hits[0];
  if (!first) return null;
  const categories = [...new Set(hits.flatMap((rule) => rule.categories))];
  const [ageMin, ageMax] = ages(tags, first.ages);
  const nameZh = tags["name:zh"] ?? (/\p{Script=Han}/u.test(tags["name"] ?? "") ? tags["name"]! : null);
  const latinName = tags["name"] && !/\p{Script=Han}/u.test(tags["name"]) ? tags["name"] : null;
  const nameEn = tags["name:en"] ?? latinName;
  const altNames = [...new Set([latinName, tags["official_name"], tags["alt_name"], tags["short_name"], tags["old_name"], tags["name:fr"]])]
    .filter((n): n is string => Boolean(n) && n !== nameEn && n !== nameZh)
    .map((n) => n.slice(0, LIMITS.maxNameLength))
    .slice(0, 10);
  return {
    categories,
    kind: first.kind(tags).slice(0, 60),
    facilities: facilitiesFromTags(tags),
    ageMin,
    ageMax,
    openingHours: tags["opening_hours"]?.slice(0, LIMITS.maxOpeningHoursLength) ?? null,
    nameZh: nameZh?.slice(0, LIMITS.maxNameLength) ?? null,
    nameEn: nameEn?.slice(0, LIMITS.maxNameLength) ?? null,
    altNames,
    address: addressOf(tags),
  };
}
