/**
 * Schools and kindergartens of an OSM extract, with their gates: amenity=kindergarten and
 * amenity=school as points or outlines (the outline's centre), the level read from
 * isced:level / school:level / the name (幼儿园, 小学, 中学/初中/高中, école, collège,
 * lycée), and the gates from entrance=* nodes on the outline. Universities and colleges
 * mapped as amenity=school are left out: nobody walks there as a child. A school whose level cannot
 * be told is counted as a primary school, the level children walk to alone the youngest.
 */
import type { OsmElement, OsmTags } from "../osm/index.ts";
import { ringAreaAndCentroid } from "../access/index.ts";
import type { School, SchoolKind } from "./school-analysis.ts";

/** 中学, 初中, 高中, 附中, 初一..初三, and the numbered middle schools (一中, 十五中, 五中) but not 中心 (a central primary). */
const SECONDARY_NAME = /中学|初中|高中|附中|初[一二三]|[一二三四五六七八九十\d]中(?!心)|中专|职高|collège|college|lycée|lycee|secondary|high school|middle school|gymnasium/i;
const PRIMARY_NAME = /小学|附小|primary|élémentaire|elementaire|école|ecole|elementary/i;
const HIGHER_NAME = /大学|大學|学院|學院|universit|institut|academy of|école supérieure|ecole superieure/i;
const KINDERGARTEN_NAME = /幼儿园|托儿所|maternelle|kindergarten|nursery|crèche|creche/i;

/** The kind of a school from its tags, or null when it is not one children walk to. */
export function schoolKind(tags: OsmTags): SchoolKind | null {
  const amenity = tags["amenity"];
  if (amenity === "kindergarten" || amenity === "childcare") return amenity === "kindergarten" ? "kindergarten" : null;
  if (amenity !== "school") return null;
  const name = `${tags["name:zh"] ?? ""} ${tags["name"] ?? ""} ${tags["name:en"] ?? ""}`;
  if (HIGHER_NAME.test(name)) return null;
  const levels = (tags["isced:level"] ?? tags["school:level"] ?? "").split(/[;,-]/).map((l) => l.trim());
  if (KINDERGARTEN_NAME.test(name) || levels.includes("0")) return "kindergarten";
  if (PRIMARY_NAME.test(name) && !SECONDARY_NAME.test(name)) return "primary";
  if (levels.includes("1") || tags["school"] === "primary") return "primary";
  if (SECONDARY_NAME.test(name) || levels.includes("2") || levels.includes("3") || tags["school"] === "secondary") return "secondary";
  return "primary";
}

const nameOf = (tags: OsmTags, id: string) => tags["name:zh"] ?? tags["name"] ?? id;

export function schoolsFromOsm(elements: readonly OsmElement[]): School[] {
  const nodes = new Map<number, { lon: number; lat: number; entrance: boolean }>();
  for (const e of elements) if (e.type === "node") nodes.set(e.id, { lon: e.lon, lat: e.lat, entrance: e.tags["entrance"] !== undefined && e.tags["entrance"] !== "no" && e.tags["access"] !== "private" });
  const out: School[] = [];
  for (const e of elements) {
    const kind = e.type === "relation" ? null : schoolKind(e.tags);
    if (!kind) continue;
    if (e.type === "node") {
      out.push({ id: `node/${e.id}`, name: nameOf(e.tags, `node/${e.id}`), kind, lon: e.lon, lat: e.lat, gates: [] });
      continue;
    }
    if (e.type !== "way") continue;
    const ring = e.refs.map((ref) => nodes.get(ref)).filter((p) => p !== undefined);
    if (ring.length < 3 || ring.length !== e.refs.length) continue;
    const { lon, lat } = ringAreaAndCentroid(ring.map((p) => [p.lon, p.lat] as [number, number]));
    const gates = ring.filter((p) => p.entrance).map((p) => [p.lon, p.lat] as const);
    out.push({ id: `way/${e.id}`, name: nameOf(e.tags, `way/${e.id}`), kind, lon, lat, gates: [...new Map(gates.map((g) => [`${g[0]},${g[1]}`, g])).values()] });
  }
  return out;
}
