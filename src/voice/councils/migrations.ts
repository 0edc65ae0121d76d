/**
 * The councils' tables: councils, their child members (with the guardian's consent scope),
 * sessions with agenda items, the moderated thread of each item, and decisions. A child's
 * rows go with the child's account (ON DELETE CASCADE on members); a council's rows go with it.
 */
import type { Migration } from "../../platform/database/migrations.ts";

/** In the order they run, after accounts (members are referenced). */
export const councilMigrations: readonly Migration[] = [
  {
    domain: "voice",
    name: "0101-councils",
    common: `
      CREATE TABLE councils (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        scope TEXT NOT NULL,
        region_id TEXT NOT NULL,
        division_code TEXT,
        place_id TEXT,
        description TEXT NOT NULL,
        organiser_id TEXT REFERENCES staff_users(id) ON DELETE SET NULL,
        organiser_unit TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX councils_region ON councils(region_id, scope);
      CREATE TABLE council_members (
        council_id TEXT NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        guardian_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        consent_scope TEXT NOT NULL,
        policy_version TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        PRIMARY KEY (council_id, member_id)
      );
      CREATE INDEX council_members_member ON council_members(member_id);
      CREATE INDEX council_members_guardian ON council_members(guardian_id);
      CREATE TABLE council_consents (
        id TEXT PRIMARY KEY,
        council_id TEXT NOT NULL,
        guardian_id TEXT NOT NULL,
        child_id TEXT NOT NULL,
        decision TEXT NOT NULL,
        scope TEXT NOT NULL,
        policy_version TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX council_consents_guardian ON council_consents(guardian_id, recorded_at);
      CREATE TABLE council_sessions (
        id TEXT PRIMARY KEY,
        council_id TEXT NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        starts_at TEXT NOT NULL,
        place TEXT NOT NULL,
        place_id TEXT,
        state TEXT NOT NULL,
        minutes TEXT NOT NULL,
        attendance TEXT NOT NULL,
        created_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX council_sessions_council ON council_sessions(council_id, starts_at);
      CREATE TABLE council_agenda_items (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES council_sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        ref_id TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX council_agenda_items_session ON council_agenda_items(session_id, position);
      CREATE TABLE council_posts (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES council_agenda_items(id) ON DELETE CASCADE,
        council_id TEXT NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        hold_reasons TEXT NOT NULL,
        report_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        status_at TEXT NOT NULL
      );
      CREATE INDEX council_posts_item ON council_posts(item_id, status, created_at);
      CREATE INDEX council_posts_status ON council_posts(status, status_at);
      CREATE INDEX council_posts_member ON council_posts(member_id);
      CREATE TABLE council_decisions (
        id TEXT PRIMARY KEY,
        council_id TEXT NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        session_id TEXT NOT NULL REFERENCES council_sessions(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        place_id TEXT,
        lon REAL,
        lat REAL,
        state TEXT NOT NULL,
        idea_id TEXT,
        sent_by TEXT,
        sent_at TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX council_decisions_session ON council_decisions(session_id, created_at);`,
  },
];
