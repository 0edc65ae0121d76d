/**
 * Coverage for planners, behind the staff sign-in:
 *   GET /api/coverage?region=&standard=|kind=&minutes=&site=lat,lon;..&remove=id,..&format=json|geojson|streets|csv|xlsx
 *       (geojson: residential areas with minutes; streets: every street with its walking minutes)
 *   GET /api/coverage/suggest?...&k=3      the k best new sites (greedy maximal covering)
 *   GET /api/coverage/standards            the GB 50180 presets
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import { type CoverageQueryInput, coverageQuery } from "../core/api/coverage.ts";
import { KIND_LABELS } from "../core/kinds.ts";
import { ACCESS_STANDARDS } from "../core/life-circles.ts";
import { STAFF_ROLES } from "../core/staff-roles.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { CoverageResult } from "./coverage.ts";
import { coverageCsv, coverageGeoJson, coverageWorkbook } from "./coverage-exports.ts";
import type { CoverageQuery, CoverageService } from "./coverage-service.ts";

export const POPULATION_PROXY = "Residential land (OSM landuse=residential) and residential buildings (building=residential, apartments, house, ... and building=yes with no other use tagged), by footprint area in m²; not a head count.";

function toQuery(raw: CoverageQueryInput): CoverageQuery {
  const standard = ACCESS_STANDARDS.find((s) => s.id === raw.standard);
  const kinds = standard ? [...standard.kinds] : (raw.kind ?? "").split(",").filter(Boolean);
  if (kinds.length === 0) throw ApiError.invalid("kind", say("请选一个标准，或填写地点类型（用逗号分隔）", "give a standard, or kinds of place (comma-separated)"));
  const unknown = kinds.find((k) => !KIND_LABELS[k]);
  if (unknown) throw ApiError.invalid("kind", say(`不认识的地点类型“${unknown}”`, `unknown kind "${unknown}"`));
  const minutes = raw.minutes ?? standard?.minutes;
  if (minutes === undefined) throw ApiError.invalid("minutes", say("请填写步行分钟数（1–30）", "give the walking minutes (1-30)"));
  const add = (raw.site ?? []).map(([lon, lat]) => ({ lon, lat }));
  return { regionId: raw.region, kinds, minutes, add, remove: (raw.remove ?? "").split(",").filter(Boolean).slice(0, 200) };
}

function summary(query: CoverageQuery, result: CoverageResult) {
  const { areas, ...totals } = result;
  return { region: query.regionId, kinds: query.kinds, ...totals, areas: areas.length, uncovered: areas.filter((a) => !a.covered).length, proxy: POPULATION_PROXY };
}

/** The access domain over HTTP (coverage for planners), as one Fastify plugin. */
export async function accessDomain(app: FastifyInstance, context: { guard: StaffGuard; coverage: CoverageService; hasRegion: (id: string) => boolean }): Promise<void> {
  const resolve = async (request: FastifyRequest) => {
    await context.guard.require(request, STAFF_ROLES);
    const raw = parseRequest(coverageQuery, request.query);
    if (!context.hasRegion(raw.region)) throw ApiError.notFound(say(`地区 ${raw.region}`, `region ${raw.region}`));
    const query = toQuery(raw);
    const result = context.coverage.coverage(query);
    if (!result) throw ApiError.notFound(say(`${raw.region} 的街道网络和居住区（请先导入它的 OSM 数据）`, `street network and residential areas of ${raw.region} (import its OSM extract)`));
    return { raw, query, result };
  };

  app.get("/api/coverage/standards", async (request) => {
    await context.guard.require(request, STAFF_ROLES);
    return { standards: ACCESS_STANDARDS, proxy: POPULATION_PROXY };
  });

  app.get("/api/coverage", async (request, reply: FastifyReply) => {
    const { raw, query, result } = await resolve(request);
    if (raw.format === "geojson") return reply.type("application/geo+json").send(coverageGeoJson(result));
    if (raw.format === "streets") return reply.type("application/geo+json").send(context.coverage.streetMinutes(query));
    if (raw.format === "csv") return reply.type("text/csv; charset=utf-8").header("content-disposition", "attachment; filename=coverage.csv").send(coverageCsv(result));
    if (raw.format === "xlsx") return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").header("content-disposition", "attachment; filename=coverage.xlsx").send(await coverageWorkbook(result, POPULATION_PROXY));
    return summary(query, result);
  });

  app.get("/api/coverage/suggest", async (request) => {
    const { raw, query, result } = await resolve(request);
    return { region: query.regionId, kinds: query.kinds, minutes: result.minutes, method: "greedy maximal covering over street vertices next to uncovered residential areas", suggestions: context.coverage.suggest(query, raw.k) ?? [] };
  });
}
