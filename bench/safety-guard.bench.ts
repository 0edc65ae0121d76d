/**
 * Quality and speed of the child-safety guard on every labelled set, judged as a child's
 * text: recall on personal information and on harmful text, precision over everything
 * flagged, ours beside the previous guard (bench/peers/previous-guard/, frozen on
 * 2026-12-02 before issue 18) and a plain keyword baseline (listed words as substrings and
 * one phone-number regular expression). Each engine gets the same texts in the same order.
 *  - labelled set: the rules were tuned and the classifier trained on it;
 *  - first held-out set: unseen until 2026-11-29, then used to add intent patterns;
 *  - second held-out set: written blind; its flagged false friends were studied on
 *    2026-12-03 (abbreviations such as "（TMD）" added as a structure);
 *  - third held-out set: written blind; after its first run (2026-12-02) its misses were
 *    studied (2026-12-03) and the structures they belong to added, never its texts;
 *  - fourth held-out set: written blind, first run 2026-12-03 (personal 0.850, harm 0.875),
 *    then studied the same way; the fair measure is now the next blind set;
 *  - the developer's own fifth to eighth sets (dev-5..8), never trained on.
 * Texts are printed only for the labelled set; for held-out sets only counts of misses per
 * kind, so nobody tunes on them. Targets on held-out text: personal-information recall
 * >= 0.95, harmful recall >= 0.90, precision >= 0.95, p99 <= 1 ms per check.
 * Run: node --import tsx bench/safety-guard.bench.ts
 */
import fs from "node:fs";
import { Guard, type GuardResult, WordFilter, readLexicon } from "../src/safety/index.ts";
import { Guard as PreviousGuard } from "./peers/previous-guard/guard.ts";
import { WordFilter as PreviousWordFilter } from "./peers/previous-guard/word-filter.ts";

export interface Labelled {
  text: string;
  expect: "pass" | "hold" | "block";
  kinds: string[];
  note: string;
}

const load = (name: string): Labelled[] => {
  const url = new URL(`../data/safety/${name}`, import.meta.url);
  return fs.existsSync(url) ? (JSON.parse(fs.readFileSync(url, "utf8")) as Labelled[]) : [];
};

export const LABELLED: Labelled[] = load("labelled-texts.json");
/** Written afterwards by someone who saw neither the guard nor the set above; its misses were used to add intent patterns (2026-11-29). */
export const HELD_OUT: Labelled[] = load("held-out-texts.json");
/** Written on 2026-11-29 by someone who saw neither the guard nor the sets above. */
export const HELD_OUT_2: Labelled[] = load("held-out-2-texts.json");
/** Written on 2026-12-02 by someone who saw neither the rules, the sets nor the classifier's data; its misses studied on 2026-12-03. */
export const HELD_OUT_3: Labelled[] = load("held-out-3-texts.json");
/** Written on 2026-12-03 by someone who saw neither the rules, the sets nor the classifier's data; its misses studied after its first run (structures added, never its texts). */
export const HELD_OUT_4: Labelled[] = load("held-out-4-texts.json");
/**
 * Written on 2026-12-03 by someone who saw neither the guard, its data nor any earlier set,
 * frozen (sha256 in bench/safety-guard.test.ts) before the fifth round's guard first ran on it.
 */
export const HELD_OUT_5: Labelled[] = load("held-out-5-texts.json");
/**
 * Development sets written by the guard's developer (issue 18, fifth round), never trained on:
 * the fifth for the shapes the issue lists, the sixth after the changes it led to, the seventh
 * after the sixth's; each was run once before the guard was changed against it (figures in
 * bench/safety-guard.test.ts), to see whether the changes carry to text they were not made for.
 */
export const DEV_5: Labelled[] = load("dev-5-texts.json");
export const DEV_6: Labelled[] = load("dev-6-texts.json");
export const DEV_7: Labelled[] = load("dev-7-texts.json");
/** The last, written at the end of the fifth round and run once to measure before its four misses were studied. */
export const DEV_8: Labelled[] = load("dev-8-texts.json");
export const LEXICON = readLexicon(new URL("../data/safety/lexicon.json", import.meta.url).pathname);

export type Checker = (text: string) => GuardResult["verdict"];

export function ourGuard(): Checker {
  const guard = new Guard(new WordFilter(LEXICON));
  return (text) => guard.check(text, "child").verdict;
}

