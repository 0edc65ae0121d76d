/**
 * The favourites domain's table: one row a member and saved thing. A favourite refers to its
 * member by key (deleted with the member's account) but not to its place or guide: a place
 * removed or a guide withdrawn stays in the list, shown as no longer there, rather than
 * vanishing from a family's saved things without a word.
 */
import type { Migration } from "../platform/database/migrations.ts";

/** In the order they run, after the accounts domain's (favourites reference members). */
export const favouriteMigrations: readonly Migration[] = [
  {
    domain: "favourites",
    name: "0001-favourites",
    common: `
      CREATE TABLE favourites (
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        target_id TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (member_id, kind, target_id)
      );
      CREATE INDEX favourites_member_saved ON favourites(member_id, saved_at);
    `,
  },
];
