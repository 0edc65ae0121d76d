/**
 * MiniSearch over jieba's search-mode tokens, with prefix and fuzzy (0.2) matching, as a
 * search peer. What it cannot do: split unspaced pinyin or initials into words (it matches
 * them only as whole-token prefixes), know a synonym, or fold traditional characters.
 */
import MiniSearch from "minisearch";
import { jieba } from "../../src/search/index.ts";
import type { PeerDocument, PeerHit, SearchPeer } from "./search-peer.ts";

const tokenize = (text: string): string[] => jieba().cutForSearch(text, true).filter((t) => t.trim() !== "");

export function miniSearchJiebaPeer(): SearchPeer {
  const mini = new MiniSearch<PeerDocument>({
    idField: "row",
    fields: ["zh", "en", "alt", "pinyin", "pinyinSpaced", "initials", "about"],
    tokenize,
    searchOptions: { prefix: true, fuzzy: 0.2 },
  });
  return {
    name: "minisearch",
    build: (documents: readonly PeerDocument[]) => mini.addAll(documents),
    query: (normalised: string): PeerHit[] => mini.search(normalised).slice(0, 200).map((r) => ({ row: r.id as number, score: r.score })),
    close: () => undefined,
  };
}
