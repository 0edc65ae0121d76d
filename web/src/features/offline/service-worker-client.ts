/**
 * The page's side of the service worker (web/public/sw.js): registering it once the map has
 * drawn its first frame (so it never competes with the first load), handing it what the page
 * fetched before it was in control, and asking it to keep or drop what a family saves.
 * Everything here does nothing where service workers are not available (an old browser, a
 * page not on https or loopback) and never throws: offline support is a bonus, not a need.
 */

export type WorkerMessage = { type: "keep" | "warm" | "drop"; urls: readonly string[] };

const supported = (): boolean => typeof navigator !== "undefined" && "serviceWorker" in navigator;

/** Registers /sw.js for the whole app; resolves when a worker is active (or never, when unsupported). */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!supported()) return null;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    return await navigator.serviceWorker.ready;
  } catch (error) {
    console.warn("service worker not registered", error);
    return null;
  }
}

/** Sends `message` to the active worker and waits (at most `timeoutMs`) for its answer. */
export async function askWorker<T>(message: WorkerMessage, timeoutMs = 15_000): Promise<T | null> {
  if (!supported()) return null;
  const registration = await navigator.serviceWorker.getRegistration("/").catch(() => undefined);
  const worker = navigator.serviceWorker.controller ?? registration?.active;
  if (!worker) return null;
  return new Promise<T | null>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), timeoutMs);
    channel.port1.onmessage = (event: MessageEvent<T>) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/**
 * The same-origin addresses the page fetched so far (its files, the API answers, the tiles the
 * map worker asked for, reported by the page's Resource Timing), for the worker to keep: on a
 * first visit they were fetched before the worker was in control.
 */
export function fetchedSoFar(entries: readonly { name: string }[], origin: string): string[] {
  const urls = new Set<string>();
  for (const { name } of entries) {
    const url = new URL(name, origin);
    if (url.origin === origin) urls.add(url.href);
  }
  return [...urls];
}

/** The addresses that make a saved thing open offline: its API answer, and its page when it has one. */
export function savedUrls(kind: "place" | "guide", id: string): string[] {
  const encoded = encodeURIComponent(id);
  return kind === "place" ? [`/api/places/${encoded}`] : [`/api/guides/${encoded}`, `/guides.html?id=${encoded}`];
}

/** Keeps a saved place or guide for offline use; true once the worker has it all. */
export async function keepOffline(kind: "place" | "guide", id: string): Promise<boolean> {
  const answer = await askWorker<{ failed?: unknown[] }>({ type: "keep", urls: savedUrls(kind, id) }).catch(() => null);
  return Array.isArray(answer?.failed) && answer.failed.length === 0;
}

/** Lets a place or guide that is no longer saved leave the never-trimmed cache. */
export function dropOffline(kind: "place" | "guide", id: string): void {
  void askWorker({ type: "drop", urls: savedUrls(kind, id) });
}
