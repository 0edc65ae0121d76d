/**
 * Search speed in process at 1k, 10k and 100k synthetic places (Hengyang name parts, pinyin
 * from the importers' pinyinOf): p50/p99 of one search (limit 10, with a location) and of one
 * suggestion as typed (limit 8), for our engine beside SQLite FTS5 trigram and MiniSearch
 * over jieba tokens, each behind its adapter in bench/peers/ and indexing the same fields as
 * ours (bench/peers/search-peer.ts). Every engine gets the same queries, the same warm-up
 * and the same timed rounds. Also the build time of each index (a peer's includes making
 * its documents, as ours includes making its own) and the heap ours and MiniSearch's take.
 * Run: node --import tsx bench/search-speed.bench.ts
 */
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import type { Place } from "../src/core/place.ts";
import { PlaceIndex } from "../src/places/place-index.ts";
import { pinyinOf } from "../src/places/pinyin.ts";
import { SearchEngine, jieba, normalise } from "../src/search/index.ts";
import { ftsExpression, fts5TrigramPeer } from "./peers/fts5-trigram.ts";
import { miniSearchJiebaPeer } from "./peers/minisearch-jieba.ts";
import { type RelevanceQuery, type Searcher, peerSearcher } from "./search-relevance.bench.ts";
import { percentiles, seededRandom, syntheticPlaces } from "./synthetic-places.ts";

const SIZES = (process.env["SIZES"] ?? "1000,10000,100000").split(",").map(Number);

