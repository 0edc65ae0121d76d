/**
 * Search relevance on the real sample data: our engine beside two peers on the hand-written
 * set in data/search/relevance.json, printing recall@1, recall@5 and MRR@10 per query kind,
 * and the queries our engine misses at rank 5. The peers get the same names, the same
 * pinyin and the same normalisation, and break score ties by distance like ours does:
 *  - SQLite FTS5 with the trigram tokenizer, ranked by bm25 (a word of one or two characters
 *    cannot match a trigram index at all: that is its known limit, counted below);
 *  - MiniSearch over jieba's search-mode tokens, with prefix and fuzzy (0.2) matching.
 * A report, not a gate: it always exits 0. bench/search-relevance.test.ts holds the bar.
 * Run: node --import tsx bench/search-relevance.bench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import MiniSearch from "minisearch";
import { z } from "zod";
import { startServer } from "../src/app/server.ts";
import { distanceMeters } from "../src/core/geo.ts";
import type { Place } from "../src/core/place.ts";
import { pinyinOf } from "../src/places/pinyin.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type SearchEngine, jieba, normalise } from "../src/search/index.ts";

export const QUERY_KINDS = ["chinese_full", "chinese_partial", "pinyin_full", "pinyin_initials", "mixed", "traditional", "english", "synonym", "typo", "nearby"] as const;

const querySchema = z.object({
  q: z.string().min(1),
  kind: z.enum(QUERY_KINDS),
  expect: z.array(z.string().min(1)).min(1),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
const setSchema = z.object({ about: z.string(), queries: z.array(querySchema).min(1) });

export type RelevanceQuery = z.infer<typeof querySchema>;
/** Ids of the places found for a query, best first. */
export type Searcher = (query: RelevanceQuery) => string[];

const SET_FILE = path.resolve(import.meta.dirname, "../data/search/relevance.json");
/** How deep a searcher's answer is read: recall@5 and MRR@10. */
const DEPTH = 10;

export function loadRelevanceSet(): RelevanceQuery[] {
  return setSchema.parse(JSON.parse(fs.readFileSync(SET_FILE, "utf8"))).queries;
}

