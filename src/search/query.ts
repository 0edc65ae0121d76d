/**
 * A query taken apart: parts split by spaces (each may mix Han and Latin, like "南湖gy"),
 * with the pinyin and initials of its Han characters, the intents its words express, and
 * whether it asks for what is near.
 */
import { pinyin } from "pinyin-pro";
import { type KindMatch, kindReadingOf } from "./kind-words.ts";
import { type Intent, NEARBY_WORDS, intentsOf } from "./synonyms.ts";
import { normalise, scriptRuns } from "./text-normalise.ts";

export interface QueryPart {
  text: string;
  han: string;
  /** Latin letters and digits without spaces ("nanhu" for "nan hu"). */
  latin: string;
  hanPinyin: string;
  hanInitials: string;
  intents: Intent[];
  /** The whole part is a word for a kind of place ("公园", "厕所", "playground"). */
  isKindWord: boolean;
  /** The part read as a kind word: as typed, or as its pinyin, initials or a homophone ("ylc", "游乐厂"). */
  kind: KindMatch | null;
}

export interface ParsedQuery {
  normalised: string;
  parts: QueryPart[];
  wantsNearby: boolean;
  intents: Intent[];
}

function hanReadings(han: string): { syllables: string[]; full: string; initials: string } {
  if (han === "") return { syllables: [], full: "", initials: "" };
  const syllables = pinyin(han, { toneType: "none", type: "array" });
  return { syllables, full: syllables.join(""), initials: syllables.map((s) => s[0] ?? "").join("") };
}

/** One part of a query from its normalised text. */
export function toPart(text: string): QueryPart {
  const runs = scriptRuns(text);
  const han = runs.filter((r) => r.han).map((r) => r.text).join("");
  const latin = runs.filter((r) => !r.han).map((r) => r.text.replace(/ /g, "")).join("");
  const readings = hanReadings(han);
  const kind = kindReadingOf(text, han, latin, readings.syllables);
  const intents = intentsOf(text);
  for (const intent of kind?.intents ?? []) if (!intents.includes(intent)) intents.push(intent);
  return { text, han, latin, hanPinyin: readings.full, hanInitials: readings.initials, intents, isKindWord: kind?.how === "exact", kind };
}

/**
 * Latin words are kept together as one part ("nan hu gong yuan", "jardin exotique") and
 * split from Chinese by spaces; a proximity word ("附近") is noted, not searched for.
 */
export function parseQuery(raw: string): ParsedQuery {
  const normalised = normalise(raw);
  const words = normalised.split(" ").filter(Boolean);
  const wantsNearby = words.some((w) => NEARBY_WORDS.has(w)) || [...NEARBY_WORDS].some((w) => w.length > 1 && /\p{Script=Han}/u.test(w) && normalised.includes(w));
  const kept = words.map((w) => {
    let word = w;
    for (const near of NEARBY_WORDS) if (/\p{Script=Han}/u.test(near)) word = word.replace(near, "");
    return NEARBY_WORDS.has(word) ? "" : word;
  }).filter(Boolean);
  const parts: string[] = [];
  for (const word of kept) {
    const last = parts[parts.length - 1];
    const latinOnly = (s: string) => /^[a-z0-9 ]+$/.test(s);
    if (last !== undefined && latinOnly(last) && latinOnly(word)) parts[parts.length - 1] = `${last} ${word}`;
    else parts.push(word);
  }
  const parsed = parts.map(toPart);
  return { normalised, parts: parsed, wantsNearby, intents: parsed.flatMap((p) => p.intents) };
}
