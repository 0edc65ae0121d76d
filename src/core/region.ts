/** A region: a city (or the OSM sample) whose places, divisions and basemap are served. */
import { z } from "zod";
import { REGION_ID_PATTERN } from "./limits.ts";

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const regionSchema = z.object({
  id: z.string().regex(REGION_ID_PATTERN),
  name: z.object({ zh: z.string().min(1).max(100), en: z.string().min(1).max(100) }),
  timeZone: z.string().min(1).max(60),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  center: lonLat,
  zoom: z.number().min(0).max(20),
  attribution: z.string().max(500),
});

export type Region = z.infer<typeof regionSchema>;

/** A region as the API lists it. */
export interface RegionSummary extends Region {
  hasBasemap: boolean;
  placeCount: number;
  /** Street routing data is loaded: /api/route plans routes here. */
  routes: boolean;
  /** Streets and residential areas are imported: /api/coverage can analyse this region. */
  coverage: boolean;
}

/** Levels of China's administrative divisions that a region may carry. */
export const DIVISION_LEVELS = ["county", "street", "community"] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];
