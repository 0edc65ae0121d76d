/**
 * The contract of the safety domain: POST /api/safety/check (a text and who would post it)
 * and moderation: members' content reports, appeals and takedown notices, and moderators'
 * decisions on items, appeals and notices. The handlers parse with these; the OpenAPI
 * document is generated from them and the web clients send the types inferred from them.
 */
import { z } from "zod";
import { APPEAL_MAX_LENGTH, MODERATION_ACTIONS, REASON_MAX_LENGTH, REPORT_REASONS, TAKEDOWN_KINDS } from "../community.ts";
import { AUDIENCES, MAX_CHECK_LENGTH } from "./vocabulary.ts";

export { AUDIENCES, MAX_CHECK_LENGTH } from "./vocabulary.ts";

/** POST /api/safety/check. */
export const safetyCheckSchema = z.object({ text: z.string().min(1).max(MAX_CHECK_LENGTH), audience: z.enum(AUDIENCES) }).strict();
/** What a safety check sends. */
export type SafetyCheckInput = z.infer<typeof safetyCheckSchema>;

const target = { targetType: z.string().min(1).max(20), targetId: z.uuid() };
const reason = z.string().trim().min(2).max(REASON_MAX_LENGTH);

/** POST /api/content-reports: what is reported and why. */
export const contentReportSchema = z.object({ ...target, reason: z.enum(REPORT_REASONS), detail: z.string().max(REASON_MAX_LENGTH).default("") }).strict();
/** What a content report sends. */
export type ContentReportInput = z.input<typeof contentReportSchema>;

/** POST /api/appeals: which post of mine and why. */
export const appealSchema = z.object({ ...target, text: z.string().trim().min(2).max(APPEAL_MAX_LENGTH) }).strict();

/** POST /api/takedown-notices: which post, what, and how to reach the sender. */
export const takedownSchema = z.object({
  ...target,
  kind: z.enum(TAKEDOWN_KINDS),
  contact: z.string().trim().min(3).max(120),
  detail: z.string().trim().min(2).max(APPEAL_MAX_LENGTH),
}).strict();

/** POST /api/moderation/items/{type}/{id}/decisions. */
export const moderationDecisionSchema = z.object({
  action: z.enum(MODERATION_ACTIONS),
  reason,
  suspendDays: z.number().int().min(1).max(365).optional(),
  /** The item's statusAt on the moderator's screen; approval needs it to match. */
  seenStatusAt: z.string().max(40).optional(),
}).strict();
/** What a moderator's decision on an item sends. */
export type ModerationDecision = z.infer<typeof moderationDecisionSchema>;

/** POST /api/moderation/appeals/{id}. */
export const appealDecisionSchema = z.object({ decision: z.enum(["upheld", "overturned"]), reason }).strict();
/** What deciding an appeal sends. */
export type AppealDecision = z.infer<typeof appealDecisionSchema>;

/** POST /api/moderation/takedowns/{id}. */
export const takedownDecisionSchema = z.object({ decision: z.enum(["taken_down", "rejected"]), reason }).strict();
/** What deciding a takedown notice sends. */
export type TakedownDecision = z.infer<typeof takedownDecisionSchema>;
