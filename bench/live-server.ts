/**
 * The server the live-stream bench measures, run in its own process: Tongxing on SQLite in
 * DATA_DIR, an administrator `benchadmin` (password from
 * TONGXING_PASSWORD) to make changes. Prints "listening on URL" once it listens.
 * Run by bench/live-stream.bench.ts.
 */
import { addUser } from "../src/app/plan-commands.ts";
import { startServerIn } from "../src/app/test-server.ts";

const dataDir = process.env["DATA_DIR"];
if (!dataDir) throw new Error("DATA_DIR is required");
const server = await startServerIn(dataDir);
const added = await addUser(server.db, { username: "benchadmin", role: "admin", name: "压测管理员" });
if (!added.ok && !/exists|已/.test(added.message)) throw new Error(added.message);
console.log(`listening on ${server.url}`);
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
