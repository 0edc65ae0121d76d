/**
 * Words for search: distances ("1.2 km", "850 m"), a suggestion's names (the one in the
 * current language first, then the other and the pinyin when they help), and the kind
 * message shown when nothing matched. Pure functions of their input and the language.
 */
import { CATEGORIES, isCategoryId } from "../../../../src/core/categories.ts";
import { getLanguage } from "../../shared/i18n.ts";
import { t } from "./search-messages.ts";
import type { Suggestion } from "./search-api.ts";

/** A short distance for a list row: "850 m" below a kilometre, then "1.2 km", "12 km". */
export function shortDistance(metres: number | null): string | null {
  if (metres === null || !Number.isFinite(metres)) return null;
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)} m`;
  const km = metres / 1000;
  return `${km < 10 ? km.toFixed(1) : Math.round(km)} km`;
}

/** True when the text has Latin letters, so pinyin beside a Chinese name explains the match. */
export function hasLatin(text: string): boolean {
  return /[a-z]/i.test(text);
}

/** The name lines of a suggestion: main (in the current language) and a secondary line, with their lang tags. */
export interface NameLines {
  readonly main: string;
  readonly mainLang: string;
  readonly secondary: string | null;
  readonly secondaryLang: string;
}

/** Names of a suggestion for the query typed: "南湖公园" over "Nanhu Park · nan hu gong yuan". */
export function suggestionNames(suggestion: Pick<Suggestion, "name">, query: string, fallbackName: string): NameLines {
  const { zh, en, pinyin } = suggestion.name;
  const lang = getLanguage();
  const main = (lang === "zh" ? (zh ?? en) : (en ?? zh)) ?? fallbackName;
  const mainLang = main === zh ? "zh-CN" : "en";
  const other = main === zh ? en : zh;
  const showPinyin = pinyin !== null && zh !== null && (hasLatin(query) || lang === "en");
  const parts = [other, showPinyin ? pinyin : null].filter((p): p is string => p !== null && p !== main);
  const secondaryLang = other !== null && other === zh ? "zh-CN" : "en";
  return { main, mainLang, secondary: parts.length > 0 ? parts.join(" · ") : null, secondaryLang };
}

/** "运动地点" / "sport places" for one category, "好去处" / "places" for several or none. */
export function nearbyWhat(categories: readonly string[]): string {
  const known = [...new Set(categories)].filter(isCategoryId);
  const only = known.length === 1 ? known[0] : undefined;
  if (!only) return t("nearbyAny");
  const info = CATEGORIES[only];
  return t("nearbyCategory", { name: getLanguage() === "zh" ? info.zh : info.en.toLowerCase() });
}

/** The kind message when nothing matched: "没有找到“xyz”，看看附近的游戏地点吧". */
export function nothingFoundText(query: string, categories: readonly string[]): string {
  return t("suggestNothing", { q: query, what: nearbyWhat(categories) });
}
