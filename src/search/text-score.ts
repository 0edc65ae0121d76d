/**
 * How well one query part matches one place, from 0 (not at all) to 1 (its exact name).
 * Each way of typing a name gets its own rule; the best one counts. The numbers are
 * ordered so an exact or prefix match on the name always beats a word match, and a name
 * match beats a match on what the place is (kind, category, facility).
 */
import type { Intent } from "./synonyms.ts";
import type { QueryPart } from "./query.ts";
import type { SearchDocument } from "./search-document.ts";

function hanScore(han: string, doc: SearchDocument): number {
  if (!doc.zh) return 0;
  if (doc.zh === han) return 1;
  if (doc.zh.startsWith(han)) return 0.9 + 0.05 * (han.length / doc.zh.length);
  if (doc.zh.includes(han)) return 0.78 + 0.1 * (han.length / doc.zh.length);
  let present = 0;
  for (const char of han) if (doc.zh.includes(char)) present++;
  return present === 0 ? 0 : 0.5 * (present / [...han].length);
}

/** Prefix match at a syllable boundary of the pinyin: 0 when none. */
function syllablePrefixScore(latin: string, doc: SearchDocument): number {
  if (doc.pinyin === latin) return 0.95;
  if (doc.pinyin.startsWith(latin)) return 0.82 + 0.1 * (latin.length / doc.pinyin.length);
  // Most places scored do not hold the letters at all: spare reading their syllables.
  if (!doc.pinyin.includes(latin, 1)) return 0;
  let offset = 0;
  for (const syllable of doc.syllables) {
    offset += syllable.length;
    if (offset < doc.pinyin.length && doc.pinyin.startsWith(latin, offset)) return 0.7;
  }
  return 0;
}

function initialsScore(latin: string, doc: SearchDocument): number {
  if (!doc.initials || latin.length > doc.initials.length) return 0;
  if (doc.initials === latin) return 0.9;
  if (doc.initials.startsWith(latin)) return 0.78 + 0.1 * (latin.length / doc.initials.length);
  return latin.length >= 2 && doc.initials.includes(latin) ? 0.62 : 0;
}

function englishScore(text: string, doc: SearchDocument): number {
  // A place without a Latin-script name has no word to meet.
  if (doc.enWords.length === 0) return 0;
  let best = 0;
  for (let i = -1; i < doc.alt.length; i++) {
    const name = i < 0 ? doc.en : doc.alt[i]!;
    if (!name) continue;
    if (name === text) return 1;
    if (name.startsWith(text)) best = Math.max(best, 0.88 + 0.05 * (text.length / name.length));
  }
  if (best > 0) return best;
  const words = text.split(" ");
  const allPrefix = words.every((w) => doc.enWords.some((d) => d.startsWith(w)));
  return allPrefix ? 0.74 : 0;
}

export function intentScore(intents: readonly Intent[], doc: SearchDocument): number {
  let best = 0;
  for (const intent of intents) {
    if (intent.kinds?.includes(doc.place.kind)) best = Math.max(best, 0.6);
    if (intent.categories?.some((c) => doc.place.categories.includes(c))) best = Math.max(best, 0.55);
    if (intent.facilities?.some((f) => doc.place.facilities.includes(f))) best = Math.max(best, 0.55);
  }
  return best;
}

/** Score of one part against one document. */
export function partScore(part: QueryPart, doc: SearchDocument): number {
  const intent = intentScore(part.intents, doc);
  // A word that names a kind of place ("公园", "toilets") asks for every place of that kind
  // equally, so distance decides; a name merely containing the word ranks below them.
  if (part.isKindWord) return intent > 0 ? 0.9 : 0.5 * (part.han ? hanScore(part.han, doc) : englishScore(part.text, doc));
  let best = intent;
  if (part.text.length >= 2 && doc.about.includes(part.text)) best = Math.max(best, 0.45);
  if (part.han && !part.latin) return Math.max(best, hanScore(part.han, doc));
  if (part.latin && !part.han) {
    return Math.max(best, syllablePrefixScore(part.latin, doc), initialsScore(part.latin, doc), englishScore(part.text, doc));
  }
  // Mixed ("南湖gy", "nan湖"): the Han characters must be in the name, and the whole must
  // read as the name's pinyin or initials.
  if (!doc.zh.includes(part.han[0] ?? "")) return best;
  const asInitials = initialsScore(part.hanInitials + part.latin, doc);
  const asPinyin = syllablePrefixScore(part.hanPinyin + part.latin, doc);
  const latinFirst = syllablePrefixScore(part.latin + part.hanPinyin, doc);
  return Math.max(best, asInitials, asPinyin, latinFirst);
}
