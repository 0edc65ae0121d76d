/**
 * The school-route analysis over HTTP, behind the staff sign-in (planners, units, the working
 * group: every staff role, as coverage):
 *   GET /api/schoolroutes?region=&kind=&limit=&format=json|geojson|csv|xlsx&signal=&zebra=
 *   GET /api/schoolroutes/school?region=&school=way/123&signal=&zebra=
 *   GET /api/schoolroutes/school.html|pdf|png?…the same…   the parents' printable map of it
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { StaffGuard } from "../accounts/index.ts";
import { type SchoolAnswer, schoolQuery, schoolRoutesQuery } from "../core/api/schoolroutes.ts";
import { STAFF_ROLES } from "../core/staff-roles.ts";
import { ApiError, type ErrorBody, say } from "../platform/errors.ts";
import { requestLanguage } from "../platform/http/language.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { Printer } from "../platform/printer.ts";
import type { Change } from "./school-changes.ts";
import { crossingsCsv, crossingsGeoJson, crossingsWorkbook } from "./school-route-exports.ts";
import { catchmentHomes, schoolMapInput } from "./school-map-data.ts";
import { schoolMapPage, schoolMapPicturePage } from "./school-map-page.ts";
import { schoolMapSvg } from "./school-map-svg.ts";
import { schoolRoutesAnswer, schoolRoutesGeoJson } from "./school-route-presenter.ts";
import type { Hazard, RegionAnalysis, SchoolRouteService } from "./school-route-service.ts";

export interface SchoolRouteDeps {
  guard: StaffGuard;
  schoolRoutes: SchoolRouteService;
  hasRegion(id: string): boolean;
  /** The county (district) name at a point of a region, where the region has divisions. */
  districtOf(regionId: string, lon: number, lat: number): string | null;
  /** Prints the parents' map as PDF and PNG: the server's one printer (one of its own when not given). */
  printer?: Printer;
}

const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
/** An ASCII file name for a school's map: way/123 -> school-route-way-123.pdf. */
const fileName = (school: string, extension: string) => `attachment; filename="school-route-${school.replace("/", "-")}.${extension}"`;

const changesOf = (q: { signal?: Array<[number, number]> | undefined; zebra?: Array<[number, number]> | undefined }): Change[] => [
  ...(q.signal ?? []).map(([lon, lat]) => ({ lon, lat, control: "signals" as const })),
  ...(q.zebra ?? []).map(([lon, lat]) => ({ lon, lat, control: "zebra" as const })),
];

