/**
 * Turns OSM elements into places: tag mapping, a marker position for ways and
 * multipolygons, pinyin for Chinese names, a kind name for unnamed features.
 */
import type { LonLat } from "../../core/geo.ts";
import { kindLabel } from "../../core/kinds.ts";
import type { Place } from "../../core/place.ts";
import { checkOpeningHours } from "../../core/opening-hours.ts";
import { pinyinOf } from "../pinyin.ts";
import { type OsmElement, type OsmWay, meanOf, wayAnchor } from "../../osm/index.ts";
import { mapOsmTags } from "./tag-mapping.ts";

export interface OsmImportContext {
  regionId: string;
  source: string;
  licence: string;
  importedAt: string;
}

/** An element we kept but corrected, or dropped, and why: shown in the import report. */
export interface OsmNotice {
  element: string;
  message: string;
}

export interface OsmPlacesResult {
  places: Place[];
  notices: OsmNotice[];
}

const ELEMENT_LETTER = { node: "n", way: "w", relation: "r" } as const;

/** Collects node positions and ways first: OSM files list nodes before the ways using them. */
function indexGeometry(elements: readonly OsmElement[]): {
  nodes: Map<number, LonLat>;
  ways: Map<number, OsmWay>;
} {
  const nodes = new Map<number, LonLat>();
  const ways = new Map<number, OsmWay>();
  for (const element of elements) {
    if (element.type === "node") nodes.set(element.id, [element.lon, element.lat]);
    else if (element.type === "way") ways.set(element.id, element);
  }
  return { nodes, ways };
}

function wayVertices(way: OsmWay, nodes: Map<number, LonLat>): LonLat[] {
  const vertices: LonLat[] = [];
  for (const ref of way.refs) {
    const position = nodes.get(ref);
    if (position) vertices.push(position);
  }
  return vertices;
}

function anchorOf(
  element: OsmElement,
  nodes: Map<number, LonLat>,
  ways: Map<number, OsmWay>,
): LonLat | null {
  if (element.type === "node") return [element.lon, element.lat];
  if (element.type === "way") return wayAnchor(wayVertices(element, nodes));
  const anchors = element.members
    .filter((m) => m.type === "way" && m.role !== "inner")
    .map((m) => ways.get(m.ref))
    .map((way) => (way ? wayAnchor(wayVertices(way, nodes)) : null))
    .filter((a): a is LonLat => a !== null);
  return anchors.length > 0 ? meanOf(anchors) : null;
}

/** Maps every element; elements that are not places are skipped silently. */
export function placesFromOsm(elements: readonly OsmElement[], context: OsmImportContext): OsmPlacesResult {
  const { nodes, ways } = indexGeometry(elements);
  const places: Place[] = [];
  const notices: OsmNotice[] = [];
  for (const element of elements) {
    if (Object.keys(element.tags).length === 0) continue;
    const mapped = mapOsmTags(element.tags);
    if (!mapped) continue;
    const label = `${element.type}/${element.id}`;
    const anchor = anchorOf(element, nodes, ways);
    if (!anchor) {
      notices.push({ element: label, message: "no position: its nodes are not in the file" });
      continue;
    }
    let openingHours = mapped.openingHours;
    const hoursError = openingHours ? checkOpeningHours(openingHours) : null;
    if (hoursError) {
      notices.push({ element: label, message: `opening_hours dropped: ${hoursError.split("\n")[0]}` });
      openingHours = null;
    }
    const unnamed = mapped.nameZh === null && mapped.nameEn === null;
    places.push({
      id: `osm:${ELEMENT_LETTER[element.type]}${element.id}`,
      regionId: context.regionId,
      name: {
        zh: unnamed ? kindLabel(mapped.kind, "zh") : mapped.nameZh,
        en: unnamed ? kindLabel(mapped.kind, "en") : mapped.nameEn,
        pinyin: mapped.nameZh ? pinyinOf(mapped.nameZh) : null,
        alt: mapped.altNames,
      },
      categories: mapped.categories,
      kind: mapped.kind,
      facilities: mapped.facilities,
      ageMin: mapped.ageMin,
      ageMax: mapped.ageMax,
      openingHours,
      address: mapped.address,
      districtCode: null,
      communityCode: null,
      demonstration: null,
      lon: anchor[0],
      lat: anchor[1],
      precision: "exact",
      locationNote: null,
      provenance: {
        source: context.source,
        licence: context.licence,
        sourceId: label,
        importedAt: context.importedAt,
      },
      updatedAt: context.importedAt,
    });
  }
  return { places, notices };
}
