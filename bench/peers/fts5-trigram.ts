/**
 * SQLite FTS5 with the trigram tokenizer (in memory, ranked by bm25) as a search peer.
 * What it cannot do: match a word of one or two characters ("南湖", "wc") at all, correct a
 * typo, know a synonym, or read pinyin or traditional characters it was not given.
 */
import BetterSqlite3 from "better-sqlite3";
import type { PeerDocument, PeerHit, SearchPeer } from "./search-peer.ts";

const COLUMNS = ["zh", "en", "alt", "pinyin", "pinyin_spaced", "initials", "about"] as const;

/**
 * The MATCH expression: every word of three or more characters as a quoted substring, all
 * required, or the whole query without spaces (for "nan hu" against unspaced pinyin).
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

export function fts5TrigramPeer(): SearchPeer {
  const db = new BetterSqlite3(":memory:");
  db.exec(`CREATE VIRTUAL TABLE places USING fts5(${COLUMNS.join(", ")}, tokenize = 'trigram')`);
  const select = db.prepare("SELECT rowid AS row, bm25(places) AS rank FROM places WHERE places MATCH ? ORDER BY rank LIMIT 200");
  return {
    name: "fts5-trigram",
    build(documents: readonly PeerDocument[]) {
      const insert = db.prepare(`INSERT INTO places (rowid, ${COLUMNS.join(", ")}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      db.transaction(() => {
        for (const d of documents) insert.run(d.row, d.zh, d.en, d.alt, d.pinyin, d.pinyinSpaced, d.initials, d.about);
      })();
    },
    query(normalised: string): PeerHit[] {
      const expression = ftsExpression(normalised);
      if (expression === null) return [];
      return (select.all(expression) as Array<{ row: number; rank: number }>).map((r) => ({ row: r.row, score: -r.rank }));
    },
    close: () => db.close(),
  };
}
