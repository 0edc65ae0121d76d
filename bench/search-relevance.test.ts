/**
 * The relevance bar for our search engine on the real sample data and the hand-written set
 * in data/search/relevance.json: the right place in the first five for at least 95% of all
 * queries, and for at least 85% of every kind of query (Chinese, pinyin, initials, mixed,
 * traditional, English, everyday words, typos, nearby). A failure names the missed queries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUERY_KINDS, type RelevanceReport, engineSearcher, evaluate, loadRelevanceSet, missesAt5, openRealSample } from "./search-relevance.bench.ts";

const OVERALL_RECALL_AT_5 = 0.95;
const KIND_RECALL_AT_5 = 0.85;

describe("search relevance on the real sample", () => {
  let report: RelevanceReport;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const sample = await openRealSample();
    close = sample.close;
    report = evaluate(loadRelevanceSet(), engineSearcher(sample.engine));
  });
  afterAll(async () => {
    await close();
  });

  const missed = (kind?: string) =>
    missesAt5(report)
      .filter((o) => kind === undefined || o.query.kind === kind)
      .map((o) => `[${o.query.kind}] "${o.query.q}" expected ${o.query.expect.slice(0, 3).join(", ")}, got ${o.got.slice(0, 5).join(", ") || "nothing"}`)
      .join("\n");

  it(`finds the right place in the first five for ${OVERALL_RECALL_AT_5 * 100}% of all queries`, () => {
    expect(report.overall.recallAt5, `missed at rank 5:\n${missed()}`).toBeGreaterThanOrEqual(OVERALL_RECALL_AT_5);
  });

  it.each(QUERY_KINDS)(`finds the right place in the first five for ${KIND_RECALL_AT_5 * 100}%% of %s queries`, (kind) => {
    const scores = report.byKind.get(kind);
    expect(scores?.count ?? 0, `no ${kind} queries in the set`).toBeGreaterThanOrEqual(12);
    expect(scores!.recallAt5, `missed at rank 5:\n${missed(kind)}`).toBeGreaterThanOrEqual(KIND_RECALL_AT_5);
  });
});
