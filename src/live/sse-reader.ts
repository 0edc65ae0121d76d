/**
 * A client of the status stream for tests and the bench: opens it (with Last-Event-ID when
 * given), parses events as they come and lets the caller wait for a condition on them.
 */

/** One parsed event. */
export interface SseEvent {
  id: number | null;
  event: string;
  data: string;
}

export class SseReader {
  readonly events: SseEvent[] = [];
  comments = 0;
  private buffer = "";
  private readonly waiters = new Set<() => void>();
  private readonly abort = new AbortController();
  /** Called on each status event as it is parsed (the bench times delivery with it). */
  onEvent: ((event: SseEvent) => void) | null = null;

  private constructor() {}

  /** Opens `url`; resolves once the answer's headers have come (status in `status`). */
  static async open(url: string, lastEventId?: number): Promise<SseReader & { status: number }> {
    const reader = new SseReader();
    const response = await fetch(url, { headers: lastEventId === undefined ? {} : { "last-event-id": String(lastEventId) }, signal: reader.abort.signal });
    void reader.pump(response);
    return Object.assign(reader, { status: response.status });
  }

  /** The ids of the status events so far. */
  get ids(): number[] {
    return this.events.filter((e) => e.event === "status").map((e) => e.id!);
  }

  /** Waits until `test` holds of the events, or fails after `timeoutMs`. */
  until(test: (events: readonly SseEvent[]) => boolean, timeoutMs = 10_000): Promise<void> {
    if (test(this.events)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`stream condition not met; events: ${JSON.stringify(this.events.map((e) => [e.id, e.event]))}`));
      }, timeoutMs);
      const check = () => {
        if (!test(this.events)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(response: Response): Promise<void> {
    if (!response.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) {
        this.buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf("\n\n")) >= 0) {
          this.parse(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
        }
        for (const waiter of this.waiters) waiter();
      }
    } catch {
      // closed by us or by the server
    }
  }

  private parse(block: string): void {
    let id: number | null = null;
    let event = "message";
    const data: string[] = [];
    let any = false;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        this.comments++;
        continue;
      }
      const colon = line.indexOf(":");
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (name === "id") id = Number(value);
      else if (name === "event") event = value;
      else if (name === "data") data.push(value);
      else continue;
      any = true;
    }
    if (!any || data.length === 0) return;
    const parsed = { id, event, data: data.join("\n") };
    this.events.push(parsed);
    this.onEvent?.(parsed);
  }
}
