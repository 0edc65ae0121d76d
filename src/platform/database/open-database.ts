/** Picks the dialect from the configuration and brings the schema up to date. */
import path from "node:path";
import type { Config } from "../config.ts";
import type { Database } from "./database.ts";
import { migrate } from "./migrations.ts";
import { openPostgres } from "./postgres.ts";
import { openSqlite } from "./sqlite.ts";

export async function openDatabase(config: Pick<Config, "DATABASE_URL" | "DATA_DIR">): Promise<Database> {
  const db = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL)
    : openSqlite(path.join(config.DATA_DIR, "tongxing.sqlite"));
  await migrate(db);
  return db;
}
