/**
 * The words of the search feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  searchLabel: "搜索地点",
  searchPlaceholder: "搜公园、游乐场…拼音也行",
  searchButton: "搜索",
  clearSearch: "清空搜索",
  suggestionsLabel: "搜索建议",
  suggestionsCount: "{n} 个建议，用上下键选择，回车确认",
  suggestNothing: "没有找到“{q}”，看看附近的{what}吧",
  nearbyAny: "好去处",
  nearbyCategory: "{name}地点",
  searchFailed: "搜索失败，请稍后再试。",
  elsewhereSuggest: "这里没有找到“{q}”，在{region}找到 {n} 个，点一下就换到{region}",
  elsewhereFound: "这里没有找到“{q}”，在{region}找到 {n} 个",
  elsewhereSwitch: "换到{region}看看",
} as const;

/** The keys of the search feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  searchLabel: "Search places",
  searchPlaceholder: "Search parks, playgrounds…",
  searchButton: "Search",
  clearSearch: "Clear search",
  suggestionsLabel: "Suggestions",
  suggestionsCount: "{n} suggestions; use the up and down arrows, then Enter",
  suggestNothing: "Nothing found for “{q}” — here are the nearest {what}",
  nearbyAny: "places",
  nearbyCategory: "{name} places",
  searchFailed: "Search failed. Please try again.",
  elsewhereSuggest: "Nothing for “{q}” here; {n} found in {region}. Tap one to switch to {region}",
  elsewhereFound: "Nothing for “{q}” here; {n} found in {region}",
  elsewhereSwitch: "Switch to {region}",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const SEARCH_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type SearchMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(SEARCH_MESSAGES);
