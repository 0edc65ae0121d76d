/**
 * Serves /tiles/{z}/{x}/{y}.mvt from every region's MBTiles, so the web style needs a
 * single vector source. Regions rarely overlap; where they do, the first tileset that has
 * the tile wins. Tiles are stored gzip-compressed and sent as they are.
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { ApiError, say } from "../platform/errors.ts";
import { MbtilesReader } from "./mbtiles.ts";
import { BASEMAP_MAX_ZOOM } from "./tile-builder.ts";

/** Tiles kept in memory: a city's busy zooms fit easily; the oldest go first. */
const CACHE_TILES = 20_000;

export class TileServer {
  private readers: MbtilesReader[] = [];
  private readonly cache = new Map<string, Buffer | null>();

  constructor(private readonly directory: string) {}

  /** (Re)opens every *.mbtiles in the tiles directory, e.g. after an import made a new one. */
  reload(): void {
    this.cache.clear();
    for (const reader of this.readers) reader.close();
    if (!fs.existsSync(this.directory)) {
      this.readers = [];
      return;
    }
    this.readers = fs
      .readdirSync(this.directory)
      .filter((f) => f.endsWith(".mbtiles"))
      .sort()
      .map((f) => new MbtilesReader(path.join(this.directory, f)));
  }

  get tilesetCount(): number {
    return this.readers.length;
  }

  tile(z: number, x: number, y: number): Buffer | undefined {
    const key = `${z}/${x}/${y}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: Buffer | null = null;
    for (const reader of this.readers) {
      found = reader.tile(z, x, y) ?? null;
      if (found) break;
    }
    if (this.cache.size >= CACHE_TILES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, found);
    return found ?? undefined;
  }

  close(): void {
    for (const reader of this.readers) reader.close();
    this.readers = [];
  }
}

/** The basemap domain over HTTP (GET /tiles/{z}/{x}/{y}.mvt), as one Fastify plugin. */
export async function basemapDomain(app: FastifyInstance, { tiles }: { tiles: TileServer }): Promise<void> {
  app.get<{ Params: { z: string; x: string; y: string } }>("/tiles/:z/:x/:y.mvt", async (request, reply) => {
    const [z, x, y] = [request.params.z, request.params.x, request.params.y].map((v) => (/^\d{1,2}$|^\d{1,8}$/.test(v) ? Number(v) : NaN)) as [number, number, number];
    if (!Number.isInteger(z) || z < 0 || z > 22) throw ApiError.invalid("z", say("缩放级别应在 0 到 22 之间", "zoom must be 0..22"));
    const n = 2 ** z;
    if (!Number.isInteger(x) || x >= n) throw ApiError.invalid("x", say(`x 应在 0 到 ${n - 1} 之间`, `x must be 0..${n - 1}`));
    if (!Number.isInteger(y) || y >= n) throw ApiError.invalid("y", say(`y 应在 0 到 ${n - 1} 之间`, `y must be 0..${n - 1}`));
    const data = z <= BASEMAP_MAX_ZOOM ? tiles.tile(z, x, y) : undefined;
    reply.header("cache-control", "public, max-age=86400");
    if (!data) return reply.code(204).send();
    return reply
      .header("content-type", "application/vnd.mapbox-vector-tile")
      .header("content-encoding", "gzip")
      .send(data);
  });
}
