/**
 * Answers to requests that never become requests: what Node's HTTP parser refuses (an
 * unknown method, a bad Content-Length, headers over 16 KB, a request that is not HTTP, a
 * request that took too long) is written straight to the socket, in the house shape
 * `{code, message, field}` with a 4xx status like every other answer, and the connection
 * is closed, since the parser cannot find where the next request would start.
 */
import type { Socket } from "node:net";
import type { ErrorBody } from "../errors.ts";

interface ClientErrorAnswer {
  status: number;
  reason: string;
  body: ErrorBody;
}

/** The 4xx answer to one of Node's parser errors (`HPE_*`) or its request timeout. */
export function clientErrorAnswer(code: string | undefined): ClientErrorAnswer {
  const malformed = (message: string, field: string | null): ClientErrorAnswer => ({ status: 400, reason: "Bad Request", body: { code: "malformed_request", message, field } });
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, reason: "Request Header Fields Too Large", body: { code: "headers_too_large", message: "the request's headers are larger than 16 KB", field: "headers" } };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, reason: "Request Timeout", body: { code: "request_timeout", message: "the request took too long to arrive", field: null } };
    case "HPE_INVALID_METHOD":
      return malformed("unknown HTTP method", "method");
    case "HPE_INVALID_CONTENT_LENGTH":
    case "HPE_UNEXPECTED_CONTENT_LENGTH":
      return malformed("the Content-Length header is not valid for this request", "content-length");
    case "HPE_INVALID_TRANSFER_ENCODING":
    case "HPE_INVALID_CHUNK_SIZE":
      return malformed("the Transfer-Encoding or its chunks are not valid", "transfer-encoding");
    case "HPE_INVALID_URL":
      return malformed("the request target is not a valid URL path", "path");
    case "HPE_INVALID_HEADER_TOKEN":
    case "HPE_INVALID_VERSION":
    case "HPE_INVALID_CONSTANT":
    case "HPE_LF_EXPECTED":
    case "HPE_CR_EXPECTED":
      return malformed("the request line or a header is not valid HTTP/1.1", "headers");
    default:
      return malformed("the request is not valid HTTP/1.1", null);
  }
}

/**
 * Fastify's `clientErrorHandler`: writes the answer, when the socket can still take it, and
 * closes. An answer to HEAD has no body (its client would read the body as a next answer);
 * the method is read from the bytes the parser refused (`rawPacket`), where it starts them.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  // As Node does: no answer into the middle of a response already on its way (pipelining).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent: boolean } | null })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, reason, body } = clientErrorAnswer(error.code);
  const toHead = Buffer.isBuffer(error.rawPacket) && error.rawPacket.subarray(0, 5).toString("latin1") === "HEAD ";
  const json = toHead ? "" : JSON.stringify(body);
  const head = [`HTTP/1.1 ${status} ${reason}`, "Content-Type: application/json; charset=utf-8", `Content-Length: ${Buffer.byteLength(json)}`, "X-Content-Type-Options: nosniff", "Connection: close"];
  // Destroyed once written: a client still sending must not hold the socket open.
  socket.end(`${head.join("\r\n")}\r\n\r\n${json}`, () => socket.destroy());
}
