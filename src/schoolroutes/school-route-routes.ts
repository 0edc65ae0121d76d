/**
 * The school-route analysis over HTTP, behind the staff sign-in (planners, units, the working
 * group: every staff role, as coverage):
 *   GET /api/schoolroutes?region=&kind=&limit=&format=json|geojson|csv|xlsx&signal=&zebra=
 *   GET /api/schoolroutes/school?region=&school=way/123&signal=&zebra=
 */
import type { FastifyInstance } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import { schoolQuery, schoolRoutesQuery } from "../core/api/schoolroutes.ts";
import { STAFF_ROLES } from "../core/staff-roles.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { Change } from "./school-changes.ts";
import { crossingsCsv, crossingsGeoJson, crossingsWorkbook } from "./school-route-exports.ts";
import { schoolRoutesAnswer, schoolRoutesGeoJson } from "./school-route-presenter.ts";
import type { SchoolRouteService } from "./school-route-service.ts";

export interface SchoolRouteDeps {
  guard: StaffGuard;
  schoolRoutes: SchoolRouteService;
  hasRegion(id: string): boolean;
  /** The county (district) name at a point of a region, where the region has divisions. */
  districtOf(regionId: string, lon: number, lat: number): string | null;
}

const changesOf = (q: { signal?: Array<[number, number]> | undefined; zebra?: Array<[number, number]> | undefined }): Change[] => [
  ...(q.signal ?? []).map(([lon, lat]) => ({ lon, lat, control: "signals" as const })),
  ...(q.zebra ?? []).map(([lon, lat]) => ({ lon, lat, control: "zebra" as const })),
];

export async function schoolRouteRoutes(app: FastifyInstance, deps: SchoolRouteDeps): Promise<void> {
  // Signed in first: a question's shape is nobody's business before that.
  const resolve = (region: string, changes: Change[]) => {
    if (!deps.hasRegion(region)) throw ApiError.notFound(say(`地区 ${region}`, `region ${region}`));
    const result = changes.length > 0 ? deps.schoolRoutes.whatIf(region, changes) : null;
    const current = result?.changed ?? deps.schoolRoutes.analysis(region);
    if (!current) throw ApiError.notFound(say(`${region} 的街道网络、居住区和学校（请先导入它的 OSM 数据）`, `street network, residential areas and schools of ${region} (import its OSM extract)`));
    return { current, base: result?.base, districtOf: (lon: number, lat: number) => deps.districtOf(region, lon, lat) };
  };

  app.get("/api/schoolroutes", async (request, reply) => {
    await deps.guard.require(request, STAFF_ROLES);
    const query = parseRequest(schoolRoutesQuery, request.query);
    const changes = changesOf(query);
    const { current, base, districtOf } = resolve(query.region, changes);
    const answer = schoolRoutesAnswer(current, { kind: query.kind, limit: query.limit, changes, districtOf }, base);
    if (query.format === "geojson") return reply.type("application/geo+json").send(crossingsGeoJson(answer));
    if (query.format === "csv") return reply.type("text/csv; charset=utf-8").header("content-disposition", "attachment; filename=school-route-crossings.csv").send(crossingsCsv(answer));
    if (query.format === "xlsx") return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").header("content-disposition", "attachment; filename=school-route-crossings.xlsx").send(await crossingsWorkbook(answer));
    return answer;
  });

  app.get("/api/schoolroutes/school", async (request) => {
    await deps.guard.require(request, STAFF_ROLES);
    const query = parseRequest(schoolQuery, request.query);
    const changes = changesOf(query);
    const { current, base, districtOf } = resolve(query.region, changes);
    if (!current.schools.some((s) => s.id === query.school)) throw ApiError.notFound(say(`学校 ${query.school}`, `school ${query.school}`));
    const all = schoolRoutesAnswer(current, { limit: 1000, changes, districtOf }, base);
    const school = all.schools.find((s) => s.id === query.school)!;
    return {
      region: current.regionId, school, routes: schoolRoutesGeoJson(current, query.school),
      crossings: all.crossings.filter((c) => c.schools.includes(query.school)),
      streets: all.streets.filter((s) => s.schools.includes(query.school)),
      whatIf: all.whatIf,
    };
  });
}
