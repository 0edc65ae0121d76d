/**
 * A rough estimate, in the manner of zxcvbn, of how many guesses an attacker who knows the
 * usual tricks needs for a password: the cheapest way to spell it from pieces, where a
 * common password or word costs its rank on zxcvbn's lists, a run of one character or a
 * plain sequence (abcd, 4321, qwerty) costs little, a year 120, and any other character
 * the size of its alphabet. It underrates nothing on the lists and is used only as a floor
 * for staff passwords (docs/PLAN-SUPERVISION.md), not shown as a meter.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

/** Longest piece looked up in the lists. */
const MAX_PIECE = 40;
const SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"];

let ranks: Map<string, number> | null = null;
/** The rank given to a word of a caller's extra list. */
const EXTRA_RANK = 100;

/** Rank of a listed password or word (1 = most common) on zxcvbn's lists, or undefined. */
function rankOf(piece: string): number | undefined {
  if (!ranks) {
    ranks = new Map();
    dictionary["passwords-common"].forEach((word, i) => ranks!.set(word.toLowerCase(), i + 1));
    for (const word of dictionary["diceware-common"]) if (!ranks.has(word)) ranks.set(word, dictionary["diceware-common"].length);
  }
  return ranks.get(piece);
}

/** Guesses for one character alone, by its kind. */
function charGuesses(char: string): number {
  if (/[a-z]/.test(char)) return 26;
  if (/[A-Z]/.test(char)) return 52;
  if (/\d/.test(char)) return 10;
  if (/\p{L}/u.test(char)) return 3000;
  return 33;
}

/** A plain run forwards or backwards along the alphabet, the digits or the keyboard. */
function isSequence(lower: string): boolean {
  if (lower.length < 3) return false;
  const backwards = [...lower].reverse().join("");
  return SEQUENCES.some((s) => s.includes(lower) || s.includes(backwards));
}

/** Extra guesses for capitals: a first or all capitals double, others more. */
function caseFactor(piece: string): number {
  const upper = [...piece].filter((c) => c !== c.toLowerCase()).length;
  if (upper === 0) return 1;
  if (upper === piece.length || (upper === 1 && piece[0] !== piece[0]!.toLowerCase())) return 2;
  return 2 ** Math.min(upper, 10);
}

/** Guesses for a piece of two or more characters when it is a known pattern; undefined otherwise. */
function patternGuesses(piece: string, extra: ReadonlySet<string>): number | undefined {
  const lower = piece.toLowerCase();
  const rank = rankOf(lower) ?? (extra.has(lower) ? EXTRA_RANK : undefined);
  if (rank !== undefined) return rank * caseFactor(piece);
  if (piece.length < 3) return undefined;
  if (/^(.)\1+$/u.test(lower)) return charGuesses(piece[0]!) * piece.length;
  const repeated = /^(.{2,}?)\1+$/u.exec(piece);
  if (repeated) return guessesOf([...repeated[1]!], extra) * (piece.length / repeated[1]!.length);
  if (/^(19|20)\d\d$/.test(piece)) return 120;
  if (isSequence(lower)) return 20 * piece.length * caseFactor(piece);
  return undefined;
}

/**
 * Estimated guesses: the least product over ways of cutting the password into pieces.
 * `extra` lists more words to treat as common (favourites of our users).
 */
export function estimateGuesses(password: string, extra: readonly string[] = []): number {
  return guessesOf([...password], new Set(extra.map((word) => word.toLowerCase())));
}

function guessesOf(chars: readonly string[], extra: ReadonlySet<string>): number {
  const best = [1];
  for (let end = 1; end <= chars.length; end++) {
    let cheapest = best[end - 1]! * charGuesses(chars[end - 1]!);
    for (let start = Math.max(0, end - MAX_PIECE); start < end - 1; start++) {
      const guesses = patternGuesses(chars.slice(start, end).join(""), extra);
      if (guesses !== undefined) cheapest = Math.min(cheapest, best[start]! * guesses);
    }
    best.push(cheapest);
  }
  return best[chars.length]!;
}
