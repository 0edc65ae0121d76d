/**
 * What a search peer is given and must answer, so each peer adapter only calls its library
 * (Hono's benchmarks/routers style): the same places, turned into the same fields our index
 * reads (src/search/search-document.ts: names, other names, pinyin, initials, and the words
 * of kind, categories, facilities and district), normalised as ours normalises them.
 */
import type { Jieba } from "@node-rs/jieba";
import type { Place } from "../../src/core/place.ts";
import { searchDocument } from "../../src/search/search-document.ts";

/** One place as every peer indexes it; `row` is its position in the input. */
export interface PeerDocument {
  row: number;
  zh: string;
  en: string;
  /** Other names, space-separated. */
  alt: string;
  pinyin: string;
  pinyinSpaced: string;
  initials: string;
  /** Kind, categories, facilities and district, in Chinese and English. */
  about: string;
}

/** A row of the input and the peer's own score for it (higher is better). */
export interface PeerHit {
  row: number;
  score: number;
}

export interface SearchPeer {
  readonly name: string;
  /** Indexes the documents (the timed build). */
  build(documents: readonly PeerDocument[]): void;
  /** The peer's hits for normalised query text, best first, at most 200. */
  query(normalised: string): PeerHit[];
  close(): void;
}

export interface DocumentContext {
  jieba: Jieba;
  divisionName: (code: string | null) => string | null;
}

/** The fields our engine reads for each place, as plain strings for a peer. */
export function peerDocuments(places: readonly Place[], context: DocumentContext): PeerDocument[] {
  return places.map((place, row) => {
    const d = searchDocument(place, context);
    return { row, zh: d.zh, en: d.en, alt: d.alt.join(" "), pinyin: d.pinyin, pinyinSpaced: d.syllables.join(" "), initials: d.initials, about: d.about };
  });
}