/** The places and engine the app builds from its bundled data, in a throwaway data folder. */
export async function openRealSample(): Promise<{ places: readonly Place[]; engine: SearchEngine; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-relevance-"));
  const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const server = await startServer(config, { buildWeb: false, listen: false, say: () => undefined });
  return {
    places: server.catalog.index.places,
    engine: server.search.engine,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function engineSearcher(engine: SearchEngine, limit = DEPTH): Searcher {
  return (query) =>
    engine.search(query.q, { limit, lon: query.lon, lat: query.lat, filter: {}, isOpen: () => false }).hits.map((h) => h.place.id);
}

/** The name fields both peers index, normalised as our engine normalises them. */
export interface BaselineDocument {
  id: string;
  zh: string;
  en: string;
  pinyin: string;
  pinyinSpaced: string;
  initials: string;
}

export function baselineDocument(place: Place): BaselineDocument {
  const zh = normalise(place.name.zh ?? "").replace(/ /g, "");
  const pinyinSpaced = normalise(place.name.pinyin ?? pinyinOf(zh) ?? "");
  const syllables = pinyinSpaced.split(" ").filter(Boolean);
  return {
    id: place.id,
    zh,
    en: normalise(place.name.en ?? ""),
    pinyin: syllables.join(""),
    pinyinSpaced,
    initials: syllables.map((s) => s[0]).join(""),
  };
}

/** Best first; equal scores (within rounding) go nearest first when a location is given. */
function rankWithDistance(found: Array<{ place: Place; score: number }>, query: { lat?: number; lon?: number }, limit: number): string[] {
  const { lat, lon } = query;
  const distance = (p: Place) => (lat === undefined || lon === undefined ? 0 : distanceMeters([lon, lat], [p.lon, p.lat]));
  return found
    .map((f) => ({ id: f.place.id, score: Math.round(f.score * 1e6), d: distance(f.place) }))
    .sort((a, b) => b.score - a.score || a.d - b.d)
    .slice(0, limit)
    .map((f) => f.id);
}

/**
 * The FTS5 MATCH expression: every word of three or more characters as a quoted substring,
 * all required, or the whole query without spaces (for "nan hu" against unspaced pinyin).
 * Null when nothing is long enough: trigram matching has no answer for "南湖" or "wc".
 */
export function ftsExpression(normalised: string): string | null {
  const words = normalised.split(" ").filter((w) => [...w].length >= 3);
  const joined = normalised.replace(/ /g, "");
  const alternatives: string[] = [];
  if (words.length > 0) alternatives.push(words.map((w) => `"${w}"`).join(" AND "));
  if (normalised.includes(" ") && [...joined].length >= 3) alternatives.push(`"${joined}"`);
  return alternatives.length === 0 ? null : alternatives.map((a) => `(${a})`).join(" OR ");
}

export function fts5Searcher(places: readonly Place[], limit = DEPTH): Searcher & { close(): void } {
  const db = new BetterSqlite3(":memory:");
  db.exec("CREATE VIRTUAL TABLE names USING fts5(name_zh, name_en, pinyin, pinyin_spaced, initials, tokenize = 'trigram')");
  const insert = db.prepare("INSERT INTO names (rowid, name_zh, name_en, pinyin, pinyin_spaced, initials) VALUES (?, ?, ?, ?, ?, ?)");
  db.transaction(() => places.forEach((p, i) => {
    const d = baselineDocument(p);
    insert.run(i, d.zh, d.en, d.pinyin, d.pinyinSpaced, d.initials);
  }))();
  const select = db.prepare("SELECT rowid AS row, bm25(names) AS rank FROM names WHERE names MATCH ? ORDER BY rank LIMIT 200");
  const search: Searcher = (query) => {
    const expression = ftsExpression(normalise(query.q));
    if (expression === null) return [];
    const rows = select.all(expression) as Array<{ row: number; rank: number }>;
    return rankWithDistance(rows.map((r) => ({ place: places[r.row]!, score: -r.rank })), query, limit);
  };
  return Object.assign(search, { close: () => db.close() });
}

const jiebaTokens = (text: string): string[] => jieba().cutForSearch(text, true).filter((t) => t.trim() !== "");

export function miniSearchSearcher(places: readonly Place[], limit = DEPTH): Searcher {
  const mini = new MiniSearch<BaselineDocument>({
    fields: ["zh", "en", "pinyin", "pinyinSpaced", "initials"],
    tokenize: jiebaTokens,
    searchOptions: { prefix: true, fuzzy: 0.2 },
  });
  const byId = new Map(places.map((p) => [p.id, p]));
  mini.addAll(places.map(baselineDocument));
  return (query) => {
    const results = mini.search(normalise(query.q));
    return rankWithDistance(results.map((r) => ({ place: byId.get(r.id as string)!, score: r.score })), query, limit);
  };
}

export interface QueryOutcome {
  query: RelevanceQuery;
  got: string[];
  /** 1-based rank of the first expected place, null when not in the first ten. */
  rank: number | null;
}

export interface Scores {
  count: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

export interface RelevanceReport {
  outcomes: QueryOutcome[];
  byKind: Map<string, Scores>;
  overall: Scores;
}

function scoresOf(outcomes: readonly QueryOutcome[]): Scores {
  const n = Math.max(1, outcomes.length);
  const share = (test: (o: QueryOutcome) => boolean) => outcomes.filter(test).length / n;
  return {
    count: outcomes.length,
    recallAt1: share((o) => o.rank === 1),
    recallAt5: share((o) => o.rank !== null && o.rank <= 5),
    mrr: outcomes.reduce((sum, o) => sum + (o.rank === null ? 0 : 1 / o.rank), 0) / n,
  };
}

/** Runs every query through `search` and scores the answers against the expectations. */
export function evaluate(queries: readonly RelevanceQuery[], search: Searcher): RelevanceReport {
  const outcomes = queries.map((query) => {
    const got = search(query).slice(0, DEPTH);
    const index = got.findIndex((id) => query.expect.includes(id));
    return { query, got, rank: index < 0 ? null : index + 1 };
  });
  const byKind = new Map<string, Scores>();
  for (const kind of QUERY_KINDS) {
    const ofKind = outcomes.filter((o) => o.query.kind === kind);
    if (ofKind.length > 0) byKind.set(kind, scoresOf(ofKind));
  }
  return { outcomes, byKind, overall: scoresOf(outcomes) };
}

/** Queries whose expected place is not in the first five. */
export function missesAt5(report: RelevanceReport): QueryOutcome[] {
  return report.outcomes.filter((o) => o.rank === null || o.rank > 5);
}

function printTable(reports: Array<[string, RelevanceReport]>): void {
  const cell = (s: Scores) => `${s.recallAt1.toFixed(2)}  ${s.recallAt5.toFixed(2)}  ${s.mrr.toFixed(2)}`;
  console.log(`${"".padEnd(22)}${reports.map(([name]) => name.padStart(20).padEnd(22)).join("")}`);
  console.log(`${"kind".padEnd(16)} ${"n".padStart(4)}  ${reports.map(() => " R@1   R@5   MRR".padStart(22)).join("")}`);
  const first = reports[0]![1];
  for (const kind of first.byKind.keys()) {
    const row = reports.map(([, r]) => cell(r.byKind.get(kind)!).padStart(22)).join("");
    console.log(`${kind.padEnd(16)} ${String(first.byKind.get(kind)!.count).padStart(4)}  ${row}`);
  }
  console.log(`${"overall".padEnd(16)} ${String(first.overall.count).padStart(4)}  ${reports.map(([, r]) => cell(r.overall).padStart(22)).join("")}`);
}

async function main(): Promise<void> {
  const queries = loadRelevanceSet();
  const sample = await openRealSample();
  const name = (id: string) => {
    const place = sample.places.find((p) => p.id === id);
    return place ? `${id} (${place.name.zh ?? place.name.en}${place.name.zh && place.name.en ? " / " + place.name.en : ""})` : id;
  };
  const fts = fts5Searcher(sample.places);
  const reports: Array<[string, RelevanceReport]> = [
    ["ours", evaluate(queries, engineSearcher(sample.engine))],
    ["fts5-trigram", evaluate(queries, fts)],
    ["minisearch", evaluate(queries, miniSearchSearcher(sample.places))],
  ];
  console.log(`Search relevance: ${queries.length} queries over ${sample.places.length} real places (R@k = recall at k, MRR over the first ${DEPTH})\n`);
  printTable(reports);
  const short = queries.filter((q) => ftsExpression(normalise(q.q)) === null);
  console.log(`\nFTS5 trigram cannot match ${short.length} of ${queries.length} queries at all (no word of 3+ characters): ${short.map((q) => q.q).join(", ")}`);
  const misses = missesAt5(reports[0]![1]);
  console.log(`\nOur engine misses ${misses.length} queries at rank 5:`);
  for (const miss of misses) {
    const expected = miss.query.expect.slice(0, 3).map(name).join(", ") + (miss.query.expect.length > 3 ? `, … (${miss.query.expect.length})` : "");
    console.log(`- [${miss.query.kind}] "${miss.query.q}"${miss.rank ? ` (rank ${miss.rank})` : ""}\n    expected: ${expected}\n    got:      ${miss.got.slice(0, 5).map(name).join(", ") || "(nothing)"}`);
  }
  fts.close();
  await sample.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await main();
  } catch (error) {
    console.error(error);
  }
  process.exitCode = 0;
}
