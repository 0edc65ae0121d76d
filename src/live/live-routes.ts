/**
 * Live status over HTTP, as one Fastify plugin: a place's status (public) and its change by
 * the venue's staff or an administrator; every place of a region with a status (a fresh map
 * merges it into the places it shows); the stream of changes with event ids (replay after
 * Last-Event-ID, heartbeats); a place's history and a region's summary for planners (JSON
 * or CSV). Thin handlers: parse, authorise, call the service, present.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { StaffUser } from "../accounts/index.ts";
import { regionStatusQuery, statusChangeSchema, statusHistoryQuery, statusStreamQuery, statusSummaryQuery } from "../core/api/live.ts";
import { placeIdParams } from "../core/api/paths.ts";
import type { StaffRole } from "../core/staff-roles.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { openEventStream } from "../platform/http/event-stream.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { LivePlace, LiveStatusService } from "./live-status-service.ts";
import { historyCsv, summarise, summaryCsv } from "./status-summary.ts";
import { placeHistory, regionChangesSince } from "./status-store.ts";

/** The staff guard's part live status uses (accounts' StaffGuard has it). */
export interface LiveStaffGuard {
  require(request: FastifyRequest, roles: readonly StaffRole[]): Promise<StaffUser>;
  /** An administrator, or venue staff bound to `placeId`; 401 / 403 otherwise. */
  requireVenue(request: FastifyRequest, placeId: string): Promise<StaffUser>;
}

export interface LiveDomainDeps {
  db: Database;
  live: LiveStatusService;
  staff: LiveStaffGuard;
  hasRegion: (id: string) => boolean;
  timeZoneOf: (regionId: string) => string;
  placeOf: (id: string) => LivePlace | null;
}

/** Who reads a region's summary: the planners' roles. */
export const SUMMARY_READERS = ["admin", "leader", "reviewer"] as const satisfies readonly StaffRole[];

/** The live-status domain over HTTP. */
export async function liveDomain(app: FastifyInstance, deps: LiveDomainDeps): Promise<void> {
  const { live } = deps;
  const knownRegion = (region: string): string => {
    if (!deps.hasRegion(region)) throw ApiError.invalid("region", say(`没有这个地区："${region}"`, `no region "${region}"`));
    return region;
  };
  const knownPlace = (id: string): LivePlace => {
    const place = deps.placeOf(id);
    if (!place) throw ApiError.notFound(say(`地点 ${id}`, `place ${id}`));
    return place;
  };

  app.get("/api/places/:id/status", async (request) => {
    const { id } = parseRequest(placeIdParams, request.params);
    knownPlace(id);
    return live.status(id);
  });

  app.post("/api/places/:id/status", async (request) => {
    const { id } = parseRequest(placeIdParams, request.params);
    const user = await deps.staff.requireVenue(request, id);
    return live.set(user.id, id, parseRequest(statusChangeSchema, request.body));
  });

  app.get("/api/status", async (request) => {
    const { region } = parseRequest(regionStatusQuery, request.query);
    const lastChangeId = live.lastChangeId;
    return { region: knownRegion(region), lastChangeId, statuses: live.regionStatuses(region) };
  });

  app.get("/api/places/:id/status/history", async (request, reply) => {
    const { id } = parseRequest(placeIdParams, request.params);
    const q = parseRequest(statusHistoryQuery, request.query);
    await deps.staff.requireVenue(request, id);
    knownPlace(id);
    const rows = await placeHistory(deps.db, id, q.limit);
    if (q.format === "csv") {
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="status-history.csv"`).send(historyCsv(rows));
    }
    return { placeId: id, changes: rows.map(({ placeId: _p, regionId: _r, ...row }) => row) };
  });

  app.get("/api/status/summary", async (request, reply) => {
    await deps.staff.require(request, SUMMARY_READERS);
    const q = parseRequest(statusSummaryQuery, request.query);
    const timeZone = deps.timeZoneOf(knownRegion(q.region));
    const rows = await regionChangesSince(deps.db, q.region, new Date(Date.now() - q.days * 86_400_000));
    const nameOf = (placeId: string) => {
      const name = deps.placeOf(placeId)?.name;
      return name?.zh ?? name?.en ?? null;
    };
    const summary = summarise(q.region, q.days, timeZone, rows, nameOf);
    if (q.format === "csv") {
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="status-summary-${q.region}.csv"`).send(summaryCsv(summary));
    }
    return summary;
  });

  app.get("/api/status/stream", async (request, reply) => {
    const q = parseRequest(statusStreamQuery, request.query);
    if (q.region !== undefined) knownRegion(q.region);
    const header = request.headers["last-event-id"];
    const fromHeader = typeof header === "string" && /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : undefined;
    const after = fromHeader ?? q.after ?? null;
    if (live.stream.full) {
      reply.header("retry-after", "60");
      throw new ApiError(503, "unavailable", say("实时状态的连接已满，请稍后再试", "Too many live-status connections; try again later"));
    }
    if (!openEventStream(request, reply)) return reply;
    const raw = reply.raw;
    let close: (() => void) | null = null;
    let closed = false;
    request.raw.once("close", () => {
      closed = true;
      close?.();
    });
    const opened = await live.stream.open(raw, after, q.region ?? null, live.lastChangeId);
    if (closed) opened();
    else close = opened;
  });

  app.addHook("preClose", async () => live.stream.closeAll());
}
