/** The safety domain's tables: content reports, moderation decisions, appeals, takedown notices. */
import type { Migration } from "../platform/database/migrations.ts";

/** In the order they run, after the accounts domain's (reports and appeals reference members). */
export const safetyMigrations: readonly Migration[] = [
  {
    domain: "safety",
    name: "0001-reports-decisions-appeals-takedowns",
    legacyVersion: 6,
    common: `
      CREATE TABLE content_reports (
        id TEXT PRIMARY KEY,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        reporter_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        household_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (target_type, target_id, household_id)
      );
      CREATE TABLE moderation_decisions (
        id TEXT PRIMARY KEY,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        action TEXT NOT NULL,
        reason TEXT NOT NULL,
        moderator_id TEXT NOT NULL,
        decided_at TEXT NOT NULL
      );
      CREATE INDEX moderation_decisions_target ON moderation_decisions(target_type, target_id, decided_at);
      CREATE TABLE appeals (
        id TEXT PRIMARY KEY,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        decision_reason TEXT
      );
      CREATE TABLE takedown_notices (
        id TEXT PRIMARY KEY,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        contact TEXT NOT NULL,
        detail TEXT NOT NULL,
        status TEXT NOT NULL,
        hid_item INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        decision_reason TEXT
      );`,
  },
];
