/**
 * Typo-tolerant prefix lookup over sorted keys: which key prefixes lie within a few edits
 * (restricted Damerau-Levenshtein) of what was typed. Sorted keys form an implicit trie, so
 * one row of the edit-distance table is computed per trie node, shared by every key below
 * it, and a whole subtree is skipped as soon as a row has no cell within the limit.
 */

export interface FuzzyPrefix {
  prefix: string;
  edits: number;
}

export interface SortedKeys {
  readonly keys: readonly string[];
  /** First position whose key is not below `key`. */
  lowerBound(key: string): number;
}

/** Rows of the table computed at most per lookup: bounds the work for any input. */
const ROW_BUDGET = 30_000;
const MOST_FOUND = 50;
/** Sorts after every character a key holds, to find the end of a prefix range. */
const AFTER_ALL = "\uffff";

function commonPrefixLength(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/**
 * Prefixes of keys starting with `head` within `maxEdits` of `text`, fewest edits first and
 * then longest. `text` is compared whole: the caller cuts it to the key length.
 */
export function fuzzyPrefixes(sorted: SortedKeys, text: string, head: string, maxEdits: number): FuzzyPrefix[] {
  const width = text.length + 1;
  const deepest = text.length + maxEdits;
  // table[j * width + i] = edits between the key's first j letters and the text's first i.
  const table = new Int32Array((deepest + 1) * width);
  for (let i = 0; i < width; i++) table[i] = i;
  const found = new Map<string, number>();
  let previous = "";
  let validRows = 0;
  let rows = 0;
  let at = sorted.lowerBound(head);
  const end = sorted.lowerBound(head + AFTER_ALL);
  while (at < end && found.size < MOST_FOUND && rows < ROW_BUDGET) {
    const key = sorted.keys[at]!;
    let j = commonPrefixLength(previous, key, validRows) + 1;
    let prunedAt = 0;
    for (; j <= Math.min(key.length, deepest); j++) {
      rows++;
      if (fillRow(table, width, text, key, j) > maxEdits) {
        prunedAt = j;
        break;
      }
      const edits = table[j * width + text.length]!;
      if (edits <= maxEdits && j >= text.length - maxEdits) found.set(key.slice(0, j), edits);
    }
    previous = key;
    validRows = prunedAt > 0 ? prunedAt - 1 : j - 1;
    // No longer key below this prefix can come within the limit: skip them all.
    at = prunedAt > 0 ? sorted.lowerBound(key.slice(0, prunedAt) + AFTER_ALL) : at + 1;
  }
  return [...found]
    .map(([prefix, edits]) => ({ prefix, edits }))
    .sort((a, b) => a.edits - b.edits || b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1));
}

/** Computes row j (the key's first j letters) and returns its smallest cell. */
function fillRow(table: Int32Array, width: number, text: string, key: string, j: number): number {
  const row = j * width;
  const above = row - width;
  const letter = key.charCodeAt(j - 1);
  table[row] = j;
  let smallest = j;
  for (let i = 1; i < width; i++) {
    const cost = text.charCodeAt(i - 1) === letter ? 0 : 1;
    let value = Math.min(table[above + i]! + 1, table[row + i - 1]! + 1, table[above + i - 1]! + cost);
    if (j > 1 && i > 1 && letter === text.charCodeAt(i - 2) && key.charCodeAt(j - 2) === text.charCodeAt(i - 1)) {
      value = Math.min(value, table[above - width + i - 2]! + 1);
    }
    table[row + i] = value;
    if (value < smallest) smallest = value;
  }
  return smallest;
}
