/**
 * The database with every domain's tables: the composition root's list of migrations and
 * retention rules, in the order they run. A domain whose tables reference another's comes
 * after it (places after regions; reviews and safety after accounts).
 */
import { accountMigrations, accountRetentionRules } from "../accounts/index.ts";
import { placeMigrations } from "../places/index.ts";
import { planMigrations } from "../plan/index.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import type { Migration } from "../platform/database/migrations.ts";
import { openDatabase as openWithMigrations } from "../platform/database/open-database.ts";
import type { RetentionRule } from "../platform/database/retention.ts";
import { regionMigrations } from "../regions/index.ts";
import { reviewMigrations, reviewRetentionRules } from "../reviews/index.ts";
import { safetyMigrations, safetyRetentionRules } from "../safety/index.ts";

/** Every domain's migrations, in the order a new database gets them. */
export const DOMAIN_MIGRATIONS: readonly Migration[] = [
  ...regionMigrations,
  ...placeMigrations,
  ...accountMigrations,
  ...planMigrations,
  ...reviewMigrations,
  ...safetyMigrations,
];

/** Every domain's retention rules, in the order the job applies and reports them. */
export const DOMAIN_RETENTION_RULES: readonly RetentionRule[] = [
  ...reviewRetentionRules,
  ...safetyRetentionRules,
  ...accountRetentionRules,
];

/** Opens the configured database (SQLite in DATA_DIR, or DATABASE_URL) with every domain's tables up to date. */
export function openDatabase(config: Pick<Config, "DATABASE_URL" | "DATA_DIR">): Promise<Database> {
  return openWithMigrations(config, DOMAIN_MIGRATIONS);
}
