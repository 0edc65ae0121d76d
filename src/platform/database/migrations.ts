/**
 * The migration runner. Each domain owns its tables and hands its migrations to the
 * composition root, which passes the whole list here; the platform knows no domain. A
 * migration is recorded in schema_migrations under its stable id, "<domain>/<name>", so
 * adding one to a domain never renumbers another's.
 *
 * Before issue 14 one central list numbered the migrations 1..7 and schema_migrations held
 * those numbers. A migration that replaces such a step says so (`legacyVersion`); the first
 * start of this release rewrites the old bookkeeping to the new ids in one transaction, so a
 * database made by an earlier release runs nothing twice and loses nothing.
 */
import type { Database, Queryable } from "./database.ts";

/** One change to the schema, owned by one domain. */
export interface Migration {
  /** The owning domain's folder name, e.g. "places". */
  readonly domain: string;
  /** Stable within the domain, never renamed once released, e.g. "0001-places-and-imports". */
  readonly name: string;
  /** Portable SQL, several statements allowed. */
  readonly common: string;
  /** What only SQLite has (R-tree tables and their triggers). */
  readonly sqlite?: string;
  /** What only PostgreSQL/PostGIS has (geography columns, GiST indexes). */
  readonly postgres?: string;
  /** The central list's number (1..7) of the step this migration was part of, if any. */
  readonly legacyVersion?: number;
  /**
   * What needs the database's answers (orphan rows to adopt, a SQLite table's own schema
   * to rebuild it from): run after the SQL, in the same transaction.
   */
  readonly steps?: (tx: Queryable, dialect: Database["dialect"]) => Promise<void>;
  /**
   * The SQLite part drops and re-creates a table other tables refer to (SQLite cannot add a
   * constraint to a table). It runs with foreign keys off, which SQLite allows only outside
   * a transaction, so the drop neither cascades nor is refused; the steps check the keys
   * of what they rebuilt before the commit (see foreign-keys.ts).
   */
  readonly rebuildsTables?: boolean;
}

/** The id a migration is recorded under. */
export const migrationId = (migration: Pick<Migration, "domain" | "name">): string => `${migration.domain}/${migration.name}`;

const BOOKKEEPING = "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, domain TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
const RECORD = "INSERT INTO schema_migrations (id, domain, name, applied_at) VALUES (?, ?, ?, ?)";

/** The columns of schema_migrations, or none when the table does not exist yet. */
async function bookkeepingColumns(db: Queryable, dialect: Database["dialect"]): Promise<Set<string>> {
  const sql = dialect === "sqlite"
    ? "SELECT name FROM pragma_table_info('schema_migrations')"
    : "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";
  return new Set((await db.all<{ name: string }>(sql)).map((r) => r.name));
}

/**
 * Rewrites the numbered bookkeeping of an earlier release to ids, in one transaction: each
 * recorded number becomes the ids of the migrations that replace it, with its date. A number
 * no migration claims (a newer release's) stops the start before anything changes.
 */
async function upgradeBookkeeping(db: Database, migrations: readonly Migration[]): Promise<void> {
  await db.transaction(async (tx) => {
    const columns = await bookkeepingColumns(tx, db.dialect);
    if (columns.size === 0 || columns.has("domain")) return;
    const recorded = await tx.all<{ id: number | string; applied_at: string }>("SELECT id, applied_at FROM schema_migrations ORDER BY id");
    const claimed = new Set(migrations.map((m) => m.legacyVersion));
    const unknown = recorded.filter((r) => !claimed.has(Number(r.id)));
    if (unknown.length > 0) {
      throw new Error(`the database has schema versions ${unknown.map((r) => r.id).join(", ")} that this release does not know; start a newer release`);
    }
    await tx.exec(`DROP TABLE schema_migrations; ${BOOKKEEPING}`);
    for (const row of recorded) {
      for (const migration of migrations.filter((m) => m.legacyVersion === Number(row.id))) {
        await tx.run(RECORD, [migrationId(migration), migration.domain, migration.name, row.applied_at]);
      }
    }
  });
}

function checkUnique(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  for (const migration of migrations) {
    const id = migrationId(migration);
    if (seen.has(id)) throw new Error(`migration ${id} is listed twice`);
    seen.add(id);
  }
}

/**
 * Applies, in the order given, every migration the database has not recorded, each in its
 * own transaction together with its record. The caller holds the dialect's migration lock;
 * the record is checked again inside the transaction so a second process on one SQLite file
 * (whose writers queue on BEGIN IMMEDIATE) skips what the first applied. Returns how many ran.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<number> {
  checkUnique(migrations);
  await upgradeBookkeeping(db, migrations);
  await db.exec(BOOKKEEPING);
  const done = new Set((await db.all<{ id: string }>("SELECT id FROM schema_migrations")).map((r) => r.id));
  let applied = 0;
  for (const migration of migrations) {
    const id = migrationId(migration);
    if (done.has(id)) continue;
    if (await applyOne(db, migration)) applied++;
  }
  return applied;
}

/** Applies one migration with its record, unless another process just did; answers whether it ran. */
async function applyOne(db: Database, migration: Migration): Promise<boolean> {
  const id = migrationId(migration);
  const extra = db.dialect === "sqlite" ? migration.sqlite : migration.postgres;
  const keysOff = db.dialect === "sqlite" && migration.rebuildsTables === true;
  if (keysOff) await db.exec("PRAGMA foreign_keys = OFF");
  try {
    return await db.transaction(async (tx) => {
      if ((await tx.all("SELECT id FROM schema_migrations WHERE id = ?", [id])).length > 0) return false;
      await tx.exec(migration.common + (extra ?? ""));
      await migration.steps?.(tx, db.dialect);
      await tx.run(RECORD, [id, migration.domain, migration.name, new Date().toISOString()]);
      return true;
    });
  } finally {
    if (keysOff) await db.exec("PRAGMA foreign_keys = ON");
  }
}
