/** The voice domain's tables. */
import type { Migration } from "../platform/database/migrations.ts";

/** In the order they run, after accounts, plan and safety. */
export const voiceMigrations: readonly Migration[] = [];
