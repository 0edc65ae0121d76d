/** The transit domain's tables. */
import type { Migration } from "../platform/database/migrations.ts";

export const transitMigrations: readonly Migration[] = [];
