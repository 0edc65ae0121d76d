/**
 * Changes that reach every instance. What an instance holds in memory (the place catalog
 * and the search index over it, the regions, the plan) is rebuilt when another process
 * changes its tables: a trigger on each watched table bumps the table's topic in
 * `change_versions` in the writing transaction and, on PostgreSQL, sends NOTIFY on commit.
 * Each instance listens, and also compares the versions every few seconds, which catches a
 * notification missed while the database restarted, and a change made by another process
 * on the same SQLite file (a `tongxing import` while the server runs).
 */
import type { Database } from "./database.ts";
import type { Migration } from "./migrations.ts";

/** The channel the triggers notify on; the payload is the topic. */
export const CHANGE_CHANNEL = "tongxing_changes";

const NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/** The versions table and, on PostgreSQL, the trigger function every watched table calls. */
export const changeFeedMigration: Migration = {
  domain: "platform",
  name: "0001-change-versions",
  common: "CREATE TABLE change_versions (topic TEXT PRIMARY KEY, version BIGINT NOT NULL);",
  postgres: `
    CREATE OR REPLACE FUNCTION tongxing_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO change_versions (topic, version) VALUES (TG_ARGV[0], 1)
        ON CONFLICT (topic) DO UPDATE SET version = change_versions.version + 1;
      PERFORM pg_notify('${CHANGE_CHANNEL}', TG_ARGV[0]);
      RETURN NULL;
    END
    $fn$;`,
};

/**
 * The migration that makes a domain's `tables` report their changes under `topic`: one
 * statement-level trigger per table on PostgreSQL, row triggers on SQLite (it has no other).
 */
export function watchTables(domain: string, topic: string, tables: readonly string[]): Migration {
  for (const name of [topic, ...tables]) if (!NAME.test(name)) throw new Error(`not a table or topic name: ${name}`);
  const bump = `INSERT INTO change_versions (topic, version) VALUES ('${topic}', 1) ON CONFLICT (topic) DO UPDATE SET version = version + 1;`;
  return {
    domain,
    name: `change-feed-${topic}`,
    common: `INSERT INTO change_versions (topic, version) VALUES ('${topic}', 0) ON CONFLICT (topic) DO NOTHING;`,
    sqlite: tables.flatMap((table) => ["INSERT", "UPDATE", "DELETE"].map((op) =>
      `CREATE TRIGGER changed_${table}_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN ${bump} END;`)).join("\n"),
    postgres: tables.map((table) =>
      `CREATE TRIGGER changed_${table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION tongxing_changed('${topic}');`).join("\n"),
  };
}

export interface ChangeFeedOptions {
  /** What to do when a topic changed: rebuild what this instance holds of it. */
  handlers: Readonly<Record<string, () => Promise<void>>>;
  /** How often to compare versions (a missed notification, another process on SQLite). */
  pollMs: number;
  onError: (error: unknown) => void;
}

/**
 * Follows the versions and calls each changed topic's handler, one check at a time (a
 * burst of notifications while one runs makes one more check, not one each). The first
 * check only records where the versions stand. Returns the function that stops it.
 */
export async function followChanges(db: Database, options: ChangeFeedOptions): Promise<() => Promise<void>> {
  const seen = new Map<string, number>();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const check = async (): Promise<void> => {
    const rows = await db.all<{ topic: string; version: number | string }>("SELECT topic, version FROM change_versions");
    for (const row of rows) {
      const version = Number(row.version);
      const before = seen.get(row.topic);
      seen.set(row.topic, version);
      const handler = options.handlers[row.topic];
      if (before !== undefined && before !== version && handler) await handler();
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = check().catch(options.onError).finally(() => {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    });
  };
  await check();
  const stopListening = await db.listen(CHANGE_CHANNEL, schedule);
  const timer = setInterval(schedule, options.pollMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await stopListening();
    await running;
  };
}
