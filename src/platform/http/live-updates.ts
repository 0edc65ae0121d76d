/**
 * Live updates to browsers: `GET /api/live` is a Server-Sent Events stream on which every
 * instance says which topic changed (places, regions, plan...) as soon as it has rebuilt
 * what it holds of it, whichever instance or process made the change (the change feed
 * tells each instance). A browser connected to any instance hears every change, and then
 * asks again for what it shows. The stream carries topic names only, never content.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ApiError, say } from "../errors.ts";
import { openEventStream } from "./event-stream.ts";
import { parseRequest } from "./validate.ts";

/** The stream takes no parameters (besides `lang`, as every operation). */
export const liveQuery = z.strictObject({});

/** How many browsers one instance keeps a stream open for; more are told to poll later. */
export const MAX_LIVE_STREAMS = 5_000;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

interface Stream {
  write(chunk: string): void;
  end(): void;
}

export class LiveUpdates {
  private readonly streams = new Set<Stream>();

  get size(): number {
    return this.streams.size;
  }

  /** Tells every open stream that `topic` changed. */
  publish(topic: string): void {
    const line = `event: change\ndata: ${JSON.stringify({ topic, at: new Date().toISOString() })}\n\n`;
    for (const stream of this.streams) stream.write(line);
  }

  /** Registers GET /api/live on `app`. */
  routes(app: FastifyInstance): void {
    app.get("/api/live", async (request, reply) => {
      parseRequest(liveQuery, request.query);
      if (this.streams.size >= MAX_LIVE_STREAMS) {
        reply.header("retry-after", "60");
        throw new ApiError(503, "unavailable", say("实时更新的连接已满，请稍后再试", "Too many live-update connections; try again later"));
      }
      if (!openEventStream(request, reply)) return reply;
      const raw = reply.raw;
      // The browser waits this long before reconnecting after a dropped stream.
      raw.write("retry: 5000\n: tongxing live updates\n\n");
      const stream: Stream = { write: (chunk) => void raw.write(chunk), end: () => raw.end() };
      this.streams.add(stream);
      const heartbeat = setInterval(() => raw.write(": keep-alive\n\n"), HEARTBEAT_MS);
      heartbeat.unref();
      request.raw.once("close", () => {
        clearInterval(heartbeat);
        this.streams.delete(stream);
      });
    });
  }

  /** Ends every stream (the server is closing; browsers reconnect to another instance). */
  closeAll(): void {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }
}
