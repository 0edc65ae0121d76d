/** The plan domain's tables: the action plan, unit reports with values, events and evidence, site assessments. */
import type { Migration } from "../platform/database/migrations.ts";

/** In the order they run. */
export const planMigrations: readonly Migration[] = [
  {
    domain: "plan",
    name: "0001-plan-reports-evidence",
    legacyVersion: 4,
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
    domain: "plan",
    name: "0002-site-assessments",
    legacyVersion: 5,
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
    domain: "plan",
    name: "0003-plan-reporting-starts",
    // reporting_starts: from the plan folder's reporting.json; first_loaded_on: the install day (reporting-start.ts).
    common: `
      ALTER TABLE plans ADD COLUMN reporting_starts TEXT;
      ALTER TABLE plans ADD COLUMN first_loaded_on TEXT;
      UPDATE plans SET first_loaded_on = substr(loaded_at, 1, 10);`,
  },
  {
    domain: "plan",
    name: "0004-evidence-in-database",
    // Evidence files live in the database, so every instance serves what any instance received.
    common: "",
    sqlite: "CREATE TABLE plan_evidence (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL);",
    postgres: "CREATE TABLE plan_evidence (sha256 TEXT PRIMARY KEY, content BYTEA NOT NULL);",
  },
  {
    domain: "plan",
    name: "0005-school-route-projects",
    // School-route projects (学径改造, school-projects-store.ts) and their before/after photos,
    // stored re-encoded without metadata in the database like evidence.
    common: `
      CREATE TABLE school_route_projects (
        id TEXT PRIMARY KEY,
        region_id TEXT NOT NULL,
        school_id TEXT NOT NULL,
        school_name TEXT NOT NULL,
        county_code TEXT,
        unit_id TEXT NOT NULL,
        title TEXT NOT NULL,
        measures TEXT NOT NULL,
        budget_yuan BIGINT,
        status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
        planned_start TEXT,
        planned_end TEXT,
        completed_on TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        CHECK (status <> 'completed' OR completed_on IS NOT NULL)
      );
      CREATE INDEX school_route_projects_region ON school_route_projects(region_id, status);
      CREATE INDEX school_route_projects_unit ON school_route_projects(unit_id);`,
    sqlite: `
      CREATE TABLE school_route_project_photos (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES school_route_projects(id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage IN ('before', 'after')),
        media_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        content BLOB NOT NULL,
        uploaded_by TEXT NOT NULL,
        uploaded_at TEXT NOT NULL
      );
      CREATE INDEX school_route_project_photos_project ON school_route_project_photos(project_id, stage);`,
    postgres: `
      CREATE TABLE school_route_project_photos (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES school_route_projects(id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage IN ('before', 'after')),
        media_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        content BYTEA NOT NULL,
        uploaded_by TEXT NOT NULL,
        uploaded_at TEXT NOT NULL
      );
      CREATE INDEX school_route_project_photos_project ON school_route_project_photos(project_id, stage);`,
  },
];