/** The guard as it was before issue 18 (frozen copy). */
export function previousGuard(): Checker {
  const guard = new PreviousGuard(new PreviousWordFilter(LEXICON));
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

export const PERSONAL = new Set(["phone", "id_number", "address", "school_class", "qq", "wechat", "email", "real_name_with_school", "social_account", "social_handle"]);

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
/** Harmful text: anything to be stopped that is not only personal information (listed words, blocks, bullying, scams, ...). */
export const isHarmful = (item: Labelled) => item.expect !== "pass" && (item.expect === "block" || !isPersonal(item) || item.kinds.some((k) => !PERSONAL.has(k)));

/** Misses (flagged wrongly either way) counted per kind ("pass" for a harmless text flagged). */
export function missesByKind(check: Checker, items: readonly Labelled[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const verdict = check(item.text);
    if ((item.expect === "pass") === (verdict === "pass")) continue;
    const kinds = item.expect === "pass" ? [item.kinds.includes("false_friend") ? "false_friend (flagged)" : "ordinary (flagged)"] : item.kinds.length ? item.kinds : [item.expect];
    for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/**
 * p50 and p99 of one check, in microseconds, over `rounds` passes of `items` after
 * `warmUp` passes (three: one pass left the first engine timed still compiling its regular
 * expressions and filling its caches, which showed as p99): by the wall clock, and by this
 * process's CPU time (which other processes on a shared machine do not inflate; it does
 * count garbage collection).
 */
export function timing(check: Checker, items: readonly Labelled[], rounds = 5, warmUp = 3): { p50: number; p99: number; cpuP50: number; cpuP99: number } {
  for (let pass = 0; pass < warmUp; pass++) for (const item of items) check(item.text);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const usage = process.cpuUsage();
      const start = performance.now();
      check(item.text);
      wall.push((performance.now() - start) * 1000);
      const spent = process.cpuUsage(usage);
      cpu.push(spent.user + spent.system);
    }
  }
  const at = (values: number[], q: number) => values.toSorted((a, b) => a - b)[Math.floor(values.length * q)]!;
  return { p50: at(wall, 0.5), p99: at(wall, 0.99), cpuP50: at(cpu, 0.5), cpuP99: at(cpu, 0.99) };
}

export const SETS = [
  ["labelled set (rules tuned and classifier trained on it)", LABELLED],
  ["first held-out set (unseen until 2026-11-29, then used to add intent patterns)", HELD_OUT],
  ["second held-out set (written blind; false friends studied 2026-12-03)", HELD_OUT_2],
  ["third held-out set (written blind 2026-12-02; misses studied 2026-12-03)", HELD_OUT_3],
  ["fourth held-out set (written blind 2026-12-03, frozen; misses studied after its first run)", HELD_OUT_4],
  ["fifth held-out set (written blind 2026-12-03, frozen before the fifth round's guard first ran on it)", HELD_OUT_5],
  ["fifth development set (developer's own, shapes from the issue; the guard was changed against it)", DEV_5],
  ["sixth development set (developer's own, written after the fifth's changes)", DEV_6],
  ["seventh development set (developer's own, written after the sixth's changes)", DEV_7],
  ["eighth development set (developer's own, written at the end of the round)", DEV_8],
] as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  const engines: Record<string, Checker> = { ours: ourGuard(), "previous guard": previousGuard(), "baseline (substring + one regex)": baselineGuard() };
  for (const [label, items] of SETS) {
    if (items.length === 0) {
      console.log(`\n${label}: not present`);
      continue;
    }
    console.log(`\nSafety guard on the ${label}: ${items.length} texts (${items.filter((i) => i.expect === "pass").length} must pass), as a child's text`);
    for (const [name, check] of Object.entries(engines)) {
      const personal = quality(check, isPersonal, items);
      const harmful = quality(check, isHarmful, items);
      const all = quality(check, (i) => i.expect !== "pass", items);
      console.log(`${name.padEnd(34)} personal info recall ${personal.recall.toFixed(3)}  harmful-text recall ${harmful.recall.toFixed(3)}  precision ${all.precision.toFixed(3)}  (overall recall ${all.recall.toFixed(3)})`);
    }
    console.log(`ours, misses by kind: ${JSON.stringify(missesByKind(engines["ours"]!, items))}`);
  }
  const everything = SETS.flatMap(([, items]) => items);
  for (const [name, check] of Object.entries(engines)) {
    const { p50, p99, cpuP50, cpuP99 } = timing(check, everything);
    console.log(`${name.padEnd(34)} wall p50 ${p50.toFixed(0)} µs, p99 ${p99.toFixed(0)} µs; CPU p50 ${cpuP50.toFixed(0)} µs, p99 ${cpuP99.toFixed(0)} µs per check (${everything.length} texts × 5)`);
  }
  if (process.argv.includes("--labelled-misses")) {
    const ours = engines["ours"]!;
    for (const item of LABELLED) {
      const verdict = ours(item.text);
      if ((item.expect === "pass") !== (verdict === "pass")) console.log(`  ${item.expect.padEnd(5)} ${verdict.padEnd(5)} ${item.text}  (${item.note})`);
    }
  }
}
