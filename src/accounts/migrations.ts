/** The accounts domain's tables: staff, sessions, the audit trail, members, consent, sign-in throttle, sign-ups. */
import type { Migration } from "../platform/database/migrations.ts";

/** In the order they run; other domains' tables reference members, so these run before theirs. */
export const accountMigrations: readonly Migration[] = [
  {
    domain: "accounts",
    name: "0001-staff-sessions-audit",
    legacyVersion: 3,
    common: `
      CREATE TABLE staff_users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        unit_id TEXT,
        password_hash TEXT NOT NULL,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX staff_sessions_user ON staff_sessions(user_id);
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log(at);`,
  },
  {
    domain: "accounts",
    name: "0002-members-sessions-consent",
    legacyVersion: 6,
    common: `
      CREATE TABLE members (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        login TEXT NOT NULL UNIQUE,
        nickname TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        guardian_id TEXT REFERENCES members(id) ON DELETE CASCADE,
        birth_year INTEGER,
        status TEXT NOT NULL DEFAULT 'active',
        suspended_until TEXT,
        warnings INTEGER NOT NULL DEFAULT 0,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX members_guardian ON members(guardian_id);
      CREATE TABLE member_sessions (
        token_hash TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE consent_records (
        id TEXT PRIMARY KEY,
        guardian_id TEXT NOT NULL,
        child_id TEXT,
        decision TEXT NOT NULL,
        policy_version TEXT NOT NULL,
        scope TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX consent_records_guardian ON consent_records(guardian_id, recorded_at);`,
  },
  {
    domain: "accounts",
    name: "0003-throttle-secrets-signups-family-codes",
    legacyVersion: 7,
    common: `
      CREATE TABLE sign_in_throttle (
        scope TEXT NOT NULL,
        login_key TEXT NOT NULL,
        source TEXT NOT NULL,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL,
        blocked_until TEXT,
        PRIMARY KEY (scope, login_key, source)
      );
      CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle(last_failure_at);
      CREATE TABLE server_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE member_signups (
        login TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        nickname TEXT NOT NULL,
        birth_year INTEGER,
        password_hash TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE member_outbox (
        id TEXT PRIMARY KEY,
        to_login TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX member_outbox_to ON member_outbox(to_login, created_at);
      ALTER TABLE members ADD COLUMN family_code TEXT;
      CREATE UNIQUE INDEX members_family_code ON members(family_code);
      ALTER TABLE members DROP COLUMN failed_logins;
      ALTER TABLE members DROP COLUMN locked_until;
      ALTER TABLE staff_users DROP COLUMN failed_logins;
      ALTER TABLE staff_users DROP COLUMN locked_until;`,
  },
  {
    domain: "accounts",
    name: "0004-venue-places",
    common: `
      CREATE TABLE staff_venue_places (
        user_id TEXT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
        place_id TEXT NOT NULL,
        PRIMARY KEY (user_id, place_id)
      );
      CREATE INDEX staff_venue_places_place ON staff_venue_places(place_id);`,
  },
];
