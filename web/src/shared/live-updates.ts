/**
 * Live updates (GET /api/live, Server-Sent Events): the server says which topic changed
 * (places, regions, plan…) on any instance; the page asks again for what it shows. Bursts
 * of changes (an import) become one call per topic after a short pause. Where the browser
 * has no EventSource, nothing is followed and the page stays as loaded.
 */

/** What the page needs of an event source; the browser's EventSource has it. */
export interface LiveSource {
  addEventListener(type: "change", listener: (event: { data: string }) => void): void;
  close(): void;
}

/** The topic an event names, or null when its data is not what the server sends. */
export function topicOf(data: string): string | null {
  try {
    const parsed = JSON.parse(data) as { topic?: unknown };
    return typeof parsed.topic === "string" && /^[a-z][a-z0-9_-]{0,40}$/.test(parsed.topic) ? parsed.topic : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onChange(topic)` once per topic after `pauseMs` without a newer change of it.
 * Returns the function that stops following.
 */
export function followLiveUpdates(
  onChange: (topic: string) => void,
  options: { pauseMs?: number; open?: () => LiveSource | null } = {},
): () => void {
  const open = options.open ?? (() => (typeof EventSource === "function" ? (new EventSource("/api/live") as unknown as LiveSource) : null));
  const source = open();
  if (!source) return () => undefined;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  source.addEventListener("change", (event) => {
    const topic = topicOf(event.data);
    if (!topic) return;
    clearTimeout(timers.get(topic));
    timers.set(topic, setTimeout(() => {
      timers.delete(topic);
      onChange(topic);
    }, options.pauseMs ?? 800));
  });
  return () => {
    for (const timer of timers.values()) clearTimeout(timer);
    source.close();
  };
}
