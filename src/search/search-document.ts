/**
 * The searchable form of one place: its names normalised, its Chinese name as pinyin
 * syllables and initials, its words (jieba), and the words of its kind, categories,
 * facilities and district, so "nhgy", "nan hu", "南湖gy" and "游乐场" all have something
 * to meet.
 */
import type { Jieba } from "@node-rs/jieba";
import { pinyin } from "pinyin-pro";
import { CATEGORIES } from "../core/categories.ts";
import { FACILITIES } from "../core/facilities.ts";
import { kindLabel } from "../core/kinds.ts";
import type { Place } from "../core/place.ts";
import { isHan, normalise } from "./text-normalise.ts";

export interface SearchDocument {
  place: Place;
  /** Normalised Chinese name without spaces ("南湖公园"). */
  zh: string;
  /** Normalised English (or other Latin-script) name ("jardin exotique"). */
  en: string;
  /** Other names, normalised ("musee oceanographique"). */
  alt: string[];
  /** Words of the English and other Latin-script names. */
  enWords: string[];
  /** One pinyin syllable per character of the Chinese name; non-Han characters kept as they are. */
  syllables: string[];
  pinyin: string;
  initials: string;
  /** Pinyin of each jieba word of the name ("nanhu", "gongyuan"), for typo correction. */
  pinyinWords: string[];
  /** Normalised words describing the place: kind, categories, facilities, district. */
  about: string;
}

export interface DocumentContext {
  jieba: Jieba;
  divisionName: (code: string | null) => string | null;
}

/**
 * One pinyin syllable per character. The pinyin stored with the place (computed once at
 * import) is used when it lines up with the characters; only names without it, or with
 * non-Han characters in them, are converted here.
 */
function syllablesOf(zh: string, stored: string | null): string[] {
  if (zh === "") return [];
  const tokens = stored?.split(" ") ?? [];
  if (tokens.length === [...zh].length && [...zh].every(isHan)) return tokens;
  const readings = pinyin(zh, { toneType: "none", type: "array", nonZh: "removed" });
  const out: string[] = [];
  let r = 0;
  for (const char of zh) out.push(isHan(char) ? (readings[r++] ?? char) : char);
  return out;
}

export function searchDocument(place: Place, context: DocumentContext): SearchDocument {
  const zh = normalise(place.name.zh ?? "").replace(/ /g, "");
  const en = normalise(place.name.en ?? "");
  const alt = place.name.alt.map(normalise).filter(Boolean);
  const syllables = syllablesOf(zh, place.name.pinyin);
  const pinyinWords = wordPinyin(zh, syllables, context.jieba);
  const about = aboutText(place, context);
  return {
    place,
    zh,
    en,
    alt,
    enWords: [en, ...alt].join(" ").split(" ").filter(Boolean),
    syllables,
    pinyin: syllables.join(""),
    initials: syllables.map((s) => s[0] ?? "").join(""),
    pinyinWords,
    about,
  };
}

/** Pinyin of each jieba word of the name, cut from the per-character syllables. */
function wordPinyin(zh: string, syllables: readonly string[], jieba: Jieba): string[] {
  if (!zh) return [];
  const out: string[] = [];
  let at = 0;
  for (const word of jieba.cut(zh, false)) {
    const length = [...word].length;
    const joined = syllables.slice(at, at + length).join("");
    at += length;
    if (joined.length >= 4 && joined.length <= 16 && !/\d/.test(joined)) out.push(joined);
  }
  return out;
}

// Kind, category, facility and district words repeat across thousands of places:
// normalise each distinct combination once.
const aboutCache = new Map<string, string>();

function aboutText(place: Place, context: DocumentContext): string {
  const district = context.divisionName(place.districtCode) ?? "";
  const key = `${place.kind}|${place.categories.join(",")}|${place.facilities.join(",")}|${district}`;
  const cached = aboutCache.get(key);
  if (cached !== undefined) return cached;
  const about = [
    kindLabel(place.kind, "zh"), kindLabel(place.kind, "en"),
    ...place.categories.flatMap((c) => [CATEGORIES[c].zh, CATEGORIES[c].en]),
    ...place.facilities.flatMap((f) => [FACILITIES[f].zh, FACILITIES[f].en]),
    district,
  ].join(" ");
  const text = normalise(about);
  if (aboutCache.size > 10_000) aboutCache.clear();
  aboutCache.set(key, text);
  return text;
}
