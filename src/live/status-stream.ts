/**
 * The status stream: Server-Sent Events where each change is `id: <change id>`,
 * `event: status` and its data. A browser that reconnects sends the last id it saw
 * (Last-Event-ID, or `after=` on the first connection) and first gets every change after
 * it, read from the table, then the live ones, with no gap and no repeat: while its replay
 * is read, live changes wait in its queue and only those after the replay's last id follow.
 * A comment line every 20 s keeps proxies (30–60 s idle timeouts) from closing the stream.
 * The JSON of a change is written once, whatever the number of streams.
 */
import type { StatusEvent } from "../core/api/live-vocabulary.ts";

/** How many streams one instance keeps; more are told to retry later. */
export const MAX_STATUS_STREAMS = 10_000;
/** Under the idle timeout of common proxies (nginx 60 s, many load balancers 30–60 s). */
export const HEARTBEAT_MS = 20_000;
/** A stream this far behind (bytes not yet sent) is dropped; its browser reconnects and replays. */
const MAX_BACKLOG = 1 << 20;

/** What a stream writes to: an HTTP response (ServerResponse has these). */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
  readonly writableLength: number;
}

/** A replay: the changes after an id, oldest first, or `reset` when too many were missed to send. */
export type Replay = { events: ReadonlyArray<{ id: number; event: StatusEvent }>; reset: boolean };

interface Client {
  sink: StreamSink;
  region: string | null;
  lastSent: number;
  /** Live changes heard while the replay was being read, sent after it. */
  queued: Array<{ id: number; region: string; text: string }> | null;
}

/** The text of one change on the stream. */
export const eventText = (id: number, event: StatusEvent): string => `id: ${id}\nevent: status\ndata: ${JSON.stringify(event)}\n\n`;

export class StatusStream {
  private readonly clients = new Set<Client>();
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(private readonly replay: (after: number, region: string | null) => Promise<Replay>, heartbeatMs = HEARTBEAT_MS) {
    this.heartbeat = setInterval(() => this.broadcast(": keep-alive\n\n"), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  get full(): boolean {
    return this.clients.size >= MAX_STATUS_STREAMS;
  }

  /**
   * Starts a stream on `sink` (headers already sent): replays the changes after `after`
   * (none when null: only what happens from now), then follows. Returns its closer.
   */
  async open(sink: StreamSink, after: number | null, region: string | null, current: number): Promise<() => void> {
    const client: Client = { sink, region, lastSent: after ?? current, queued: after === null ? null : [] };
    this.clients.add(client);
    sink.write("retry: 3000\n: tongxing status stream\n\n");
    if (after !== null) {
      try {
        const replay = await this.replay(after, region);
        if (replay.reset) sink.write(`event: reset\ndata: {}\n\n`);
        for (const { id, event } of replay.events) this.send(client, id, eventText(id, event));
      } finally {
        const queued = client.queued ?? [];
        client.queued = null;
        for (const item of queued) this.send(client, item.id, item.text);
      }
    }
    return () => this.clients.delete(client);
  }

  /** Sends one change to every stream that wants its region and has not had it. */
  publish(id: number, event: StatusEvent): void {
    const text = eventText(id, event);
    for (const client of this.clients) {
      if (client.region !== null && client.region !== event.regionId) continue;
      if (client.queued) client.queued.push({ id, region: event.regionId, text });
      else this.send(client, id, text);
    }
  }

  /** Ends every stream (the server is closing; browsers reconnect elsewhere and replay). */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.sink.end();
    this.clients.clear();
  }

  private send(client: Client, id: number, text: string): void {
    if (id <= client.lastSent) return;
    client.lastSent = id;
    this.write(client, text);
  }

  private broadcast(text: string): void {
    for (const client of this.clients) if (!client.queued) this.write(client, text);
  }

  private write(client: Client, text: string): void {
    if (client.sink.writableLength > MAX_BACKLOG) {
      this.clients.delete(client);
      client.sink.end();
      return;
    }
    client.sink.write(text);
  }
}
