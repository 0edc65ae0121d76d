/**
 * Adding a foreign key to a table that already holds rows, in a migration. PostgreSQL adds
 * the constraint (checking every row). SQLite cannot add a constraint to a table, so the
 * table is rebuilt its documented way: a new table from the old one's own CREATE statement
 * with the key added, the rows copied, the old table dropped, the new one renamed, and the
 * old one's indexes and triggers made again, all in the migration's transaction. The
 * migration must say `rebuildsTables` (foreign keys off while the old table is dropped), and
 * the rebuilt table's keys are checked here before the commit.
 *
 * Built from the table's schema as the database has it, not from a copy of its first
 * migration, so columns other migrations added since survive the rebuild.
 */
import type { Database, Queryable } from "./database.ts";

/** One column's reference to another table's key. */
export interface ForeignKey {
  column: string;
  references: { table: string; column: string };
  /**
   * What deleting the referenced row does. NO ACTION refuses it while rows refer to it (at
   * the end of the statement), and both dialects report that as a foreign-key violation
   * (SQLite reports RESTRICT's refusal as a trigger's, SQLITE_CONSTRAINT_TRIGGER).
   */
  onDelete: "RESTRICT" | "NO ACTION" | "CASCADE" | "SET NULL";
}

const NAME = /^[a-z_][a-z0-9_]{0,50}$/;
const TABLE_HEAD = /^CREATE TABLE\s+("?)([a-z_][a-z0-9_]*)\1\s*\(/i;

function constraint(table: string, key: ForeignKey): string {
  for (const name of [table, key.column, key.references.table, key.references.column]) if (!NAME.test(name)) throw new Error(`not a table or column name: ${name}`);
  return `CONSTRAINT ${table}_${key.column}_fkey FOREIGN KEY (${key.column}) REFERENCES ${key.references.table}(${key.references.column}) ON DELETE ${key.onDelete}`;
}

/** Adds the keys to `table` inside the migration's transaction `tx`. */
export async function addForeignKeys(tx: Queryable, dialect: Database["dialect"], table: string, keys: readonly ForeignKey[]): Promise<void> {
  const constraints = keys.map((key) => constraint(table, key));
  if (dialect === "postgres") {
    for (const text of constraints) await tx.exec(`ALTER TABLE ${table} ADD ${text}`);
    return;
  }
  await rebuildSqliteTable(tx, table, constraints);
}

async function rebuildSqliteTable(tx: Queryable, table: string, constraints: readonly string[]): Promise<void> {
  const [created] = await tx.all<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
  if (!created || !TABLE_HEAD.test(created.sql)) throw new Error(`cannot rebuild table ${table}: its schema is not a plain CREATE TABLE`);
  // Indexes a constraint made by itself (sql NULL) come back with the table.
  const attached = await tx.all<{ sql: string }>(
    "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name", [table]);
  const rebuilt = `${table}_rebuilt`;
  const definition = created.sql.replace(TABLE_HEAD, `CREATE TABLE ${rebuilt} (`).replace(/\s*\)\s*$/, `,\n  ${constraints.join(",\n  ")}\n)`);
  await tx.exec(`${definition}; INSERT INTO ${rebuilt} SELECT * FROM ${table}; DROP TABLE ${table};`);
  // Renamed as a table of its own: nothing else names `${rebuilt}`, and what names `${table}` finds it again.
  await tx.exec(`PRAGMA legacy_alter_table = ON; ALTER TABLE ${rebuilt} RENAME TO ${table}; PRAGMA legacy_alter_table = OFF;`);
  for (const { sql } of attached) await tx.exec(sql);
  const broken = await tx.all<{ rowid: number; parent: string }>(`PRAGMA foreign_key_check(${table})`);
  if (broken.length > 0) throw new Error(`${broken.length} rows of ${table} refer to rows of ${broken[0]!.parent} that do not exist`);
}
