/**
 * Opening a Server-Sent Events answer, shared by the API's streams (/api/live, /api/status/stream):
 * one set of headers, and HEAD answered with the headers alone, since a stream held open for a
 * HEAD would never end (its client would wait for ever, and it would count against the streams
 * an instance holds).
 */
import type { FastifyReply, FastifyRequest } from "fastify";

const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store",
  "x-accel-buffering": "no",
  "x-content-type-options": "nosniff",
};

/**
 * Takes `reply` over as an event stream (Fastify no longer answers it; write to `reply.raw`) and
 * answers true; for HEAD, sends the headers alone and answers false (the handler then returns `reply`).
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method === "HEAD") {
    reply.headers(EVENT_STREAM_HEADERS).send();
    return false;
  }
  reply.hijack();
  reply.raw.writeHead(200, { ...EVENT_STREAM_HEADERS, connection: "keep-alive" });
  return true;
}
