/** GET /api/regions and GET /api/regions/{id}/boundaries. */
import type { FastifyInstance } from "fastify";
import type { FeatureCollection } from "geojson";
import { regionIdParams } from "../core/api/paths.ts";
import type { RegionSummary } from "../core/region.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { defaultRegionSetting } from "../platform/config.ts";
import type { RegionDirectory } from "./region-directory.ts";

/** What other domains know of a region, listed with it so pages need not probe each one. */
export interface RegionFacts {
  placeCount(regionId: string): number;
  hasRoutes(regionId: string): boolean;
  hasCoverage(regionId: string): boolean;
}

export interface RegionsDomainDeps {
  directory: RegionDirectory;
  facts: RegionFacts;
  /** The region the map opens on (TONGXING_DEFAULT_REGION); read from the environment when not given. */
  defaultRegion?: string;
}

/** The regions domain over HTTP, as one Fastify plugin. */
export async function regionsDomain(app: FastifyInstance, { directory, facts, defaultRegion = defaultRegionSetting() }: RegionsDomainDeps): Promise<void> {
  app.get("/api/regions", async () => {
    // The region the map opens on: the city's own, even without street data; null when it is not loaded.
    const opensOn = directory.get(defaultRegion) ? defaultRegion : null;
    const regions: Array<RegionSummary & { isDefault: boolean }> = directory.list().map((r) => ({
      ...r,
      placeCount: facts.placeCount(r.id),
      routes: facts.hasRoutes(r.id),
      coverage: facts.hasCoverage(r.id),
      isDefault: r.id === opensOn,
    }));
    return { regions, defaultRegion: opensOn };
  });

  app.get("/api/regions/:id/boundaries", async (request, reply) => {
    const { id } = parseRequest(regionIdParams, request.params);
    if (!directory.get(id)) throw ApiError.notFound(say(`地区 ${id}`, `region ${id}`));
    const collection: FeatureCollection = {
      type: "FeatureCollection",
      features: directory.countiesOf(id).map((d) => ({
        type: "Feature",
        id: d.code,
        properties: { code: d.code, name: d.name, level: d.level },
        geometry: d.geometry!,
      })),
    };
    reply.header("cache-control", "public, max-age=3600");
    return collection;
  });
}
