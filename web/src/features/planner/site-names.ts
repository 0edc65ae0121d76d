/**
 * Names for the sites a planner proposes, so a plan reads "拟建点 1：南湖公园附近" and not
 * a pair of coordinates: the nearest place when it is close (GET /api/places/nearby, the
 * public places API), else the district the nearest place lies in, else the distance to the
 * nearest place, else nothing (the caller then shows the coordinates). Looked up once per position and remembered.
 */
import { kindLabel } from "../../../../src/core/kinds.ts";
import { getJson, isPlaceFeature, isRecord, type PlaceFeature } from "../../shared/api.ts";
import { getLanguage } from "../../shared/i18n.ts";
import type { LonLat } from "./planner-api.ts";
import { t } from "./planner-messages.ts";

/** Within this distance a proposed site is named after the nearest place. */
export const NEAR_PLACE_M = 400;
/** How far to look for a place whose district names the site. */
const DISTRICT_SEARCH_M = 5000;
/** How many of the nearest places to look through for one with a name of its own. */
const CANDIDATES = 8;

/** What the nearest place tells about a position: its name, distance and district. */
export interface Nearest {
  readonly name: string | null;
  readonly distanceM: number;
  readonly districtName: string | null;
}

/** The name for a proposed site from its nearest place, or null when nothing names it. */
export function siteLabel(nearest: Nearest | null): string | null {
  if (nearest === null) return null;
  if (nearest.name && nearest.distanceM <= NEAR_PLACE_M) return t("nearPlace", { name: nearest.name });
  if (nearest.districtName) return nearest.districtName;
  if (nearest.name && Number.isFinite(nearest.distanceM)) {
    return t("fromPlace", { name: nearest.name, m: String(Math.round(nearest.distanceM / 10) * 10) });
  }
  return null;
}

/** A place's own name, or null for one the map calls by its kind ("公园", an unnamed park). */
function ownName(place: PlaceFeature): string | null {
  const { zh, en } = place.properties.name;
  const { kind } = place.properties;
  if ((zh ?? kindLabel(kind, "zh")) === kindLabel(kind, "zh") && (en ?? kindLabel(kind, "en")) === kindLabel(kind, "en")) return null;
  return (getLanguage() === "zh" ? (zh ?? en) : (en ?? zh)) ?? null;
}

/** The nearest place with a name of its own, with the district of the nearest place of all. */
function nearestOf(places: readonly PlaceFeature[]): Nearest | null {
  const first = places[0];
  if (!first) return null;
  const named = places.find((p) => ownName(p) !== null);
  return {
    name: named ? ownName(named) : null,
    distanceM: named?.properties.distanceM ?? Number.POSITIVE_INFINITY,
    districtName: first.properties.districtName,
  };
}

async function lookUp([lon, lat]: LonLat, region: string): Promise<string | null> {
  const query = new URLSearchParams({ lat: lat.toFixed(6), lon: lon.toFixed(6), k: String(CANDIDATES), radius: String(DISTRICT_SEARCH_M), region });
  const body = await getJson(`/api/places/nearby?${query}`);
  const features: unknown[] = isRecord(body) && Array.isArray(body.features) ? body.features : [];
  return siteLabel(nearestOf(features.filter(isPlaceFeature)));
}

/** Names of proposed sites, looked up in the background; `changed` runs when one arrives. */
export class SiteNames {
  private readonly known = new Map<string, string | null>();

  constructor(private readonly changed: () => void) {}

  /** The site's name, null when it has none (or not yet): the first call starts the look-up. */
  get(lonLat: LonLat, region: string): string | null {
    const key = `${region}:${getLanguage()}:${lonLat[0].toFixed(6)},${lonLat[1].toFixed(6)}`;
    if (this.known.has(key)) return this.known.get(key) ?? null;
    this.known.set(key, null);
    lookUp(lonLat, region).then((name) => {
      this.known.set(key, name);
      if (name !== null) this.changed();
    }, () => undefined);
    return null;
  }
}
