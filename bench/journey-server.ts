/**
 * A server of the transit routes alone over the Monaco sample (its OSM bus lines in a fresh
 * SQLite database, walking legs on its streets), for the HTTP load of journey.bench.ts;
 * prints "listening on URL" like the real server.
 * Run: node --import tsx bench/journey-server.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readOsmFile } from "../src/osm/index.ts";
import { REPO_ROOT } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/database/open-database.ts";
import { createHttpApp } from "../src/platform/http/app.ts";
import { RoutePlanner, buildRoutingData, buildStreetNetwork } from "../src/routing/index.ts";
import { importOsmBusLines, transitMigrations } from "../src/transit/index.ts";
import { transitRoutes } from "../src/transit/transit-routes.ts";
import { TransitNetworks } from "../src/transit/transit-service.ts";

const elements = readOsmFile(path.resolve(REPO_ROOT, "../shared/data/osm/monaco-2019-09-30.osm.pbf"));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-journey-bench-"));
const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined }, transitMigrations);
await importOsmBusLines(db, "monaco", elements, { timeZone: "Europe/Monaco" });
const planner = new RoutePlanner([buildRoutingData("monaco", buildStreetNetwork(elements))]);
const app = await createHttpApp({ logLevel: "silent", webRoot: null });
await app.register(transitRoutes, { networks: await TransitNetworks.load(db), planner, hasRegion: (id) => id === "monaco", timeZoneOf: () => "Europe/Monaco" });
const url = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`listening on ${url}`);
process.on("SIGTERM", () => {
  void app.close().then(() => db.close()).then(() => fs.rmSync(dataDir, { recursive: true, force: true })).then(() => process.exit(0));
});
