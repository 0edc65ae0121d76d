/** The plainest Fastify route, a fixed small JSON: the ceiling of HTTP on this machine. */
import Fastify from "fastify";

const app = Fastify();
app.get("/", async () => ({ status: "ok" }));
console.log(`listening on ${await app.listen({ port: 0, host: "127.0.0.1" })}`);
