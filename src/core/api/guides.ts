/**
 * The contract of guides (畅游攻略) and study routes (研学线路): an ordered set of places with
 * a theme, an age range, a duration, a cost, stroller and wheelchair suitability, and the
 * legs between stops the router computes. Staff of the culture/tourism and education units
 * and children's teams (小小推荐官, through the child-safe posting path) write them. The
 * handlers of src/guides parse with these, the OpenAPI document is generated from them and
 * the web client takes its types from them. Paths:
 *
 *   GET    /api/guides?region=&age=&theme=&max_minutes=&near=&kind=   published guides
 *   POST   /api/guides                  a member (a child with a guardian's consent) writes one (201)
 *   POST   /api/staff/guides            staff (admin; reporters of the guide units) write one (201)
 *   GET    /api/guides/mine             my guides (a guardian: also my children's), any status
 *   GET    /api/guides/{id}             one guide with its stops and legs (GeoJSON)
 *   DELETE /api/guides/{id}             the member author (or a child author's guardian) withdraws it
 *   DELETE /api/staff/guides/{id}       the staff author, or an administrator, withdraws it
 *   GET    /api/guides/{id}.html        the printable A4 page for a school trip
 *   GET    /api/guides/{id}/qr.svg      a QR code of the guide's share link
 *   GET    /api/places/{id}/guides      published guides that include a place (the place card)
 */
import { z } from "zod";
import { latLonField, integerIn, listOf } from "./fields.ts";
import { both } from "./messages.ts";
import { GUIDE_COSTS, GUIDE_KINDS, GUIDE_LEG_MODES, GUIDE_LIMITS as L, GUIDE_STOP_STATES, GUIDE_THEMES } from "./guides-vocabulary.ts";

export * from "./guides-vocabulary.ts";

const plainText = (min: number, max: number) =>
  z.string().trim().min(min).max(max).regex(/^[^\p{Cc}\p{Cs}]*$/u, both("不能含控制字符", "no control characters"));

/** One stop as written: a place by id and an optional short text. */
export const guideStopInput = z.object({
  placeId: z.string().min(1).max(100).meta({ example: "osm:n123" }),
  note: plainText(0, L.noteMax).optional().meta({ description: "A short text for this stop" }),
}).strict();

/** The body of POST /api/guides and POST /api/staff/guides. */
export const guideSchema = z.object({
  kind: z.enum(GUIDE_KINDS),
  title: plainText(2, L.titleMax),
  summary: plainText(2, L.summaryMax),
  theme: z.enum(GUIDE_THEMES),
  ageMin: z.number().int().min(L.ageMin).max(L.ageMax),
  ageMax: z.number().int().min(L.ageMin).max(L.ageMax),
  minutes: z.number().int().min(L.minutesMin).max(L.minutesMax).meta({ description: "How long the whole guide takes, visits included (minutes)" }),
  cost: z.enum(GUIDE_COSTS),
  stroller: z.boolean().meta({ description: "Suitable with a stroller (legs then use the stroller profile)" }),
  wheelchair: z.boolean(),
  stops: z.array(guideStopInput).min(L.stopsMin, both(`至少要有 ${L.stopsMin} 个地点`, `at least ${L.stopsMin} stops`)).max(L.stopsMax, both(`最多 ${L.stopsMax} 个地点`, `at most ${L.stopsMax} stops`)),
  team: plainText(2, L.teamMax).optional().meta({ description: "A children's team's name (e.g. 小小推荐官), shown with the child's nickname", example: "衡阳文旅小小推荐官" }),
}).strict()
  .refine((g) => g.ageMin <= g.ageMax, { message: both("最小年龄不能大于最大年龄", "ageMin must not exceed ageMax"), path: ["ageMax"] })
  .refine((g) => new Set(g.stops.map((s) => s.placeId)).size === g.stops.length, { message: both("同一个地点只能出现一次", "each place appears once"), path: ["stops"] });
/** What writing a guide sends. */
export type GuideInput = z.infer<typeof guideSchema>;

