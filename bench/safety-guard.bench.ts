/**
 * Quality of the child-safety guard on the labelled set (data/safety/labelled-texts.json),
 * judged as a child's text: precision and recall of the personal-information guard and of
 * the word filter, beside a plain baseline (exact substring match of the listed words and
 * one phone-number regular expression), and the speed of a check.
 * Targets: recall >= 0.98 on personal information, >= 0.95 on listed words and variants,
 * precision >= 0.95. Run: node --import tsx bench/safety-guard.bench.ts
 */
import fs from "node:fs";
import { Guard, type GuardResult, WordFilter, readLexicon } from "../src/safety/index.ts";

export interface Labelled {
  text: string;
  expect: "pass" | "hold" | "block";
  kinds: string[];
  note: string;
}

export const LABELLED: Labelled[] = JSON.parse(fs.readFileSync(new URL("../data/safety/labelled-texts.json", import.meta.url), "utf8")) as Labelled[];
/**
 * Written afterwards by someone who saw neither the guard nor the set above. Its misses
 * were then used to add intent patterns (2026-11-29), so it is now tuning data too.
 */
export const HELD_OUT: Labelled[] = JSON.parse(fs.readFileSync(new URL("../data/safety/held-out-texts.json", import.meta.url), "utf8")) as Labelled[];
/** Written on 2026-11-29 by someone who saw neither the guard nor the sets above: the fair measure now. */
export const HELD_OUT_2: Labelled[] = JSON.parse(fs.readFileSync(new URL("../data/safety/held-out-2-texts.json", import.meta.url), "utf8")) as Labelled[];
export const LEXICON = readLexicon(new URL("../data/safety/lexicon.json", import.meta.url).pathname);

export type Checker = (text: string) => GuardResult["verdict"];

export function ourGuard(): Checker {
  const guard = new Guard(new WordFilter(LEXICON));
  return (text) => guard.check(text, "child").verdict;
}

/** The plain way: listed words as substrings, and an 11-digit mobile number. */
export function baselineGuard(): Checker {
  return (text) => {
    const word = LEXICON.entries.find((e) => text.includes(e.word));
    if (word) return word.action;
    return /1[3-9]\d{9}/.test(text) ? "hold" : "pass";
  };
}

export interface Quality {
  precision: number;
  recall: number;
  flagged: number;
  relevant: number;
}

const PERSONAL = new Set(["phone", "id_number", "address", "school_class", "qq", "wechat", "email", "real_name_with_school"]);

/** Recall within a group of items that must be stopped; precision over everything stopped. */
export function quality(check: Checker, group: (item: Labelled) => boolean, items: readonly Labelled[] = LABELLED): Quality {
  const results = items.map((item) => ({ item, verdict: check(item.text) }));
  const relevant = results.filter((r) => group(r.item));
  const caught = relevant.filter((r) => r.verdict !== "pass").length;
  const flagged = results.filter((r) => r.verdict !== "pass");
  const rightlyFlagged = flagged.filter((r) => r.item.expect !== "pass").length;
  return { precision: flagged.length ? rightlyFlagged / flagged.length : 1, recall: relevant.length ? caught / relevant.length : 1, flagged: flagged.length, relevant: relevant.length };
}

export const isPersonal = (item: Labelled) => item.kinds.some((k) => PERSONAL.has(k));
export const isListed = (item: Labelled) => item.kinds.includes("lexicon");
/** Harmful text: listed words, and anything else that must be blocked. */
export const isHarmful = (item: Labelled) => isListed(item) || item.expect === "block";

function misses(check: Checker, items: readonly Labelled[]): string[] {
  return items.filter((item) => (item.expect === "pass") !== (check(item.text) === "pass")).map((item) => `  ${item.expect.padEnd(5)} ${check(item.text).padEnd(5)} ${item.text}  (${item.note})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engines: Record<string, Checker> = { ours: ourGuard(), "baseline (substring + one regex)": baselineGuard() };
  const sets = [
    ["labelled set (the rules were tuned on it)", LABELLED],
    ["first held-out set (unseen until 2026-11-29, then used to add intent patterns)", HELD_OUT],
    ["second held-out set (unseen: the fair measure)", HELD_OUT_2],
  ] as const;
  for (const [label, items] of sets) {
    console.log(`\nSafety guard on the ${label}: ${items.length} texts (${items.filter((i) => i.expect === "pass").length} must pass), as a child's text`);
    for (const [name, check] of Object.entries(engines)) {
      const personal = quality(check, isPersonal, items);
      const listed = quality(check, isHarmful, items);
      const all = quality(check, (i) => i.expect !== "pass", items);
      console.log(`${name.padEnd(34)} personal info recall ${personal.recall.toFixed(3)}  harmful-text recall ${listed.recall.toFixed(3)}  precision ${all.precision.toFixed(3)}  (overall recall ${all.recall.toFixed(3)})`);
    }
  }
  const ours = engines["ours"]!;
  const start = performance.now();
  for (let round = 0; round < 5; round++) for (const item of LABELLED) ours(item.text);
  console.log(`ours: ${(((performance.now() - start) / (5 * LABELLED.length)) * 1000).toFixed(0)} µs per check on average`);
  const wrong = [...misses(ours, LABELLED), ...misses(ours, HELD_OUT), ...misses(ours, HELD_OUT_2)];
  console.log(`\nour misjudged texts in all three sets (${wrong.length}): expected, got, text`);
  console.log(wrong.join("\n"));
}
