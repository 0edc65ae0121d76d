/**
 * The OpenAPI paths and answer schemas of live status (场馆实时状态), generated from the
 * contract in src/core/api/live.ts; openapi.ts merges LIVE_PATHS into the paths and
 * openapi-components.ts LIVE_ANSWER_SCHEMAS into the component schemas. The stream is
 * text/event-stream: `id: <change id>`, `event: status`, `data:` a StatusEvent.
 */
import {
  liveStatusAnswer, regionStatusAnswer, regionStatusQuery, statusChangeSchema, statusHistoryAnswer, statusHistoryQuery, statusStreamQuery,
  statusSummaryAnswer, statusSummaryQuery,
} from "../core/api/live.ts";
import { placeIdParams } from "../core/api/paths.ts";
import type { jsonBody } from "./openapi-bodies.ts";
import { inputJsonSchema } from "./openapi-schema.ts";
import { type DraftPaths, file, ok, pathParameters, queryParameters, refusal } from "./openapi-parts.ts";

/** The live-status answers under their component names. */
export const LIVE_ANSWER_SCHEMAS = {
  LiveStatus: liveStatusAnswer,
  RegionStatuses: regionStatusAnswer,
  StatusHistory: statusHistoryAnswer,
  StatusSummary: statusSummaryAnswer,
} as const;

/** The body venue staff send, with an example the server accepts (the shape jsonBody gives, with our own example). */
export const LIVE_STATUS_BODY = {
  required: true,
  description: "One facet: opening (open | closed_today | temporarily_closed with until), crowding (quiet | busy | full, null clears), notice (text ≤ 140, null clears; until ≤ 30 days)",
  content: { "application/json": { schema: inputJsonSchema(statusChangeSchema), example: { facet: "opening", state: "closed_today", reason: "设备检修" } } },
} as unknown as ReturnType<typeof jsonBody>;

const place = pathParameters(placeIdParams);
const NO_PLACE = "No such place";

export const LIVE_PATHS: DraftPaths = {
  "/api/places/{id}/status": {
    get: {
      summary: "A place's live status now: opening (open / closed today / temporarily closed), crowding, notice; each null when nothing holds",
      parameters: place,
      responses: { ...ok("The status", "LiveStatus"), ...refusal("404", NO_PLACE) },
    },
    post: {
      summary: "Set one facet of a place's status (its venue staff or an administrator); it reaches every open map through the stream",
      description: "closed_today and open end at midnight in the region's time zone, crowding after 2 h, a notice at until (default end of day). Texts are screened by the safety guard as a child's post (personal information refused: 422).",
      parameters: place,
      requestBody: LIVE_STATUS_BODY,
      responses: { ...ok("The place's status after the change", "LiveStatus"), ...refusal("404", NO_PLACE), ...refusal("422", "The safety guard refused the notice or reason") },
    },
  },
  "/api/status": {
    get: {
      summary: "Every place of a region whose live status says something now, and the last change id (open the stream with after= it)",
      parameters: queryParameters(regionStatusQuery),
      responses: ok("The statuses", "RegionStatuses"),
    },
  },
  "/api/status/stream": {
    get: {
      summary: "Server-Sent Events of status changes: id: <change id>, event: status, data: {placeId, regionId, facet, status}; after a reconnect (Last-Event-ID, or after=) every change missed is replayed first; a comment line every 20 s",
      description: "event: reset (no data) says too many changes were missed: load /api/status again.",
      parameters: queryParameters(statusStreamQuery),
      responses: { "200": file("The stream", "text/event-stream"), ...refusal("503", "Too many streams on this instance (Retry-After)") },
    },
  },
  "/api/places/{id}/status/history": {
    get: {
      summary: "A place's status changes, newest first (its venue staff or an administrator); format=csv for a spreadsheet",
      parameters: [...place, ...queryParameters(statusHistoryQuery)],
      responses: { ...ok("The changes", "StatusHistory"), ...refusal("404", NO_PLACE) },
    },
  },
  "/api/status/summary": {
    get: {
      summary: "For planners: per place how often it was said closed (times, local days) and busy or full, and busy reports by local weekday and hour; format=csv",
      parameters: queryParameters(statusSummaryQuery),
      responses: ok("The summary", "StatusSummary"),
    },
  },
};
