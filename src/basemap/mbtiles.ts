/**
 * MBTiles 1.3 files (an SQLite database of gzip-compressed vector tiles, TMS row order):
 * written by our tiler, or by tilemaker for a larger city, and read to serve /tiles.
 */
import fs from "node:fs";
import BetterSqlite3 from "better-sqlite3";

export interface TileSetMetadata {
  name: string;
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
  attribution: string;
  vectorLayers: string[];
}

/** Writes a complete tileset atomically: to a temporary file, renamed when finished. */
export function writeMbtiles(
  file: string,
  metadata: TileSetMetadata,
  tiles: Iterable<{ z: number; x: number; y: number; data: Buffer }>,
): number {
  const temporary = `${file}.partial`;
  fs.rmSync(temporary, { force: true });
  const db = new BetterSqlite3(temporary);
  let count = 0;
  try {
    db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
      CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
      CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);`);
    const meta = db.prepare("INSERT INTO metadata (name, value) VALUES (?, ?)");
    const json = { vector_layers: metadata.vectorLayers.map((id) => ({ id, fields: {} })) };
    for (const [name, value] of Object.entries({
      name: metadata.name, format: "pbf", type: "baselayer", version: "1",
      bounds: metadata.bounds.join(","), minzoom: String(metadata.minzoom), maxzoom: String(metadata.maxzoom),
      attribution: metadata.attribution, json: JSON.stringify(json),
    })) meta.run(name, value);
    const insert = db.prepare("INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)");
    db.transaction(() => {
      for (const tile of tiles) {
        insert.run(tile.z, tile.x, (1 << tile.z) - 1 - tile.y, tile.data);
        count++;
      }
    })();
  } finally {
    db.close();
  }
  fs.renameSync(temporary, file);
  return count;
}

/** A read-only open tileset; `tile` returns the stored (gzip) bytes or undefined. */
export class MbtilesReader {
  private readonly db: BetterSqlite3.Database;
  private readonly select: BetterSqlite3.Statement<[number, number, number], { tile_data: Buffer }>;
  readonly bounds: [number, number, number, number];
  readonly maxzoom: number;

  constructor(file: string) {
    this.db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    this.select = this.db.prepare("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    const meta = new Map(
      (this.db.prepare("SELECT name, value FROM metadata").all() as Array<{ name: string; value: string }>).map((r) => [r.name, r.value]),
    );
    const bounds = (meta.get("bounds") ?? "-180,-85,180,85").split(",").map(Number);
    this.bounds = [bounds[0] ?? -180, bounds[1] ?? -85, bounds[2] ?? 180, bounds[3] ?? 85];
    this.maxzoom = Number(meta.get("maxzoom") ?? 14);
  }

  tile(z: number, x: number, y: number): Buffer | undefined {
    return this.select.get(z, x, (1 << z) - 1 - y)?.tile_data;
  }

  close(): void {
    this.db.close();
  }
}
