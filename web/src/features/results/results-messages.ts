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
  leftOutHours: "另有 {n} 个地点营业时间未知，没有列出。",
  leftOutFacilities: "另有 {n} 个地点设施未知，没有列出。",
  leftOutBoth: "另有 {n} 个地点营业时间或设施未知，没有列出（营业时间未知 {hours} 个，设施未知 {facilities} 个）。",
  includeUnknown: "也显示营业时间或设施未知的地点",
  includeUnknownHours: "也显示营业时间未知的地点",
  includeUnknownFacilities: "也显示设施未知的地点",
  includingUnknown: "已包括营业时间或设施未知的地点。",
  excludeUnknown: "只看已知的",
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
  leftOutHours: "{n} more places have unknown opening hours and are not listed.",
  leftOutFacilities: "{n} more places have unknown facilities and are not listed.",
  leftOutBoth: "{n} more places have unknown opening hours or facilities and are not listed ({hours} unknown hours, {facilities} unknown facilities).",
  includeUnknown: "Include places with unknown hours or facilities",
  includeUnknownHours: "Include places with unknown opening hours",
  includeUnknownFacilities: "Include places with unknown facilities",
  includingUnknown: "Places with unknown hours or facilities are included.",
  excludeUnknown: "Only known ones",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const RESULTS_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type ResultsMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(RESULTS_MESSAGES);
