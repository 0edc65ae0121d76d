/**
 * The database with every domain's tables: the platform's change feed and rate-limit
 * windows, then the migrations
 * and retention rules of the domains in domain-list.ts, in its order.
 */
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { changeFeedMigration } from "../platform/database/change-feed.ts";
import type { Migration } from "../platform/database/migrations.ts";
import { sharedLimiterMigration, sharedLimiterRetention } from "../platform/database/shared-limiter.ts";
import { openDatabase as openWithMigrations } from "../platform/database/open-database.ts";
import type { RetentionRule } from "../platform/database/retention.ts";
import { DOMAINS } from "./domain-list.ts";

/** Every domain's migrations, in the order a new database gets them. */
export const DOMAIN_MIGRATIONS: readonly Migration[] = [changeFeedMigration, sharedLimiterMigration, ...DOMAINS.flatMap((d) => d.migrations)];

/** Every domain's retention rules, in the order the job applies and reports them. */
export const DOMAIN_RETENTION_RULES: readonly RetentionRule[] = [...DOMAINS.flatMap((d) => d.retentionRules), sharedLimiterRetention];

/** Opens the configured database (SQLite in DATA_DIR, or DATABASE_URL) with every domain's tables up to date. */
export function openDatabase(config: Pick<Config, "DATABASE_URL" | "DATA_DIR"> & Partial<Pick<Config, "TONGXING_DB_TIMEOUT_MS">>): Promise<Database> {
  return openWithMigrations(config, DOMAIN_MIGRATIONS);
}
