/**
 * SQLite dialect (better-sqlite3). WAL mode so readers never wait for the importer.
 * better-sqlite3 is synchronous; the async wrapper keeps one interface for both dialects.
 */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { type Database, type Queryable, ReferenceConflictError, type Row, type SqlValue, isForeignKeyViolation } from "./database.ts";

/** Runs a statement; a broken foreign key becomes ReferenceConflictError (409 at the edge). */
function keyed<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw isForeignKeyViolation(error) ? new ReferenceConflictError(error) : error;
  }
}

export function openSqlite(file: string): Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Another process on the same file (a CLI import, a second instance) is waited for, not refused.
  db.pragma("busy_timeout = 10000");
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const queryable: Queryable = {
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return keyed(() => prepare(sql).all(...params) as T[]);
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      keyed(() => prepare(sql).run(...params));
    },
    async exec(sql: string) {
      keyed(() => db.exec(sql));
    },
  };
  let inTransaction = false;
  return {
    dialect: "sqlite",
    ...queryable,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      // The work is async only in signature; SQLite calls complete synchronously, so no other
      // request can interleave between BEGIN and COMMIT on this single connection.
      if (inTransaction) throw new Error("nested transactions are not supported");
      inTransaction = true;
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(queryable);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      } finally {
        inTransaction = false;
      }
    },
    async exclusive<T>(_name: string, work: () => Promise<T>): Promise<T> {
      return work();
    },
    async listen() {
      return async () => undefined;
    },
    async close() {
      db.close();
    },
  };
}
