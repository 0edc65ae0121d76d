/**
 * The contract of venues' events (活动, plan task 12): the event venue staff publish
 * (POST /api/events, PUT /api/events/{id}), the public list of occurrences in a range of
 * days (GET /api/events), one event, and the task-12 indicator by district
 * (GET /api/events/indicator). Times are the venue's wall clock (its region's time zone):
 * a start date, a start and end time, and how it repeats. The handlers parse with these, the
 * web client takes its types from them and the OpenAPI document is generated from them.
 */
import { z } from "zod";
import { PLACE_ID_PATTERN, REGION_ID_PATTERN } from "../limits.ts";
import { EVENT_BOOKINGS, EVENT_KINDS, EVENT_LIMITS, EVENT_PRICES, EVENT_REPEATS, EVENT_STATUSES, EVENT_WHEN, WEEKDAYS } from "./events-vocabulary.ts";
import { booleanFlag, integerIn, latLonField, listOf, numberIn } from "./fields.ts";
import { both, bothParams } from "./messages.ts";

export * from "./events-vocabulary.ts";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` is a real day of the calendar written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** A day, YYYY-MM-DD, that exists. */
export const dateField = z.string().refine(isCalendarDate, both("日期应写成 YYYY-MM-DD，例如 2026-12-05", "a date is YYYY-MM-DD, e.g. 2026-12-05"))
  .meta({ type: "string", format: "date", example: "2026-12-05" });
/** A wall-clock time, HH:MM (24 hours). */
export const timeField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, both("时间应写成 HH:MM，例如 09:30", "a time is HH:MM, e.g. 09:30"))
  .meta({ type: "string", example: "10:00" });

const lineText = (min: number, max: number) => z.string().trim().min(min).max(max).regex(/^[^\p{Cc}\p{Cs}]*$/u, both("不能含控制字符", "no control characters"));
const placeId = z.string().regex(PLACE_ID_PATTERN, both("不是地点编号", "not a place id")).meta({ description: "Place id", example: "hengyang:city-library" });
const regionField = z.string().regex(REGION_ID_PATTERN, both("地区编号只能用小写字母、数字和短横线", "region ids are lowercase letters, digits and dashes")).meta({ description: "Region id", example: "hengyang" });

/** How an event repeats; `until` is its last possible day, `exceptions` days it does not happen. */
export const repeatSchema = z.object({
  freq: z.enum(EVENT_REPEATS),
  interval: z.number().int().min(1).max(4).default(1),
  /** Weekly: the weekdays (the start date's when left out). */
  weekdays: z.array(z.enum(WEEKDAYS)).max(7).optional(),
  /** Monthly: the same day of the month ("day"), or the same nth weekday ("weekday": the 2nd Saturday). */
  monthlyBy: z.enum(["day", "weekday"]).default("day"),
  until: dateField.optional(),
  exceptions: z.array(dateField).max(EVENT_LIMITS.maxExceptions).default([]),
}).strict();

/** POST /api/events and PUT /api/events/{id}: an event at a place, as venue staff write it. */
export const eventBodySchema = z.object({
  placeId,
  title: lineText(2, EVENT_LIMITS.titleMax),
  description: z.string().trim().max(EVENT_LIMITS.descriptionMax).regex(/^(?:[^\p{Cc}\p{Cs}]|\n|\t)*$/u, both("不能含控制字符（换行除外）", "no control characters (new lines are fine)")).default(""),
  kind: z.enum(EVENT_KINDS),
  startDate: dateField,
  startTime: timeField,
  endTime: timeField,
  repeat: repeatSchema.default({ freq: "none", interval: 1, monthlyBy: "day", exceptions: [] }),
  ageMin: z.number().int().min(0).max(18).default(0),
  ageMax: z.number().int().min(0).max(18).default(18),
  price: z.enum(EVENT_PRICES),
  /** Yuan per child: required when low-cost (at most lowCostMaxYuan), optional when paid. */
  priceYuan: z.number().min(0).max(100_000).nullable().default(null),
  booking: z.enum(EVENT_BOOKINGS).default("none"),
  bookingUrl: z.url({ protocol: /^https?$/, error: both("预约链接应以 http:// 或 https:// 开头", "a booking link starts with http:// or https://") }).max(500).nullable().default(null),
  /** The venue's phone for booking; the place's own phone when left out. */
  bookingPhone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, both("电话号码只能有数字、+、-、括号和空格", "a phone number is digits, +, -, brackets and spaces")).nullable().default(null),
  capacityNote: lineText(0, EVENT_LIMITS.capacityNoteMax).default(""),
  stroller: z.boolean().default(false),
  wheelchair: z.boolean().default(false),
}).strict().superRefine((body, ctx) => {
  const problem = (path: string[], zh: string, en: string) => ctx.addIssue({ code: "custom", path, ...bothParams(zh, en) });
  if (body.endTime <= body.startTime) problem(["endTime"], "结束时间应晚于开始时间（同一天内）", "the end time must be after the start time (the same day)");
  if (body.ageMax < body.ageMin) problem(["ageMax"], "最大年龄不能小于最小年龄", "the highest age cannot be below the lowest");
  if (body.price === "low" && (body.priceYuan === null || body.priceYuan <= 0 || body.priceYuan > EVENT_LIMITS.lowCostMaxYuan)) {
    problem(["priceYuan"], `低收费活动要写每个孩子的费用（0 到 ${EVENT_LIMITS.lowCostMaxYuan} 元）`, `a low-cost event needs its price per child (above 0, at most ${EVENT_LIMITS.lowCostMaxYuan} yuan)`);
  }
  if (body.price === "free" && body.priceYuan !== null && body.priceYuan !== 0) problem(["priceYuan"], "免费活动不能写费用", "a free event has no price");
  if (body.booking === "link" && !body.bookingUrl) problem(["bookingUrl"], "网上预约要写预约链接", "online booking needs its link");
  if (body.booking === "phone" && !body.bookingPhone) problem(["bookingPhone"], "电话预约要写场馆的电话", "booking by phone needs the venue's number");
  const { repeat } = body;
  if (repeat.freq !== "none") {
    if (!repeat.until) problem(["repeat", "until"], "重复的活动要写结束日期", "a repeating event needs its end date");
    else if (repeat.until < body.startDate) problem(["repeat", "until"], "结束日期不能早于开始日期", "the end date cannot be before the start date");
    else if (Date.parse(repeat.until) - Date.parse(body.startDate) > EVENT_LIMITS.maxRepeatDays * 86_400_000) {
      problem(["repeat", "until"], `重复活动最长 ${EVENT_LIMITS.maxRepeatDays} 天`, `a repeating event lasts at most ${EVENT_LIMITS.maxRepeatDays} days`);
    }
  }
  if (repeat.freq !== "weekly" && repeat.weekdays && repeat.weekdays.length > 0) problem(["repeat", "weekdays"], "只有每周重复才选星期几", "weekdays are for weekly repeats only");
});
/** What publishing an event sends. */
export type EventInput = z.input<typeof eventBodySchema>;
/** An event as the server reads it, defaults filled in. */
export type EventFields = z.output<typeof eventBodySchema>;

/** GET /api/events: occurrences in a range of days (from/to, or a named `when`), filtered. */
export const eventListQuery = z.object({
  region: regionField.optional().meta({ description: "Region id (needed unless place= is given)", example: "hengyang" }),
  from: dateField.optional().meta({ description: "First day (the region's calendar); today when left out", example: "2026-12-05" }),
  to: dateField.optional().meta({ description: `Last day, at most ${EVENT_LIMITS.maxRangeDays} days after from; 30 days on when left out`, example: "2026-12-06" }),
  when: z.enum(EVENT_WHEN).optional().meta({ description: "Instead of from/to: today, this weekend (Saturday and Sunday in the region's time zone; the coming one on a weekday), the next 7 days, the next 30 days" }),
  free: booleanFlag.optional().meta({ description: "Only free events", example: "true" }),
  cost: listOf(EVENT_PRICES, "price").optional().meta({ description: "Only events of these prices (free, low, paid)", example: "free,low" }),
  age: integerIn(0, 18).optional().meta({ description: "Only events for a child of this age", example: 6 }),
  near: latLonField.optional().meta({ description: "lat,lon: only events within radius km, nearest places first on equal times", example: "26.8930,112.5720" }),
  radius: numberIn(0.1, EVENT_LIMITS.maxNearKm).default(EVENT_LIMITS.defaultNearKm).meta({ description: "km around near=", default: EVENT_LIMITS.defaultNearKm }),
  kind: listOf(EVENT_KINDS, "kind").optional().meta({ description: "Only events of these kinds", example: "reading,public_class" }),
  place: placeId.optional(),
  stroller: booleanFlag.optional().meta({ description: "Only events suitable for a stroller" }),
  wheelchair: booleanFlag.optional().meta({ description: "Only events reachable in a wheelchair" }),
  limit: integerIn(1, EVENT_LIMITS.maxOccurrences).default(EVENT_LIMITS.defaultOccurrences).meta({ description: "Most occurrences", default: EVENT_LIMITS.defaultOccurrences }),
}).strict().superRefine((q, ctx) => {
  if (!q.region && !q.place) ctx.addIssue({ code: "custom", path: ["region"], ...bothParams("要写地区（或地点）", "give a region (or a place)") });
  if (q.when && (q.from || q.to)) ctx.addIssue({ code: "custom", path: ["when"], ...bothParams("when 和 from/to 只能选一种", "give when or from/to, not both") });
  if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: "custom", path: ["to"], ...bothParams("结束日期不能早于开始日期", "to cannot be before from") });
});
export type EventListQuery = z.output<typeof eventListQuery>;

/** GET /api/events/indicator: free and low-cost activities held, by district. */
export const eventIndicatorQuery = z.object({
  region: regionField,
  from: dateField.meta({ description: "First day of the period", example: "2026-01-01" }),
  to: dateField.meta({ description: `Last day of the period (at most ${EVENT_LIMITS.maxIndicatorDays} days)`, example: "2026-12-31" }),
}).strict().superRefine((q, ctx) => {
  if (q.to < q.from) ctx.addIssue({ code: "custom", path: ["to"], ...bothParams("结束日期不能早于开始日期", "to cannot be before from") });
});

/** GET /api/staff/events: every event of a place, whatever its status, for its staff. */
export const staffEventsQuery = z.object({ place: placeId }).strict();

/** /api/events/{id} and /api/events/{id}.ics. */
export const eventIdParams = z.object({ id: z.uuid().meta({ description: "Event id", example: "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23" }) });
/** /api/places/{id}/events.ics. */
export const placeEventsParams = z.object({ id: placeId });

/** An event as the API answers it. */
export const eventAnswer = z.object({
  id: z.string(),
  placeId: z.string(),
  place: z.object({ name: z.string(), district: z.string().nullable(), position: z.tuple([z.number(), z.number()]).meta({ description: "[lon, lat]" }), address: z.string().nullable() }),
  regionId: z.string(),
  timeZone: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(EVENT_KINDS),
  startDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  repeat: z.object({ freq: z.enum(EVENT_REPEATS), interval: z.number(), weekdays: z.array(z.enum(WEEKDAYS)), monthlyBy: z.enum(["day", "weekday"]), until: z.string().nullable(), exceptions: z.array(z.string()) }),
  ageMin: z.number(),
  ageMax: z.number(),
  price: z.enum(EVENT_PRICES),
  priceYuan: z.number().nullable(),
  booking: z.enum(EVENT_BOOKINGS),
  bookingUrl: z.string().nullable(),
  bookingPhone: z.string().nullable(),
  capacityNote: z.string(),
  stroller: z.boolean(),
  wheelchair: z.boolean(),
  status: z.enum(EVENT_STATUSES),
  updatedAt: z.string(),
  ics: z.string().meta({ description: "Path of the event's iCalendar file" }),
});
export type EventAnswer = z.infer<typeof eventAnswer>;

/** One time an event happens. */
export const occurrenceAnswer = z.object({
  eventId: z.string(),
  date: z.string().meta({ description: "The local day, YYYY-MM-DD" }),
  start: z.string().meta({ description: "ISO 8601 with the region's offset" }),
  end: z.string(),
  distanceM: z.number().nullable(),
});
export type OccurrenceAnswer = z.infer<typeof occurrenceAnswer>;

export const eventListAnswer = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  occurrences: z.array(occurrenceAnswer),
  events: z.record(z.string(), eventAnswer).meta({ description: "The events of the occurrences, by id" }),
  truncated: z.boolean(),
});
export type EventListAnswer = z.infer<typeof eventListAnswer>;

const districtRow = z.object({ district: z.string().nullable(), code: z.string().nullable(), free: z.number(), low: z.number(), total: z.number(), events: z.number() });
export const eventIndicatorAnswer = z.object({
  region: z.string(),
  from: z.string(),
  to: z.string(),
  heldUntil: z.string().meta({ description: "Occurrences that ended by this instant count as held" }),
  lowCostMaxYuan: z.number(),
  districts: z.array(districtRow),
  total: districtRow,
});
export type EventIndicatorAnswer = z.infer<typeof eventIndicatorAnswer>;
