/**
 * The baseline of the live-stream bench: a bare node:http server that keeps event streams
 * open and, on POST /publish, writes one `id:/event:/data:` event of the same size as
 * Tongxing's to every stream — no database, no sign-in, no safety check, no replay. What
 * a stream can cost at least on this machine. Prints "listening on URL".
 */
import http from "node:http";

const streams = new Set<http.ServerResponse>();
let id = 0;
const server = http.createServer((request, response) => {
  if (request.method === "GET" && request.url?.startsWith("/stream")) {
    response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    response.write("retry: 3000\n\n");
    streams.add(response);
    request.once("close", () => streams.delete(response));
    return;
  }
  if (request.method === "POST" && request.url === "/publish") {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      id++;
      const text = `id: ${id}\nevent: status\ndata: ${body}\n\n`;
      for (const stream of streams) stream.write(text);
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ changeId: id }));
    });
    return;
  }
  response.writeHead(404).end();
});
setInterval(() => {
  for (const stream of streams) stream.write(": keep-alive\n\n");
}, 20_000).unref();
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(`listening on http://127.0.0.1:${address.port}`);
});
