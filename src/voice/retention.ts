/** What the voice domain deletes when kept long enough. */
import type { RetentionRule } from "../platform/database/retention.ts";

export const voiceRetentionRules: readonly RetentionRule[] = [];