/** The hazards within reach of a school's walks (the box around them and its gates, 100 m wider). */
function hazardsNear(hazards: readonly Hazard[], routes: SchoolAnswer["routes"], gates: ReadonlyArray<readonly [number, number]>): SchoolAnswer["hazards"] {
  const points = [...routes.features.flatMap((f) => f.geometry.coordinates), ...gates];
  if (points.length === 0) return [];
  const padLat = 100 / 111_320;
  const padLon = padLat / Math.cos((points[0]![1] * Math.PI) / 180);
  const [west, east] = [Math.min(...points.map((p) => p[0])) - padLon, Math.max(...points.map((p) => p[0])) + padLon];
  const [south, north] = [Math.min(...points.map((p) => p[1])) - padLat, Math.max(...points.map((p) => p[1])) + padLat];
  return hazards.filter((h) => h.lon >= west && h.lon <= east && h.lat >= south && h.lat <= north).map((h) => ({ id: h.id, kind: h.kind, position: [h.lon, h.lat] as [number, number] }));
}

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
    if (deps.hasRegion(query.region)) await deps.schoolRoutes.refreshHazards(query.region);
    const { current, base, districtOf } = resolve(query.region, changes);
    const answer = schoolRoutesAnswer(current, { kind: query.kind, limit: query.limit, changes, districtOf }, base);
    if (query.format === "geojson") return reply.type("application/geo+json").send(crossingsGeoJson(answer));
    if (query.format === "csv") return reply.type("text/csv; charset=utf-8").header("content-disposition", "attachment; filename=school-route-crossings.csv").send(crossingsCsv(answer));
    if (query.format === "xlsx") return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").header("content-disposition", "attachment; filename=school-route-crossings.xlsx").send(await crossingsWorkbook(answer));
    return answer;
  });

  /** One school's answer, signed in first; its region's analysis too (the map reads the homes and streets). */
  const schoolOf = async (request: FastifyRequest): Promise<{ answer: SchoolAnswer; region: RegionAnalysis }> => {
    await deps.guard.require(request, STAFF_ROLES);
    const query = parseRequest(schoolQuery, request.query);
    const changes = changesOf(query);
    if (deps.hasRegion(query.region)) await deps.schoolRoutes.refreshHazards(query.region);
    const { current, base, districtOf } = resolve(query.region, changes);
    if (!current.schools.some((s) => s.id === query.school)) throw ApiError.notFound(say(`学校 ${query.school}`, `school ${query.school}`));
    const all = schoolRoutesAnswer(current, { limit: 1000, changes, districtOf }, base);
    const school = all.schools.find((s) => s.id === query.school)!;
    const routes = schoolRoutesGeoJson(current, query.school);
    const answer = {
      region: current.regionId, school, routes,
      crossings: all.crossings.filter((c) => c.schools.includes(query.school)),
      streets: all.streets.filter((s) => s.schools.includes(query.school)),
      homes: catchmentHomes(current, query.school).map(([lon, lat]) => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] as [number, number]),
      hazards: hazardsNear(deps.schoolRoutes.hazardsIn(current.regionId), routes, school.gates.length > 0 ? school.gates : [school.position]),
      whatIf: all.whatIf,
    };
    return { answer, region: current };
  };

  app.get("/api/schoolroutes/school", async (request) => (await schoolOf(request)).answer);

  const mapOf = async (request: FastifyRequest) => {
    const { answer, region } = await schoolOf(request);
    const svg = schoolMapSvg(schoolMapInput(region, answer, answer.whatIf ? "含假设改造 · includes what-if changes" : undefined));
    return { answer, svg, document: `${answer.region}:${answer.school.id}`, page: schoolMapPage(answer, svg, region.homesAre) };
  };
  const printer = deps.printer ?? new Printer();
  const cannotPrint = (request: FastifyRequest, reply: FastifyReply, result: { reason: "no_chromium" } | { reason: "busy"; retryAfterSeconds: number }) => {
    if (result.reason === "no_chromium") throw new ApiError(503, "unavailable", say("服务器上没有 Chromium，无法生成文件；请打开 school.html 可打印网页版再打印", "no Chromium on this server to print with; open school.html and print it"));
    const wait = result.retryAfterSeconds;
    const text = say(`正在生成其他地图，请 ${wait} 秒后再试，或打开 school.html 可打印网页版打印`, `other maps are being printed; try again in ${wait} s, or open school.html and print it`);
    const body: ErrorBody = { code: "unavailable", message: text[requestLanguage(request)], field: null };
    return reply.code(503).header("retry-after", String(wait)).send(body);
  };

  app.get("/api/schoolroutes/school.html", async (request, reply) => {
    const { page } = await mapOf(request);
    return reply.type("text/html; charset=utf-8").header("content-security-policy", PAGE_POLICY).send(page);
  });

  app.get("/api/schoolroutes/school.pdf", async (request, reply) => {
    const { answer, document, page } = await mapOf(request);
    const printed = await printer.print(document, page);
    if (!printed.ok) return cannotPrint(request, reply, printed);
    return reply.type("application/pdf").header("content-disposition", fileName(answer.school.id, "pdf")).send(printed.pdf);
  });

  app.get("/api/schoolroutes/school.png", async (request, reply) => {
    const { answer, document, svg } = await mapOf(request);
    const shot = await printer.shoot(document, schoolMapPicturePage(svg, answer.school.name));
    if (!shot.ok) return cannotPrint(request, reply, shot);
    return reply.type("image/png").header("content-disposition", fileName(answer.school.id, "png")).send(shot.png);
  });
}
