/**
 * Schema migrations, applied in order at start and recorded in schema_migrations.
 * Each step is portable SQL plus, where PostGIS adds something SQLite cannot have
 * (a geography column with a GiST index), a dialect-specific part.
 */
import type { Database } from "./database.ts";

interface Migration {
  readonly id: number;
  readonly name: string;
  readonly common: string;
  readonly sqlite?: string;
  readonly postgres?: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: "regions, divisions, places, imports",
    common: `
      CREATE TABLE regions (
        id TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
        center_lon REAL NOT NULL, center_lat REAL NOT NULL, zoom REAL NOT NULL,
        attribution TEXT NOT NULL,
        has_basemap INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE divisions (
        code TEXT PRIMARY KEY,
        region_id TEXT NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        level TEXT NOT NULL,
        name TEXT NOT NULL,
        parent_code TEXT,
        center_lon REAL, center_lat REAL,
        geometry TEXT
      );
      CREATE INDEX divisions_region ON divisions(region_id, level);
      CREATE TABLE places (
        id TEXT PRIMARY KEY,
        region_id TEXT NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        name_zh TEXT, name_en TEXT, name_pinyin TEXT,
        categories TEXT NOT NULL,
        kind TEXT NOT NULL,
        facilities TEXT NOT NULL,
        age_min INTEGER, age_max INTEGER,
        opening_hours TEXT,
        address TEXT,
        district_code TEXT, community_code TEXT,
        demonstration_type TEXT, demonstration_year INTEGER,
        lon REAL NOT NULL, lat REAL NOT NULL,
        precision TEXT NOT NULL,
        location_note TEXT,
        source TEXT NOT NULL, licence TEXT NOT NULL, source_id TEXT, imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX places_region ON places(region_id);
      CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        region_id TEXT NOT NULL,
        format TEXT NOT NULL,
        file_name TEXT NOT NULL,
        places INTEGER NOT NULL,
        finished_at TEXT NOT NULL
      );`,
    sqlite: `
      CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
      CREATE TRIGGER places_rtree_insert AFTER INSERT ON places BEGIN
        INSERT INTO places_rtree VALUES (new.rowid, new.lon, new.lon, new.lat, new.lat);
      END;
      CREATE TRIGGER places_rtree_update AFTER UPDATE OF lon, lat ON places BEGIN
        UPDATE places_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat
        WHERE id = new.rowid;
      END;
      CREATE TRIGGER places_rtree_delete AFTER DELETE ON places BEGIN
        DELETE FROM places_rtree WHERE id = old.rowid;
      END;`,
    postgres: `
      CREATE EXTENSION IF NOT EXISTS postgis;
      ALTER TABLE places ADD COLUMN geom geography(Point, 4326)
        GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED;
      CREATE INDEX places_geom ON places USING gist(geom);`,
  },
  {
    id: 2,
    name: "other names of places, for search",
    common: "ALTER TABLE places ADD COLUMN name_alt TEXT NOT NULL DEFAULT '[]'",
  },
  {
    id: 3,
    name: "staff accounts, sessions, audit trail",
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
    id: 4,
    name: "the action plan, unit reports, indicator values, evidence",
    common: `
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        document TEXT NOT NULL,
        loaded_at TEXT NOT NULL
      );
      CREATE TABLE plan_reports (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        unit_id TEXT NOT NULL,
        task_number INTEGER NOT NULL,
        period TEXT NOT NULL,
        state TEXT NOT NULL,
        task_status TEXT NOT NULL,
        narrative TEXT NOT NULL,
        revision INTEGER NOT NULL,
        review_comment TEXT,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        decided_at TEXT,
        UNIQUE (plan_id, unit_id, task_number, period)
      );
      CREATE INDEX plan_reports_period ON plan_reports(plan_id, period);
      CREATE TABLE plan_report_values (
        report_id TEXT NOT NULL REFERENCES plan_reports(id) ON DELETE CASCADE,
        indicator_id TEXT NOT NULL,
        district_unit_id TEXT NOT NULL DEFAULT '',
        value REAL NOT NULL,
        measured_on TEXT NOT NULL,
        PRIMARY KEY (report_id, indicator_id, district_unit_id)
      );
      CREATE TABLE plan_report_events (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES plan_reports(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        action TEXT NOT NULL,
        user_id TEXT NOT NULL,
        at TEXT NOT NULL,
        comment TEXT,
        snapshot TEXT NOT NULL
      );
      CREATE INDEX plan_report_events_report ON plan_report_events(report_id, at);
      CREATE TABLE plan_attachments (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES plan_reports(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        uploaded_by TEXT NOT NULL,
        uploaded_at TEXT NOT NULL
      );
      CREATE INDEX plan_attachments_report ON plan_attachments(report_id);`,
  },
  {
    id: 5,
    name: "demonstration-site assessments",
    common: `
      CREATE TABLE site_assessments (
        id TEXT PRIMARY KEY,
        place_id TEXT NOT NULL,
        site_type TEXT NOT NULL,
        scores TEXT NOT NULL,
        total REAL NOT NULL,
        passed INTEGER NOT NULL,
        comment TEXT NOT NULL,
        assessed_on TEXT NOT NULL,
        assessed_by TEXT NOT NULL,
        district_unit_id TEXT,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX site_assessments_place ON site_assessments(place_id, assessed_on);`,
  },
  {
    id: 6,
    name: "families: members, consent, reviews, corrections, moderation",
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
      CREATE INDEX consent_records_guardian ON consent_records(guardian_id, recorded_at);
      CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        place_id TEXT NOT NULL,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        rating INTEGER NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        hold_reasons TEXT NOT NULL,
        report_count INTEGER NOT NULL DEFAULT 0,
        helpful_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        status_at TEXT NOT NULL
      );
      CREATE INDEX reviews_place ON reviews(place_id, status, created_at);
      CREATE INDEX reviews_member ON reviews(member_id, created_at);
      CREATE INDEX reviews_status ON reviews(status, status_at);
      CREATE TABLE review_photos (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        media_type TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX review_photos_review ON review_photos(review_id);
      CREATE TABLE review_votes (
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (review_id, member_id)
      );
      CREATE TABLE place_corrections (
        id TEXT PRIMARY KEY,
        place_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL,
        lon REAL, lat REAL,
        member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT,
        resolution_note TEXT
      );
      CREATE INDEX place_corrections_status ON place_corrections(status, created_at);
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
  {
    id: 7,
    name: "accounts: sign-in throttle per source, device-cookie key, sign-ups awaiting their code, family codes",
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
];

/** Applies every migration the database has not seen yet, each in its own transaction. */
export async function migrate(db: Database): Promise<number> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const done = new Set((await db.all<{ id: number }>("SELECT id FROM schema_migrations")).map((r) => Number(r.id)));
  let applied = 0;
  for (const migration of MIGRATIONS) {
    if (done.has(migration.id)) continue;
    const extra = db.dialect === "sqlite" ? migration.sqlite : migration.postgres;
    await db.transaction(async (tx) => {
      await tx.exec(migration.common + (extra ?? ""));
      await tx.run("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)", [
        migration.id,
        migration.name,
        new Date().toISOString(),
      ]);
    });
    applied++;
  }
  return applied;
}
