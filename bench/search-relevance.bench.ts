/**
 * Search relevance on the real sample data: our engine beside two peers on the hand-written
 * set in data/search/relevance.json, printing recall@1, recall@5 and MRR@10 per query kind,
 * and the queries our engine misses at rank 5. Each peer sits behind a thin adapter in
 * bench/peers/ and indexes the same fields ours does (names, other names, pinyin, initials,
 * kind, categories, facilities, district; bench/peers/search-peer.ts), normalised the same
 * way; score ties are broken by distance as ours breaks them:
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
import { z } from "zod";
import { startServer } from "../src/app/server.ts";
import { distanceMeters } from "../src/core/geo.ts";
import type { Place } from "../src/core/place.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type SearchEngine, jieba, normalise } from "../src/search/index.ts";
import { ftsExpression, fts5TrigramPeer } from "./peers/fts5-trigram.ts";
import { miniSearchJiebaPeer } from "./peers/minisearch-jieba.ts";
import { type DocumentContext, type SearchPeer, peerDocuments } from "./peers/search-peer.ts";

export { ftsExpression };

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
export async function openRealSample(): Promise<{ places: readonly Place[]; engine: SearchEngine; context: DocumentContext; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-relevance-"));
  const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const server = await startServer(config, { buildWeb: false, listen: false, say: () => undefined });
  return {
    places: server.catalog.index.places,
    engine: server.search.engine,
    context: { jieba: jieba(), divisionName: (code) => server.directory.divisionName(code) },
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
 * A peer behind its adapter as a Searcher: built once from the same documents our index
 * reads, asked the same normalised text, its hits ranked by its own score with ties broken
 * by distance, as ours breaks them. The build time is returned for the speed bench.
 */
export function peerSearcher(peer: SearchPeer, places: readonly Place[], context: DocumentContext, limit = DEPTH): Searcher & { buildMs: number; close(): void } {
  const started = performance.now();
  peer.build(peerDocuments(places, context));
  const buildMs = performance.now() - started;
  const search: Searcher = (query) =>
    rankWithDistance(peer.query(normalise(query.q)).map((h) => ({ place: places[h.row]!, score: h.score })), query, limit);
  return Object.assign(search, { buildMs, close: () => peer.close() });
}

/** The two search peers, each behind its adapter in bench/peers/. */
export const SEARCH_PEERS: ReadonlyArray<() => SearchPeer> = [fts5TrigramPeer, miniSearchJiebaPeer];

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
  const reports: Array<[string, RelevanceReport]> = [["ours", evaluate(queries, engineSearcher(sample.engine))]];
  for (const makePeer of SEARCH_PEERS) {
    const peer = makePeer();
    const search = peerSearcher(peer, sample.places, sample.context);
    reports.push([peer.name, evaluate(queries, search)]);
    search.close();
  }
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
