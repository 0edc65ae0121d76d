/**
 * The contract of polls for children, /api/polls…: the poll staff or an organiser start
 * (2–8 picture options, an age range, an area, a closing time; optionally from a coverage
 * suggestion), a child's vote, the list query, the path parameters and the answers.
 */
import { z } from "zod";
import { REGION_ID_PATTERN } from "../limits.ts";
import { AGE_BANDS, POLL_ICONS, POLL_LIMITS, POLL_STATES } from "./councils-vocabulary.ts";
import { plainLine, pointSchema } from "./councils.ts";
import { both } from "./messages.ts";

const EXAMPLE_UUID = "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23";
const uuid = (description: string) => z.uuid().meta({ description, example: EXAMPLE_UUID });
const age = z.number().int().min(POLL_LIMITS.minAge).max(POLL_LIMITS.maxAge);

/** GET /api/polls. */
export const pollListQuery = z.object({
  region: z.string().regex(REGION_ID_PATTERN).optional().meta({ description: "Only polls of this region", example: "hengyang" }),
  state: z.enum(POLL_STATES).optional().meta({ description: "Only open or only closed polls", example: "open" }),
}).strict();

/** One option: a short label and a picture (an icon now, or an image uploaded after). */
export const pollOptionSchema = z.object({
  label: plainLine(1, POLL_LIMITS.optionLabelMax),
  icon: z.enum(POLL_ICONS).nullable().default(null),
}).strict();

/** Where a planner's coverage suggestion put a new site: the poll asks the children nearby. */
export const pollSuggestionSchema = pointSchema.extend({
  kind: z.string().regex(/^[a-z_]{2,40}$/).nullable().default(null),
  minutes: z.number().int().min(1).max(60).nullable().default(null),
}).strict();

/** POST /api/polls. */
export const newPollSchema = z.object({
  question: plainLine(4, POLL_LIMITS.questionMax),
  options: z.array(pollOptionSchema).min(POLL_LIMITS.minOptions).max(POLL_LIMITS.maxOptions),
  minAge: age,
  maxAge: age,
  regionId: z.string().regex(REGION_ID_PATTERN, both("地区编号只能用小写字母、数字和短横线", "region ids are lowercase letters, digits and dashes")),
  divisionCode: z.string().regex(/^\d{6,15}$/, both("区划代码应为 6 到 15 位数字", "a division code is 6 to 15 digits")).nullable().default(null),
  closesAt: z.iso.datetime({ offset: true }),
  councilId: z.uuid().nullable().default(null),
  fromSuggestion: pollSuggestionSchema.nullable().default(null),
}).strict().superRefine((poll, ctx) => {
  if (poll.minAge > poll.maxAge) ctx.addIssue({ code: "custom", path: ["maxAge"], message: both("最大年龄不能小于最小年龄", "the oldest age cannot be below the youngest") });
  const labels = poll.options.map((o) => o.label.trim());
  if (new Set(labels).size !== labels.length) ctx.addIssue({ code: "custom", path: ["options"], message: both("选项不能重复", "options must differ") });
});
/** What starting a poll sends. */
export type NewPollInput = z.input<typeof newPollSchema>;

/** POST /api/polls/{id}/vote: the option chosen; voting again changes it until the poll closes. */
export const voteSchema = z.object({ optionId: z.uuid() }).strict();
/** What a vote sends. */
export type VoteInput = z.infer<typeof voteSchema>;

/** POST /api/polls/{id}/close: nothing but the call. */
export const closePollSchema = z.object({}).strict();

/** /api/polls/{id}…. */
export const pollParams = z.object({ id: uuid("Poll id") });
/** /api/polls/{id}/options/{optionId}/image. */
export const pollOptionParams = z.object({ id: uuid("Poll id"), optionId: uuid("Option id") });

const counts = z.object(Object.fromEntries(AGE_BANDS.map((band) => [band, z.number().int()])) as Record<(typeof AGE_BANDS)[number], z.ZodNumber>);

/** The results of a closed poll: each option's votes, in all and per age band. */
export const pollResults = z.object({
  total: z.number().int(),
  byBand: counts,
  options: z.array(z.object({ optionId: z.string(), total: z.number().int(), byBand: counts })),
});

/** The results of a closed poll. */
export type PollResults = z.infer<typeof pollResults>;

/** A poll as anyone sees it; results only once it is closed. */
export const pollAnswer = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string(), icon: z.enum(POLL_ICONS).nullable(), image: z.string().nullable() })),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  regionId: z.string(),
  divisionCode: z.string().nullable(),
  areaName: z.string().nullable(),
  councilId: z.string().nullable(),
  fromSuggestion: z.object({ lat: z.number(), lon: z.number(), kind: z.string().nullable(), minutes: z.number().nullable() }).nullable(),
  closesAt: z.string(),
  state: z.enum(POLL_STATES),
  createdAt: z.string(),
  /** The caller's vote (a child member), or null. */
  myVote: z.string().nullable(),
  results: pollResults.nullable(),
});
/** A poll. */
export type PollAnswer = z.infer<typeof pollAnswer>;
