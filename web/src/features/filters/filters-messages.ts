/**
 * The words of the filters feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  categories: "地点类型",
  openNow: "营业中",
  moreFilters: "筛选",
  filtersTitle: "更多筛选",
  anyAge: "所有年龄",
  ageYears: "{n} 岁",
  clearFilters: "清除筛选",
  includeUnknown: "包括营业时间或设施未知的地点",
  includeUnknownHint: "很多地点还没有人登记营业时间和设施；勾选后，“营业中”和设施筛选也会列出它们。",
} as const;

/** The keys of the filters feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  categories: "Place types",
  openNow: "Open now",
  moreFilters: "Filters",
  filtersTitle: "More filters",
  anyAge: "Any age",
  ageYears: "{n} years",
  clearFilters: "Clear filters",
  includeUnknown: "Include places with unknown hours or facilities",
  includeUnknownHint: "Many places have no opening hours or facilities recorded yet; tick this to list them under “Open now” and the facility filters too.",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const FILTERS_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type FiltersMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(FILTERS_MESSAGES);
