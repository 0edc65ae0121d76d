/**
 * Geographic math shared by server and browser: distances, bounding boxes and the
 * conversions between the three coordinate systems found in Chinese data.
 * WGS-84 is what we store; GCJ-02 (Amap, most official spreadsheets) and BD-09 (Baidu)
 * are converted on import. Pure functions, no I/O.
 */

/** A position as longitude/latitude in degrees, the GeoJSON order. */
export type LonLat = [lon: number, lat: number];

/** A bounding box [minLon, minLat, maxLon, maxLat], the GeoJSON order. */
export type BBox = [number, number, number, number];

/** The coordinate systems an import can state. */
export const COORDINATE_SYSTEMS = ["wgs84", "gcj02", "bd09"] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine); accurate to well under 0.5% at city scale. */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** True when the numbers are a finite longitude and latitude. */
export function isValidLonLat(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

/** True when a point lies inside a bbox (edges included). */
export function bboxContains(bbox: Readonly<BBox>, lon: number, lat: number): boolean {
  return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

/** The smallest bbox around a list of positions; undefined for an empty list. */
export function bboxOf(points: Iterable<LonLat>): BBox | undefined {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }
  return minLon === Infinity ? undefined : [minLon, minLat, maxLon, maxLat];
}

// GCJ-02 is WGS-84 plus a published, deterministic obfuscation offset that applies only
// inside mainland China. The constants are those of the Krasovsky 1940 ellipsoid it uses.
const KRASOVSKY_A = 6_378_245.0;
const KRASOVSKY_EE = 0.006_693_421_622_965_943;
const BD_X_PI = (Math.PI * 3000.0) / 180.0;

/** Rough mainland-China test used by every GCJ-02 implementation: outside it no offset is applied. */
export function isOutsideChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function offsetLon(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** WGS-84 to GCJ-02 (the forward offset, exact by definition). */
export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  let dLat = offsetLat(lon - 105.0, lat - 35.0);
  let dLon = offsetLon(lon - 105.0, lat - 35.0);
  const radLat = lat * RAD;
  let magic = Math.sin(radLat);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/**
 * GCJ-02 to WGS-84. The offset has no closed-form inverse, so we iterate the forward
 * function until the round trip is within 1e-9 degrees (about 0.1 mm), not the common
 * one-step approximation that is off by up to a metre or two.
 */
export function gcj02ToWgs84(lon: number, lat: number): LonLat {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
    const eLon = gLon - lon;
    const eLat = gLat - lat;
    wLon -= eLon;
    wLat -= eLat;
    if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return [wLon, wLat];
}

/** GCJ-02 to BD-09 (Baidu's extra rotation and offset on top of GCJ-02). */
export function gcj02ToBd09(lon: number, lat: number): LonLat {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * BD-09 to GCJ-02: the published inverse formula (off by up to ~1 cm), refined by
 * iterating the forward function like gcj02ToWgs84.
 */
export function bd09ToGcj02(lon: number, lat: number): LonLat {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
  let gLon = z * Math.cos(theta);
  let gLat = z * Math.sin(theta);
  for (let i = 0; i < 10; i++) {
    const [bLon, bLat] = gcj02ToBd09(gLon, gLat);
    if (Math.abs(bLon - lon) < 1e-11 && Math.abs(bLat - lat) < 1e-11) break;
    gLon -= bLon - lon;
    gLat -= bLat - lat;
  }
  return [gLon, gLat];
}

/** Converts a position stated in any supported system to WGS-84. */
export function toWgs84(system: CoordinateSystem, lon: number, lat: number): LonLat {
  if (system === "wgs84") return [lon, lat];
  if (system === "gcj02") return gcj02ToWgs84(lon, lat);
  const [gLon, gLat] = bd09ToGcj02(lon, lat);
  return gcj02ToWgs84(gLon, gLat);
}
