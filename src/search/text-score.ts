/**
 * How well one query part matches one place, from 0 (not at all) to 1 (its exact name).
 * Each way of typing a name gets its own rule; the best one counts. The numbers are
 * ordered so an exact or prefix match on the name always beats a word match, and a name
 * match beats a match on what the place is (kind, category, facility) — except when the
 * part is a word for a kind of place ("游乐场", or its pinyin "ylc"): then the place's kind
 * decides, graded by how well it fits, and a name merely sharing the characters ranks below.
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

/**
 * How well a place's kind fits what the words ask for, from 1 (its kind is the one the
 * word names: a playground for "游乐场") through a kind or category the wish lists, down
 * to a kind that serves it only in part (a water park for "游乐场"); 0 when none.
 */
export function kindFit(intents: readonly Intent[], exactKinds: readonly string[], doc: SearchDocument): number {
  const { kind, categories, facilities } = doc.place;
  if (exactKinds.includes(kind)) return 1;
  let best = 0;
  for (const intent of intents) {
    if (intent.related?.includes(kind)) {
      best = Math.max(best, 0.79);
      continue;
    }
    if (intent.kinds?.includes(kind)) best = Math.max(best, 0.93);
    if (intent.categories?.some((c) => categories.includes(c))) best = Math.max(best, 0.84);
    if (intent.facilities?.some((f) => facilities.includes(f))) best = Math.max(best, 0.84);
  }
  return best;
}

/** A kind word's score for a place of the kind it names; the name of a place counts for less. */
const KIND_WORD = 0.95;
/** A part that only mentions a wish among other words ("儿童游乐场"): below a name that matches. */
const MENTIONED = 0.65;

/** Score of one part against one document. */
export function partScore(part: QueryPart, doc: SearchDocument): number {
  const kind = part.kind;
  const fit = kindFit(part.intents, kind?.exactKinds ?? [], doc);
  // A word that names a kind of place ("公园", "toilets") asks for every place of that kind
  // equally, so distance decides among them; places of a kind that fits less well come
  // after, and a name merely containing the word ranks below them all.
  if (part.isKindWord) return fit > 0 ? KIND_WORD * fit : 0.5 * (part.han ? hanScore(part.han, doc) : englishScore(part.text, doc));
  // Read as a kind word by its pinyin, initials or sound ("ylc", "游乐厂"): the place's kind
  // answers, as does its name.
  let best = kind && fit > 0 ? KIND_WORD * fit * kind.factor : MENTIONED * fit;
  // A name that is only the kind's label (an unnamed playground called "游乐场") says no
  // more than the kind does: it does not rank above a named place of the same kind.
  if (kind && fit > 0 && doc.zh === kind.word) return best;
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