v8.setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Used heap in MB after a full collection. */
function heapMb(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function timed<T>(build: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = build();
  return { value, ms: performance.now() - start };
}

/** One query of each kind, adapted to the synthetic names ("南湖公园17", "雁峰游乐场250"). */
function searchQueries(places: readonly Place[]): string[] {
  const named = [7, Math.floor(places.length / 3), places.length - 5].map((i) => places[i]!.name.zh!);
  return [
    ...named, // chinese_full
    "南湖", "酃", "儿童之家", "卫生服务", // chinese_partial
    "nanhugongyuan", "yan feng you le chang", "shiguyoueryuan", // pinyin_full
    "nhgy", "yfylc", "sgtsg", // pinyin_initials
    "南湖gy", "nan湖", "石鼓tsg", // mixed
    "圖書館", "衛生服務中心", "酃湖公園", // traditional
    "park", "library", "playground", // english (kind words: the synthetic places have no English names)
    "滑滑梯", "看书", "喂奶", // synonym
    "nanhugongyaun", "tushugaun", "yanfengyoulechnag", // typo
    "附近 图书馆", "母婴室 附近", "toilet near me", // nearby
  ];
}

/** What a person types on the way to a name, one keystroke at a time. */
const SUGGEST_QUERIES = ["南", "南湖", "南湖公", "n", "na", "nan", "nanh", "nanhug", "nh", "nhg", "图", "图书", "tu", "tus", "y", "ya", "yanf", "雁", "雁峰", "兒"];

function withPinyin(places: Place[]): Place[] {
  return places.map((p) => ({ ...p, name: { ...p.name, pinyin: pinyinOf(p.name.zh ?? "") } }));
}

interface Row {
  size: number;
  build: Record<string, number>;
  heap: Record<string, number>;
  search: Record<string, { p50: number; p99: number }>;
  suggest: Record<string, { p50: number; p99: number }>;
}

function measure(size: number): Row {
  const places = withPinyin(syntheticPlaces(size));
  const placeIndex = new PlaceIndex(places);
  const random = seededRandom(11);
  const at = () => ({ lon: 112.45 + random() * 0.3, lat: 26.75 + random() * 0.3 });
  // At least 400 timed suggestions per size, so the p99 is not just the single slowest
  // sample (with 100 samples it is the maximum, which one descheduling decides).
  const rounds = Number(process.env["ROUNDS"] ?? 20);
  const repeat = (qs: string[]): RelevanceQuery[] =>
    Array.from({ length: rounds }, () => qs.map((q) => ({ q, kind: "mixed" as const, expect: ["-"], ...at() }))).flat();
  const searches = repeat(searchQueries(places));
  const suggestions = repeat(SUGGEST_QUERIES);

  const context = { jieba: jieba(), divisionName: () => null };
  const before = heapMb();
  const ours = timed(() => new SearchEngine(places, placeIndex, context));
  const oursHeap = heapMb() - before;
  const fts = peerSearcher(fts5TrigramPeer(), places, context);
  const beforeMini = heapMb();
  const mini = peerSearcher(miniSearchJiebaPeer(), places, context);
  const miniHeap = heapMb() - beforeMini;

  const engine = ours.value;
  const runners: Record<string, { search: Searcher; suggest: Searcher }> = {
    ours: {
      search: (q) => engine.search(q.q, { limit: 10, lon: q.lon, lat: q.lat, filter: {}, isOpen: () => false }).hits.map((h) => h.place.id),
      // As /api/suggest calls it without filters: the 40 nearest candidates per part.
      suggest: (q) => engine.search(q.q, { limit: 8, lon: q.lon, lat: q.lat, filter: {}, isOpen: () => false, nearestCandidates: 40 }).hits.map((h) => h.place.id),
    },
    // The peers read the same number of rows whatever the limit; a suggestion keeps the first 8.
    "fts5-trigram": { search: fts, suggest: (q) => fts(q).slice(0, 8) },
    minisearch: { search: mini, suggest: (q) => mini(q).slice(0, 8) },
  };
  const row: Row = { size, build: { ours: ours.ms, "fts5-trigram": fts.buildMs, minisearch: mini.buildMs }, heap: { ours: oursHeap, minisearch: miniHeap }, search: {}, suggest: {} };
  for (const [name, run] of Object.entries(runners)) {
    // Each engine starts from a collected heap, so one engine's garbage (the peers' index
    // builds) is not collected during another's timing.
    collectGarbage();
    // The same untimed warm-up for every engine: 30 searches and 30 suggestions.
    for (const q of searches.slice(0, 30)) run.search(q);
    for (const q of suggestions.slice(0, 30)) run.suggest(q);
    row.search[name] = percentiles(searches, run.search);
    row.suggest[name] = percentiles(suggestions, run.suggest);
  }
  checkAnswers(places, runners);
  fts.close();
  return row;
}

/** Timings of wrong answers mean nothing: each engine must put a full name's place first. */
function checkAnswers(places: readonly Place[], runners: Record<string, { search: Searcher }>): void {
  const target = places[Math.floor(places.length / 2)]!;
  for (const [name, run] of Object.entries(runners)) {
    const first = run.search({ q: target.name.zh!, kind: "chinese_full", expect: [target.id], lon: target.lon, lat: target.lat })[0];
    if (first !== target.id) console.log(`! ${name} does not put ${target.name.zh} first (got ${first ?? "nothing"})`);
  }
}

function print(rows: readonly Row[]): void {
  const engines = ["ours", "fts5-trigram", "minisearch"];
  const ms = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1));
  const pair = (t: { p50: number; p99: number }) => `${ms(t.p50)} / ${ms(t.p99)}`.padStart(20);
  for (const what of ["search", "suggest"] as const) {
    console.log(`\n${what === "search" ? "Search (limit 10, with a location)" : "Suggestions as typed (limit 8)"}: p50 / p99 in ms per query`);
    console.log(`${"places".padStart(8)}${engines.map((e) => e.padStart(20)).join("")}   p50 of peer / ours (above 1: ours faster)`);
    for (const row of rows) {
      const t = row[what];
      const ratio = (e: string) => `${e} ${(t[e]!.p50 / t["ours"]!.p50).toPrecision(2)}`;
      console.log(`${String(row.size).padStart(8)}${engines.map((e) => pair(t[e]!)).join("")}   ${ratio("fts5-trigram")}, ${ratio("minisearch")}`);
    }
  }
  console.log("\nIndex build (ms) and heap (MB; FTS5 lives outside the JS heap)");
  console.log(`${"places".padStart(8)}${engines.map((e) => `${e} build`.padStart(20)).join("")}${"ours heap".padStart(12)}${"mini heap".padStart(12)}`);
  for (const row of rows) {
    console.log(`${String(row.size).padStart(8)}${engines.map((e) => ms(row.build[e]!).padStart(20)).join("")}${row.heap["ours"]!.toFixed(1).padStart(12)}${row.heap["minisearch"]!.toFixed(1).padStart(12)}`);
  }
}

const started = performance.now();
jieba();
const rows = SIZES.map(measure);
console.log(`Search speed over synthetic places (${searchQueries(syntheticPlaces(10)).length} search and ${SUGGEST_QUERIES.length} suggestion queries, node ${process.version})`);
print(rows);
const unanswerable = [...searchQueries(syntheticPlaces(10)), ...SUGGEST_QUERIES].filter((q) => ftsExpression(normalise(q)) === null);
console.log(`\nFTS5 trigram answers nothing, in no time, for ${unanswerable.length} of these queries (under 3 characters), which flatters its times: ${unanswerable.join(", ")}`);
console.log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s`);
