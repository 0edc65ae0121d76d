/**
 * Zod pieces for query-string fields shared by many routes: numbers that must be finite,
 * comma-separated lists, booleans spelled as true/false/1/0, and bounding boxes.
 */
import { z } from "zod";
import { type BBox } from "../../core/geo.ts";
import { LIMITS } from "../../core/limits.ts";

/** A finite number from a query string; rejects "", "NaN", "Infinity" and "1e999". */
export const finiteNumber = z
  .string()
  .trim()
  .regex(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, "must be a number")
  .transform(Number)
  .refine(Number.isFinite, "must be a finite number");

export const latitude = finiteNumber.refine((v) => v >= -90 && v <= 90, "latitude must be within -90..90");
export const longitude = finiteNumber.refine((v) => v >= -180 && v <= 180, "longitude must be within -180..180");

export const integerIn = (min: number, max: number) =>
  z.string().trim().regex(/^\d{1,9}$/, "must be a whole number").transform(Number)
    .refine((v) => v >= min && v <= max, `must be between ${min} and ${max}`);

export const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** A comma-separated list whose every item must be one of `allowed`. */
export const listOf = <T extends string>(allowed: readonly T[], what: string) =>
  z.string().max(500).transform((value, ctx) => {
    const items = value.split(",").map((s) => s.trim()).filter(Boolean);
    for (const item of items) {
      if (!(allowed as readonly string[]).includes(item)) {
        ctx.addIssue({ code: "custom", message: `unknown ${what} "${item.slice(0, 40)}"; one of ${allowed.join(", ")}` });
        return z.NEVER;
      }
    }
    return [...new Set(items)] as T[];
  });

/** "minLon,minLat,maxLon,maxLat", ordered, within range and at most LIMITS.maxBboxSpanDegrees wide. */
export const bboxField = z.string().max(200).transform((value, ctx): BBox => {
  const parts = value.split(",");
  const numbers = parts.map((p) => finiteNumber.safeParse(p));
  if (parts.length !== 4 || numbers.some((n) => !n.success)) {
    ctx.addIssue({ code: "custom", message: "bbox is four numbers: minLon,minLat,maxLon,maxLat" });
    return z.NEVER;
  }
  const [minLon, minLat, maxLon, maxLat] = numbers.map((n) => (n.success ? n.data : 0)) as [number, number, number, number];
  const problem =
    Math.abs(minLon) > 180 || Math.abs(maxLon) > 180 ? "longitudes must be within -180..180"
    : Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 ? "latitudes must be within -90..90"
    : minLon >= maxLon || minLat >= maxLat ? "bbox is reversed or empty: min must be less than max"
    : maxLon - minLon > LIMITS.maxBboxSpanDegrees || maxLat - minLat > LIMITS.maxBboxSpanDegrees
      ? `bbox may span at most ${LIMITS.maxBboxSpanDegrees} degrees`
    : null;
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return [minLon, minLat, maxLon, maxLat];
});
