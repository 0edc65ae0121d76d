/**
 * A real server for integration tests: fresh data directory, fresh database of the wanted
 * dialect, the real bundled data and OSM sample, listening on a free loopback port.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../platform/config.ts";
import { createTestDatabase } from "../platform/testing/test-databases.ts";
import { bodyText } from "../platform/testing/http-client.ts";
import { type RunningServer, startServer } from "./server.ts";

export interface TestServer {
  server: RunningServer;
  base: string;
  dataDir: string;
  get(pathAndQuery: string): Promise<{ status: number; body: unknown; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startTestServer(dialect: "sqlite" | "postgres"): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-test-"));
  const database = await createTestDatabase(dialect);
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", TONGXING_TRUST_PROXY: "127.0.0.1", ...(database.url ? { DATABASE_URL: database.url } : {}) });
  const server = await startServer(config, { buildWeb: false, say: () => undefined });
  const base = server.url;
  return {
    server,
    base,
    dataDir,
    async get(pathAndQuery) {
      const response = await fetch(base + pathAndQuery);
      const text = await bodyText(response);
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (a tile, a page): the raw text is the body
      }
      return { status: response.status, body, headers: response.headers };
    },
    async stop() {
      await server.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
