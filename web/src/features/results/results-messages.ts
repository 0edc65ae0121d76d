/**
 * The words of the results feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  placesFound: "{n} 个地点",
  placesTruncated: "（只显示前 {n} 个）",
  showList: "查看列表",
  hideList: "收起列表",
  noPlaces: "这里没有符合条件的地点，换个筛选试试吧。",
  searchSummary: "找到 {n} 个地点",
  searchNearby: "附近的地点",
  showAllPlaces: "显示全部",
} as const;

/** The keys of the results feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  placesFound: "{n} places",
  placesTruncated: " (first {n} shown)",
  showList: "Show list",
  hideList: "Hide list",
  noPlaces: "No places match here. Try another filter.",
  searchSummary: "{n} places found",
  searchNearby: "Places nearby",
  showAllPlaces: "Show all",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const RESULTS_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type ResultsMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(RESULTS_MESSAGES);
