/**
 * The words of the progress feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  progressTitle: "建设进展",
  progressKicker: "{city} · 儿童友好城市建设进展",
  progressNote: "数据截至 {date}，只统计已审核通过的数据。行动计划期限 {start}–{end} 年。",
  indicatorsAndTargets: "指标与目标",
  childrenIdeas: "孩子们的想法",
  ideasShared: "孩子们提的想法",
  ideasAdopted: "被采纳的想法",
  ideasMedianDays: "第一次回复（中位数）",
  daysValue: "{n} 天",
  ideasOverdue: "超过 {n} 天没回复",
  ideasMore: "看看每个想法怎么样了",
} as const;

/** The keys of the progress feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  progressTitle: "Progress",
  progressKicker: "{city} · building a child-friendly city",
  progressNote: "Data up to {date}, approved data only. The action plan runs {start}–{end}.",
  indicatorsAndTargets: "Indicators and targets",
  childrenIdeas: "Children's ideas",
  ideasShared: "Ideas children shared",
  ideasAdopted: "Ideas adopted",
  ideasMedianDays: "First answer (median)",
  daysValue: "{n} days",
  ideasOverdue: "No answer after {n} days",
  ideasMore: "See what happened to each idea",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const PROGRESS_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type ProgressMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(PROGRESS_MESSAGES);
