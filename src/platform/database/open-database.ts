/**
 * Picks the dialect from the configuration and brings the schema up to date with the
 * migrations the caller passes: every domain's, from the composition root (src/app), or
 * one domain's own in that domain's tests.
 */
import path from "node:path";
import type { Config } from "../config.ts";
import type { Database } from "./database.ts";
import { type Migration, migrate } from "./migrations.ts";
import { openPostgres, withMigrationLock } from "./postgres.ts";
import { openSqlite } from "./sqlite.ts";

export async function openDatabase(config: Pick<Config, "DATABASE_URL" | "DATA_DIR"> & Partial<Pick<Config, "TONGXING_DB_TIMEOUT_MS">>, migrations: readonly Migration[]): Promise<Database> {
  const url = config.DATABASE_URL;
  if (!url) {
    const db = openSqlite(path.join(config.DATA_DIR, "tongxing.sqlite"));
    await migrate(db, migrations).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    return db;
  }
  const db = await openPostgres(url, config.TONGXING_DB_TIMEOUT_MS);
  try {
    await withMigrationLock(url, () => migrate(db, migrations));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
