/**
 * The polls' tables: polls, their picture options, and votes (one per member per poll, the
 * primary key). Votes name the child only until the poll's counts are kept (retention.ts):
 * then only `results`, counts per option and age band, remain.
 */
import type { Migration } from "../../platform/database/migrations.ts";

/** In the order they run, after accounts (members are referenced). */
export const pollMigrations: readonly Migration[] = [
  {
    domain: "voice",
    name: "0201-polls",
    common: `
      CREATE TABLE polls (
        id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        min_age INTEGER NOT NULL,
        max_age INTEGER NOT NULL,
        region_id TEXT NOT NULL,
        division_code TEXT,
        council_id TEXT,
        suggestion TEXT,
        closes_at TEXT NOT NULL,
        closed_at TEXT,
        results TEXT,
        created_by TEXT,
        created_unit TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX polls_region ON polls(region_id, closes_at);
      CREATE TABLE poll_options (
        id TEXT PRIMARY KEY,
        poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        icon TEXT,
        image_type TEXT,
        image_data TEXT
      );
      CREATE INDEX poll_options_poll ON poll_options(poll_id, position);
      CREATE TABLE poll_votes (
        poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        option_id TEXT NOT NULL REFERENCES poll_options(id) ON DELETE CASCADE,
        age_band TEXT NOT NULL,
        voted_at TEXT NOT NULL,
        PRIMARY KEY (poll_id, member_id)
      );
      CREATE INDEX poll_votes_option ON poll_votes(poll_id, option_id);`,
  },
];
