/**
 * The words of the review feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  queueTitle: "待审核的报告",
  showState: "显示",
  queueEmpty: "没有等待审核的报告。",
  noReports: "没有这种状态的报告。",
  period: "报送期",
  state: "状态",
} as const;

/** The keys of the review feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  queueTitle: "Reports to review",
  showState: "Show",
  queueEmpty: "No reports are waiting for review.",
  noReports: "No reports in this state.",
  period: "Period",
  state: "State",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const REVIEW_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type ReviewMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(REVIEW_MESSAGES);
