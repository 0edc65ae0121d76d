/**
 * Zod pieces for query-string fields, which the src/core/api schemas are made of: finite
 * numbers, whole numbers in a range, booleans spelled true/false/1/0, comma-separated lists
 * of known ids, bounding boxes and positions (`lat,lon`, see vocabulary.ts). Each carries the
 * JSON Schema a client sees in the OpenAPI document (`meta`), so a number is documented as a
 * number although the query string brings it as text.
 */
import { z } from "zod";
import { type BBox } from "../geo.ts";
import { LIMITS } from "../limits.ts";
import { both, bothParams } from "./messages.ts";

const NUMBER_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A finite number from a query string; rejects "", "NaN", "Infinity" and "1e999". */
export const finiteNumber = z
  .string()
  .trim()
  .regex(NUMBER_PATTERN, both("应为数字", "must be a number"))
  .transform(Number)
  .refine(Number.isFinite, both("应为有限的数字", "must be a finite number"))
  .meta({ type: "number" });

/** A number within `min..max`, from a query string. */
export const numberIn = (min: number, max: number, message = both(`应在 ${min} 到 ${max} 之间`, `must be within ${min}..${max}`)) =>
  finiteNumber.refine((v) => v >= min && v <= max, message).meta({ type: "number", minimum: min, maximum: max });

/** A latitude in degrees (WGS-84). */
export const latitude = numberIn(-90, 90, both("纬度应在 -90 到 90 之间", "latitude must be within -90..90"));
/** A longitude in degrees (WGS-84). */
export const longitude = numberIn(-180, 180, both("经度应在 -180 到 180 之间", "longitude must be within -180..180"));

/** A whole number within `min..max`, from a query string. */
export const integerIn = (min: number, max: number) =>
  z.string().trim().regex(/^\d{1,9}$/, both("应为整数", "must be a whole number")).transform(Number)
    .refine((v) => v >= min && v <= max, both(`应在 ${min} 到 ${max} 之间`, `must be between ${min} and ${max}`))
    .meta({ type: "integer", minimum: min, maximum: max });

/** A yes/no flag: true, false, 1 or 0. */
export const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** A comma-separated list whose every item must be one of `allowed`. */
export const listOf = <T extends string>(allowed: readonly T[], what: string) =>
  z.string().max(500).transform((value, ctx) => {
    const items = value.split(",").map((s) => s.trim()).filter(Boolean);
    for (const item of items) {
      if (!(allowed as readonly string[]).includes(item)) {
        ctx.addIssue({ code: "custom", ...bothParams(`不认识的取值“${item.slice(0, 40)}”，可选：${allowed.join("、")}`, `unknown ${what} "${item.slice(0, 40)}"; one of ${allowed.join(", ")}`) });
        return z.NEVER;
      }
    }
    return [...new Set(items)] as T[];
  }).meta({ "x-items": [...allowed] });

/** "minLon,minLat,maxLon,maxLat", ordered, within range and at most LIMITS.maxBboxSpanDegrees wide. */
export const bboxField = z.string().max(200).transform((value, ctx): BBox => {
  const parts = value.split(",");
  const numbers = parts.map((p) => finiteNumber.safeParse(p));
  if (parts.length !== 4 || numbers.some((n) => !n.success)) {
    ctx.addIssue({ code: "custom", ...bothParams("地图范围应为四个数字：最小经度,最小纬度,最大经度,最大纬度", "bbox is four numbers: minLon,minLat,maxLon,maxLat") });
    return z.NEVER;
  }
  const [minLon, minLat, maxLon, maxLat] = numbers.map((n) => (n.success ? n.data : 0)) as [number, number, number, number];
  const problem =
    Math.abs(minLon) > 180 || Math.abs(maxLon) > 180 ? bothParams("经度应在 -180 到 180 之间", "longitudes must be within -180..180")
    : Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 ? bothParams("纬度应在 -90 到 90 之间", "latitudes must be within -90..90")
    : minLon >= maxLon || minLat >= maxLat ? bothParams("地图范围颠倒或为空：最小值应小于最大值", "bbox is reversed or empty: min must be less than max")
    : maxLon - minLon > LIMITS.maxBboxSpanDegrees || maxLat - minLat > LIMITS.maxBboxSpanDegrees
      ? bothParams(`地图范围每边最多 ${LIMITS.maxBboxSpanDegrees} 度`, `bbox may span at most ${LIMITS.maxBboxSpanDegrees} degrees`)
    : null;
  if (problem) {
    ctx.addIssue({ code: "custom", ...problem });
    return z.NEVER;
  }
  return [minLon, minLat, maxLon, maxLat];
});

/** "lat,lon" as [lon, lat], or null when it is not a position. */
export function parseLatLon(text: string): [lon: number, lat: number] | null {
  const parts = text.split(",");
  const lat = finiteNumber.safeParse(parts[0] ?? "");
  const lon = finiteNumber.safeParse(parts[1] ?? "");
  if (parts.length !== 2 || !lat.success || !lon.success || Math.abs(lat.data) > 90 || Math.abs(lon.data) > 180) return null;
  return [lon.data, lat.data];
}

/** One position, `lat,lon`, read as [lon, lat]. */
export const latLonField = z.string().max(60).transform((value, ctx): [number, number] => {
  const position = parseLatLon(value);
  if (!position) {
    ctx.addIssue({ code: "custom", ...bothParams("位置应写成 纬度,经度（度），例如 43.7384,7.4246", "a position is lat,lon in degrees, e.g. 43.7384,7.4246") });
    return z.NEVER;
  }
  return position;
});

/** Up to `most` positions, `lat,lon;lat,lon`, read as [lon, lat] each. */
export const latLonListField = (most: number) => z.string().max(most * 40).transform((value, ctx): Array<[number, number]> => {
  const pairs = value.split(";").filter(Boolean);
  if (pairs.length > most) {
    ctx.addIssue({ code: "custom", ...bothParams(`最多 ${most} 个位置`, `at most ${most} positions`) });
    return z.NEVER;
  }
  const positions: Array<[number, number]> = [];
  for (const [i, pair] of pairs.entries()) {
    const position = parseLatLon(pair);
    if (!position) {
      ctx.addIssue({ code: "custom", ...bothParams(`第 ${i + 1} 个位置应写成 纬度,经度（度），例如 43.7350,7.4200`, `position ${i + 1}: lat,lon in degrees, e.g. 43.7350,7.4200`) });
      return z.NEVER;
    }
    positions.push(position);
  }
  return positions;
});

/**
 * A parameter that was renamed: any value is refused with a message naming the new one, so
 * an old client learns what to send. The OpenAPI document leaves it out (`x-renamed-to`).
 */
export const renamedTo = (name: string, spelling: string) =>
  z.never({ error: both(`这个参数已改名为 ${name}=${spelling}`, `this parameter is now ${name}=${spelling}`) }).optional().meta({ "x-renamed-to": name });
