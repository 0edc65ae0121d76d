/**
 * A real server for integration tests: fresh data directory, fresh database of the wanted
 * dialect, the real bundled data and OSM sample, listening on a free loopback port.
 * `startServerIn` is the same start on a folder and database the test chooses (a second
 * instance on the first one's database; the web build served for browser tests).
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

export interface ServerOptions {
  /** The database to use (PostgreSQL); a second instance passes the first one's. SQLite in the folder otherwise. */
  databaseUrl?: string | undefined;
  /** Serve the web build (WEB_ROOT), building it when stale: browser tests. */
  web?: boolean;
  /** TONGXING_SAMPLES: the OSM samples loaded at first start ("none": Hengyang's bundled places only). */
  samples?: string;
}

/** The real server on `dataDir`, started as `tongxing start` starts it, on a free loopback port. */
export async function startServerIn(dataDir: string, options: ServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig({
    PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", TONGXING_TRUST_PROXY: "127.0.0.1",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.samples !== undefined ? { TONGXING_SAMPLES: options.samples } : {}),
  });
  return startServer(config, { buildWeb: options.web === true, say: () => undefined });
}

export async function startTestServer(dialect: "sqlite" | "postgres", options: Pick<ServerOptions, "web"> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-test-"));
  const database = await createTestDatabase(dialect);
  const server = await startServerIn(dataDir, { databaseUrl: database.url, ...options });
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
