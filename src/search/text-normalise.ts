/**
 * What every query and every indexed name goes through, so "衡陽", "ＮＡＮＨＵ" and
 * "nán hú" meet "衡阳", "nanhu" and "nan hu": Unicode NFKC (full-width to half-width),
 * lowercase, tone marks removed, traditional to simplified Chinese (OpenCC), and every
 * character that is not a letter, digit or space dropped (punctuation, emoji, controls,
 * lone surrogates), so no input can reach a regular expression or SQL as syntax.
 */
import * as OpenCC from "opencc-js";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** Longest query we read; longer input is refused at the API edge (src/core/api/search.ts). */
export { MAX_QUERY_LENGTH } from "../core/api/search.ts";

export function normalise(text: string): string {
  const wellFormed = text.toWellFormed().normalize("NFKC").toLowerCase();
  const withoutTones = wellFormed.normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");
  const simplified = toSimplified(withoutTones);
  return simplified.replace(/[^\p{L}\p{N}\s]/gu, " ").replace(/\s+/g, " ").trim();
}

const HAN = /\p{Script=Han}/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

/** Splits normalised text into runs of Han characters and runs of anything else. */
export function scriptRuns(text: string): Array<{ han: boolean; text: string }> {
  const runs: Array<{ han: boolean; text: string }> = [];
  for (const char of text) {
    const han = isHan(char);
    const last = runs[runs.length - 1];
    if (last && last.han === han) last.text += char;
    else runs.push({ han, text: char });
  }
  return runs.map((r) => ({ han: r.han, text: r.han ? r.text.replace(/\s/g, "") : r.text.trim() })).filter((r) => r.text.length > 0);
}

/** Restricted Damerau-Levenshtein distance, stopping early once over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}
