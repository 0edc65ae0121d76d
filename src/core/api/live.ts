/**
 * The contract of live status (场馆实时状态): what venue staff send to set one facet of a
 * place's status today (POST /api/places/{id}/status), the current status (GET
 * /api/places/{id}/status, GET /api/status?region=), the stream of changes with event ids
 * (GET /api/status/stream), a place's history and a region's summary for planners. The
 * handlers parse with these; the OpenAPI document is generated from them.
 */
import { z } from "zod";
import { REGION_ID_PATTERN } from "../limits.ts";
import { integerIn } from "./fields.ts";
import { CROWDING_LEVELS, NOTICE_MAX_LENGTH, OPENING_STATES } from "./live-vocabulary.ts";
import { both } from "./messages.ts";

const text = z.string().trim().min(1).max(NOTICE_MAX_LENGTH, both(`最多 ${NOTICE_MAX_LENGTH} 个字`, `at most ${NOTICE_MAX_LENGTH} characters`))
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, both("不能含控制字符", "no control characters"));
const instant = z.iso.datetime({ offset: true, message: both("时间应写成 ISO 8601（如 2026-12-03T18:00:00+08:00）", "a time is ISO 8601, e.g. 2026-12-03T18:00:00+08:00") });
const regionField = z.string().regex(REGION_ID_PATTERN, both("地区编号只能用小写字母、数字和短横线", "region ids are lowercase letters, digits and dashes"))
  .meta({ description: "Region id", example: "monaco" });

/**
 * One change: the opening (open today, closed today, closed until a time with a reason),
 * the crowding (null clears it) or the notice (null clears it; at most 30 days).
 */
export const statusChangeSchema = z.discriminatedUnion("facet", [
  z.object({
    facet: z.literal("opening"),
    state: z.enum(OPENING_STATES),
    reason: text.nullable().optional().meta({ description: "Why closed (shown to visitors)" }),
    until: instant.optional().meta({ description: "temporarily_closed: when it opens again (required); open and closed_today hold until the end of the local day" }),
  }).strict(),
  z.object({ facet: z.literal("crowding"), level: z.enum(CROWDING_LEVELS).nullable() }).strict(),
  z.object({
    facet: z.literal("notice"),
    text: text.nullable(),
    until: instant.optional().meta({ description: "When the notice ends (at most 30 days; default the end of the local day)" }),
  }).strict(),
]);
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

/** GET /api/status: every place of a region whose status says something now. */
export const regionStatusQuery = z.object({ region: regionField }).strict();

/** GET /api/status/stream: the changes after `after` (or the Last-Event-ID header), then live. */
export const statusStreamQuery = z.object({
  region: regionField.optional().meta({ description: "Only this region's places (default all)", example: "monaco" }),
  after: z.coerce.number().int().min(0).optional()
    .meta({ type: "integer", minimum: 0, description: "Replay the changes after this id (the Last-Event-ID header does the same on reconnect)", example: 0 }),
}).strict();

/** GET /api/places/{id}/status/history. */
export const statusHistoryQuery = z.object({
  limit: integerIn(1, 1000).default(200).meta({ description: "Most changes, newest first", default: 200 }),
  format: z.enum(["json", "csv"]).default("json").meta({ description: "json, or csv", example: "json" }),
}).strict();

/** GET /api/status/summary: how often each place of a region was closed, and when it is busy. */
export const statusSummaryQuery = z.object({
  region: regionField,
  days: integerIn(1, 366).default(90).meta({ description: "Days back from today", default: 90 }),
  format: z.enum(["json", "csv"]).default("json").meta({ description: "json, or csv (one row per place)", example: "json" }),
}).strict();

const stamped = { until: z.string(), setAt: z.string() };
/** A place's live status, as answered and streamed. */
export const liveStatusAnswer = z.object({
  placeId: z.string(),
  opening: z.object({ state: z.enum(OPENING_STATES), reason: z.string().nullable(), ...stamped }).nullable(),
  crowding: z.object({ level: z.enum(CROWDING_LEVELS), ...stamped }).nullable(),
  notice: z.object({ text: z.string(), ...stamped }).nullable(),
  changeId: z.number().int().meta({ description: "The place's last change included (0: none); the stream's event id" }),
});

/** GET /api/status. */
export const regionStatusAnswer = z.object({
  region: z.string(),
  lastChangeId: z.number().int().meta({ description: "Open the stream with after= this to miss nothing since" }),
  statuses: z.array(liveStatusAnswer),
});

/** One row of a place's status history. */
export const statusHistoryRow = z.object({
  id: z.number().int(),
  facet: z.enum(["opening", "crowding", "notice"]),
  value: z.string().nullable().meta({ description: "The state, level or notice text; null when cleared" }),
  reason: z.string().nullable(),
  until: z.string().nullable(),
  setAt: z.string(),
  setBy: z.string().nullable().meta({ description: "Staff user id" }),
});
export const statusHistoryAnswer = z.object({ placeId: z.string(), changes: z.array(statusHistoryRow) });

/** GET /api/status/summary. */
export const statusSummaryAnswer = z.object({
  region: z.string(),
  days: z.number().int(),
  timeZone: z.string(),
  places: z.array(z.object({
    placeId: z.string(),
    name: z.string().nullable(),
    changes: z.number().int(),
    closures: z.number().int().meta({ description: "Times said closed (closed today or temporarily)" }),
    closedDays: z.number().int().meta({ description: "Local days on which it was said closed" }),
    busyReports: z.number().int(),
    fullReports: z.number().int(),
  })),
  busyByWeekdayHour: z.array(z.array(z.number().int())).meta({ description: "Busy or full reports by local weekday (0 Sunday … 6 Saturday) and hour (0…23)" }),
});
export type StatusSummaryAnswer = z.infer<typeof statusSummaryAnswer>;
