/**
 * Whether the page shows data kept on the phone, read from the API answers themselves: the
 * service worker marks an answer it gave from its cache (`x-tongxing-offline: 1`) with the
 * time it was fetched (`x-tongxing-cached-at`). The page keeps the oldest such time until a
 * live answer comes, so "offline data, from when" never depends on the worker still holding
 * it in memory (a browser stops an idle worker when it likes).
 */

export const OFFLINE_HEADER = "x-tongxing-offline";
export const CACHED_AT_HEADER = "x-tongxing-cached-at";

type Listener = (cachedAt: string | null) => void;

let oldest: string | null = null;
const listeners = new Set<Listener>();

/** The fetch time of the oldest kept answer shown since the last live one, or null. */
export function offlineSince(): string | null {
  return oldest;
}

/** Notes one API answer: kept (offline) or live. */
export function noteAnswer(headers: Pick<Headers, "get">): void {
  const before = oldest;
  if (headers.get(OFFLINE_HEADER) === "1") {
    const at = headers.get(CACHED_AT_HEADER);
    // A kept answer without a time (an error made up offline) says nothing about from when.
    if (at && !Number.isNaN(Date.parse(at)) && (oldest === null || at < oldest)) oldest = at;
  } else {
    oldest = null;
  }
  if (oldest !== before) for (const listener of listeners) listener(oldest);
}

/** Calls `listener` whenever the answer changes; returns the way to stop. */
export function onFreshnessChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
