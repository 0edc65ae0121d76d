/** First start without the OSM sample: the bundled city still serves, and the user is told how to import. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../platform/config.ts";
import { startServer } from "./server.ts";

describe("first start", () => {
  it("works without the OSM sample and says how to import an extract", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-nosample-"));
    const lines: string[] = [];
    const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", TONGXING_SAMPLE_OSM: path.join(dataDir, "missing.osm.pbf") });
    const server = await startServer(config, { buildWeb: false, say: (line) => lines.push(line) });
    try {
      const regions = (await (await fetch(`${server.url}/api/regions`)).json()) as { regions: Array<{ id: string }> };
      expect(regions.regions.map((r) => r.id)).toEqual(["hengyang"]);
      expect(lines.join("\n")).toMatch(/import osm/);
      expect((await fetch(`${server.url}/tiles/14/8529/5974.mvt`)).status).toBe(204);
    } finally {
      await server.close();
    }
    // A second start finds everything in place and loads nothing again.
    const again: string[] = [];
    const second = await startServer(config, { buildWeb: false, say: (line) => again.push(line) });
    await second.close();
    expect(again.some((l) => l.startsWith("Loaded region"))).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
