/**
 * Facility tags a family filters by. Each maps to OSM tags in src/places/osm/tag-mapping.ts
 * and to a column header in spreadsheets (see docs/IMPORTING.md).
 */
export const FACILITY_IDS = [
  "changing_table",
  "nursing_room",
  "stroller",
  "wheelchair",
  "shade",
  "fenced",
  "toilets",
  "drinking_water",
] as const;
export type FacilityId = (typeof FACILITY_IDS)[number];

export const FACILITIES: Readonly<Record<FacilityId, { zh: string; en: string }>> = {
  changing_table: { zh: "尿布台", en: "Changing table" },
  nursing_room: { zh: "哺乳室", en: "Nursing room" },
  stroller: { zh: "婴儿车可达", en: "Stroller access" },
  wheelchair: { zh: "轮椅可达", en: "Wheelchair access" },
  shade: { zh: "遮阴", en: "Shade" },
  fenced: { zh: "有围栏", en: "Fenced" },
  toilets: { zh: "厕所", en: "Toilets" },
  drinking_water: { zh: "饮用水", en: "Drinking water" },
};

/** Type guard for facility names arriving from outside. */
export function isFacilityId(value: string): value is FacilityId {
  return (FACILITY_IDS as readonly string[]).includes(value);
}