/** GET /api/guides. */
export const guidesQuery = z.object({
  region: z.string().min(1).max(60).optional().meta({ example: "monaco" }),
  age: integerIn(L.ageMin, L.ageMax).optional().meta({ description: "A child's age: guides whose range includes it", example: 6 }),
  theme: listOf(GUIDE_THEMES, "theme").optional().meta({ example: "nature" }),
  max_minutes: integerIn(L.minutesMin, L.minutesMax).optional().meta({ example: 180 }),
  near: latLonField.optional().meta({ type: "string", description: "lat,lon: nearest first stop first, within 30 km", example: "43.7384,7.4246" }),
  kind: z.enum(GUIDE_KINDS).optional(),
  lang: z.enum(["zh", "en"]).optional(),
}).strict();

/** GET /api/guides/{id} and its page: the language of the page. */
export const guideReadQuery = z.object({ lang: z.enum(["zh", "en"]).optional() }).strict();

const position = z.tuple([z.number(), z.number()]);

/** Who wrote a guide, as the public sees it. */
export const guideAuthor = z.object({
  name: z.string().meta({ description: "A child's nickname, or the staff unit's name" }),
  team: z.string().nullable(),
  byChild: z.boolean(),
});

/** A guide in a list. */
export const guideSummary = z.object({
  id: z.uuid(),
  kind: z.enum(GUIDE_KINDS),
  title: z.string(),
  summary: z.string(),
  theme: z.enum(GUIDE_THEMES),
  ageMin: z.number().int(),
  ageMax: z.number().int(),
  minutes: z.number().int(),
  cost: z.enum(GUIDE_COSTS),
  stroller: z.boolean(),
  wheelchair: z.boolean(),
  regionId: z.string(),
  author: guideAuthor,
  stopCount: z.number().int(),
  start: z.object({ placeId: z.string(), name: z.string(), lat: z.number(), lon: z.number() }),
  changedStops: z.number().int().meta({ description: "Stops whose place has closed or moved since the guide was written" }),
  distanceM: z.number().optional().meta({ description: "From `near` to the first stop" }),
  status: z.enum(["pending", "published", "hidden", "removed", "withdrawn"]).optional().meta({ description: "Only in the author's, a guardian's or a moderator's view" }),
  publishedAt: z.string().nullable(),
});
export type GuideSummary = z.infer<typeof guideSummary>;

/** One stop as read: where it is now and what became of its place. */
export const guideStop = z.object({
  placeId: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  note: z.string(),
  lat: z.number(),
  lon: z.number(),
  state: z.enum(GUIDE_STOP_STATES),
  photos: z.array(z.string()).meta({ description: "The stop's photos (/api/guide-photos/{id}), oldest first" }),
});

/** One leg as a GeoJSON feature (a LineString from stop `from` to stop `to`). */
export const guideLegFeature = z.object({
  type: z.literal("Feature"),
  geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(position) }),
  properties: z.object({
    from: z.number().int(),
    to: z.number().int(),
    mode: z.enum(GUIDE_LEG_MODES),
    distanceM: z.number(),
    durationS: z.number(),
    lines: z.array(z.string()).meta({ description: "Bus lines taken, for a bus leg" }),
  }),
});
export type GuideLegFeature = z.infer<typeof guideLegFeature>;

/** GET /api/guides/{id}. */
export const guideAnswer = z.object({
  guide: guideSummary.extend({
    stops: z.array(guideStop),
    legs: z.object({ type: z.literal("FeatureCollection"), features: z.array(guideLegFeature) }),
    travelMinutes: z.number().int().meta({ description: "Time on the legs alone" }),
    shareUrl: z.string().meta({ description: "The guide's page, for a link or a QR code" }),
  }),
});
export type GuideAnswer = z.infer<typeof guideAnswer>;
export type GuideDetail = GuideAnswer["guide"];

/** GET /api/guides, /api/guides/mine and /api/places/{id}/guides. */
export const guideListAnswer = z.object({ guides: z.array(guideSummary), total: z.number().int() });
export type GuideListAnswer = z.infer<typeof guideListAnswer>;
