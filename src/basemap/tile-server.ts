/**
 * Serves /tiles/{z}/{x}/{y}.mvt from every region's MBTiles, so the web style needs a
 * single vector source. Regions rarely overlap; where they do, the first tileset that has
 * the tile wins. Tiles are stored gzip-compressed and sent as they are.
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { tilePictureQuery } from "../core/api/paths.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { MbtilesReader } from "./mbtiles.ts";
import { BASEMAP_MAX_ZOOM } from "./tile-builder.ts";
import { tilePicture } from "./tile-picture.ts";

/** Tiles kept in memory: a city's busy zooms fit easily; the oldest go first. */
const CACHE_TILES = 20_000;
/** Pictures of tiles kept in memory (10–60 KB each): a city's first views and more. */
const CACHE_PICTURES = 2_000;

export class TileServer {
  private readers: MbtilesReader[] = [];
  private readonly cache = new Map<string, Buffer | null>();
  private readonly pictures = new Map<string, Promise<Buffer | null>>();

  constructor(private readonly directory: string) {}

  /** (Re)opens every *.mbtiles in the tiles directory, e.g. after an import made a new one. */
  reload(): void {
    this.cache.clear();
    this.pictures.clear();
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

  /** The picture of a tile (tile-picture.ts), drawn once and kept; null where there is no tile. */
  picture(z: number, x: number, y: number, pixelRatio: 1 | 2): Promise<Buffer | null> {
    const key = `${z}/${x}/${y}@${pixelRatio}`;
    let picture = this.pictures.get(key);
    if (!picture) {
      const stored = this.tile(z, x, y);
      picture = stored ? tilePicture(stored, z, pixelRatio) : Promise.resolve(null);
      // A picture that failed to draw is not kept: the next request tries again.
      picture.catch(() => this.pictures.delete(key));
      if (this.pictures.size >= CACHE_PICTURES) this.pictures.delete(this.pictures.keys().next().value!);
      this.pictures.set(key, picture);
    }
    return picture;
  }

  close(): void {
    for (const reader of this.readers) reader.close();
    this.readers = [];
  }
}

/** z/x/y of a tile request, checked; a bad one is a 400 naming the field. */
function tileAddress(params: { z: string; x: string; y: string }): [number, number, number] {
  const [z, x, y] = [params.z, params.x, params.y].map((v) => (/^\d{1,8}$/.test(v) ? Number(v) : NaN)) as [number, number, number];
  if (!Number.isInteger(z) || z < 0 || z > 22) throw ApiError.invalid("z", say("缩放级别应在 0 到 22 之间", "zoom must be 0..22"));
  const n = 2 ** z;
  if (!Number.isInteger(x) || x >= n) throw ApiError.invalid("x", say(`x 应在 0 到 ${n - 1} 之间`, `x must be 0..${n - 1}`));
  if (!Number.isInteger(y) || y >= n) throw ApiError.invalid("y", say(`y 应在 0 到 ${n - 1} 之间`, `y must be 0..${n - 1}`));
  return [z, x, y];
}

/**
 * The basemap domain over HTTP, as one Fastify plugin: GET /tiles/{z}/{x}/{y}.mvt (the vector
 * tiles MapLibre draws) and GET /tiles/{z}/{x}/{y}.webp (their pictures, for a phone's first view;
 * `?ratio=2` for screens of two device pixels per CSS pixel).
 */
export async function basemapDomain(app: FastifyInstance, { tiles }: { tiles: TileServer }): Promise<void> {
  app.get<{ Params: { z: string; x: string; y: string } }>("/tiles/:z/:x/:y.mvt", async (request, reply) => {
    const [z, x, y] = tileAddress(request.params);
    const data = z <= BASEMAP_MAX_ZOOM ? tiles.tile(z, x, y) : undefined;
    reply.header("cache-control", "public, max-age=86400");
    if (!data) return reply.code(204).send();
    return reply
      .header("content-type", "application/vnd.mapbox-vector-tile")
      .header("content-encoding", "gzip")
      .send(data);
  });

  app.get<{ Params: { z: string; x: string; y: string } }>("/tiles/:z/:x/:y.webp", async (request, reply) => {
    const [z, x, y] = tileAddress(request.params);
    const { ratio } = parseRequest(tilePictureQuery, request.query);
    const picture = z <= BASEMAP_MAX_ZOOM ? await tiles.picture(z, x, y, ratio === "2" ? 2 : 1) : null;
    reply.header("cache-control", "public, max-age=86400");
    if (!picture) return reply.code(204).send();
    return reply.header("content-type", "image/webp").send(picture);
  });
}
