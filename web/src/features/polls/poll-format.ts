/**
 * The pure parts of polls, tested without a browser: a closed poll's results as shares a
 * child can see (a bar per option, the favourite marked, ties all marked), the age bands that
 * voted, and the default closing time of a new poll.
 */
import type { AgeBand } from "../../../../src/core/api/councils-vocabulary.ts";
import type { Poll } from "./polls-api.ts";

/** One option's result. */
export interface OptionResult {
  readonly optionId: string;
  readonly votes: number;
  /** 0..1 of all votes. */
  readonly share: number;
  /** The most votes (ties: every one of them); none when nobody voted. */
  readonly favourite: boolean;
}

/** Each option's votes, share and whether it is the favourite, in the poll's order. */
export function optionResults(poll: Pick<Poll, "options" | "results">): OptionResult[] {
  const results = poll.results;
  const votes = new Map((results?.options ?? []).map((o) => [o.optionId, o.total]));
  const total = results?.total ?? 0;
  const most = Math.max(0, ...votes.values());
  return poll.options.map((option) => {
    const n = votes.get(option.id) ?? 0;
    return { optionId: option.id, votes: n, share: total > 0 ? n / total : 0, favourite: most > 0 && n === most };
  });
}

/** The age bands with at least one vote, youngest first, with their counts. */
export function bandsVoted(poll: Pick<Poll, "results">, bands: readonly AgeBand[]): Array<{ band: AgeBand; votes: number }> {
  const byBand = poll.results?.byBand;
  if (!byBand) return [];
  return bands.map((band) => ({ band, votes: byBand[band] ?? 0 })).filter((row) => row.votes > 0);
}

/** A poll's default closing time: two weeks from now at 20:00 local time, as the datetime-local input writes it. */
export function defaultClosing(now: Date = new Date()): string {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 14, 20, 0);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A datetime-local value ("2026-12-16T20:00") as an ISO time with this machine's offset, as the API takes it. */
export function localToIso(value: string): string {
  return new Date(value).toISOString();
}
