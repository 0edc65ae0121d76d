/**
 * The voice domain's tables. Ideas keep two points: the public one (a place's, or a
 * child's pin snapped and coarsened) that everyone sees, and the exact one, kept only for
 * staff routing and deleted with the idea. Supports are one row per member; the idea's
 * count moves in the same transaction. Steps are the dated, kept record of what happened.
 */
import { adoptOrphanPlaces } from "../places/index.ts";
import { addForeignKeys } from "../platform/database/foreign-keys.ts";
import type { Migration } from "../platform/database/migrations.ts";
import { councilMigrations } from "./councils/index.ts";
import { pollMigrations } from "./polls/index.ts";

const ideas: Migration = {
  domain: "voice",
  name: "0001-ideas",
  common: `
    CREATE TABLE ideas (
      id TEXT PRIMARY KEY,
      member_id TEXT REFERENCES members(id) ON DELETE CASCADE,
      author_kind TEXT NOT NULL,
      author_name TEXT NOT NULL,
      council_id TEXT,
      council_session_id TEXT,
      sent_by TEXT,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      dedupe_key TEXT NOT NULL,
      region_id TEXT NOT NULL,
      place_id TEXT,
      place_name TEXT,
      district_code TEXT,
      lat DOUBLE PRECISION NOT NULL,
      lon DOUBLE PRECISION NOT NULL,
      on_map INTEGER NOT NULL DEFAULT 1,
      exact_lat DOUBLE PRECISION,
      exact_lon DOUBLE PRECISION,
      status TEXT NOT NULL,
      hold_reasons TEXT NOT NULL,
      report_count INTEGER NOT NULL DEFAULT 0,
      status_at TEXT NOT NULL,
      stage TEXT NOT NULL,
      stage_at TEXT NOT NULL,
      merged_into TEXT,
      task_number INTEGER,
      unit_id TEXT,
      triaged_at TEXT,
      first_answer_at TEXT,
      answer_days DOUBLE PRECISION,
      done_at TEXT,
      support_count INTEGER NOT NULL DEFAULT 0,
      comment_count INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      published_at TEXT,
      changed_at TEXT NOT NULL
    );
    CREATE INDEX ideas_layer ON ideas(status, lon, lat);
    CREATE INDEX ideas_public ON ideas(status, published_at);
    CREATE UNIQUE INDEX ideas_member_text ON ideas(member_id, dedupe_key) WHERE status IN ('pending', 'published', 'hidden');
    CREATE INDEX ideas_member ON ideas(member_id, created_at);
    CREATE INDEX ideas_stage ON ideas(status, stage, published_at);
    CREATE INDEX ideas_answer_days ON ideas(answer_days);
    CREATE INDEX ideas_changed ON ideas(changed_at);
    CREATE INDEX ideas_unit ON ideas(unit_id, stage);
    CREATE TABLE idea_photos (
      id TEXT PRIMARY KEY,
      idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      media_type TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      bytes INTEGER NOT NULL,
      data TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX idea_photos_idea ON idea_photos(idea_id, role);
    CREATE TABLE idea_supports (
      idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
      member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      PRIMARY KEY (idea_id, member_id)
    );
    CREATE INDEX idea_supports_member ON idea_supports(member_id);
    CREATE TABLE idea_steps (
      id TEXT PRIMARY KEY,
      idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
      stage TEXT NOT NULL,
      body TEXT NOT NULL,
      due_by TEXT,
      unit_id TEXT,
      staff_id TEXT,
      at TEXT NOT NULL
    );
    CREATE INDEX idea_steps_idea ON idea_steps(idea_id, at);
    CREATE TABLE idea_comments (
      id TEXT PRIMARY KEY,
      idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
      member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      status TEXT NOT NULL,
      hold_reasons TEXT NOT NULL,
      report_count INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      status_at TEXT NOT NULL
    );
    CREATE INDEX idea_comments_idea ON idea_comments(idea_id, status, created_at);
    CREATE INDEX idea_comments_status ON idea_comments(status, status_at);
    CREATE TABLE idea_notifications (
      id TEXT PRIMARY KEY,
      member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
      event TEXT NOT NULL,
      stage TEXT,
      for_child TEXT,
      created_at TEXT NOT NULL,
      read_at TEXT
    );
    CREATE INDEX idea_notifications_member ON idea_notifications(member_id, created_at);`,
};

/**
 * Ideas deleted (withdrawn, removed, a member's account deleted by cascade), noted by a
 * trigger, so every instance's in-memory layer drops them within a second.
 */
const deletions: Migration = {
  domain: "voice",
  name: "0002-idea-deletions",
  common: "CREATE TABLE idea_deletions (id TEXT NOT NULL, at TEXT NOT NULL); CREATE INDEX idea_deletions_at ON idea_deletions(at);",
  sqlite: "CREATE TRIGGER ideas_deleted AFTER DELETE ON ideas BEGIN INSERT INTO idea_deletions (id, at) VALUES (old.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;",
  postgres: `
    CREATE FUNCTION tongxing_idea_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO idea_deletions (id, at) VALUES (OLD.id, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER ideas_deleted AFTER DELETE ON ideas FOR EACH ROW EXECUTE FUNCTION tongxing_idea_deleted();`,
};

/**
 * An idea's place (the public place it was snapped to or written about) by foreign key
 * (issue 16), ON DELETE NO ACTION (refused, as with RESTRICT, and reported by SQLite as a
 * foreign-key failure): a place an idea refers to is never deleted, only marked removed, so
 * the idea keeps its place through a re-import or a staff removal, as the accountability
 * record needs. SET NULL would quietly lose which place a child asked about. An earlier
 * release's orphan gets a removed placeholder place in the idea's region, at its public
 * point, with the place name it kept.
 */
const placeKey: Migration = {
  domain: "voice",
  name: "0003-ideas-place-key",
  rebuildsTables: true,
  common: "",
  async steps(tx, dialect) {
    await adoptOrphanPlaces(tx, { table: "ideas", column: "place_id", nullable: true, region: "region_id", name: "place_name", lon: "lon", lat: "lat" });
    await addForeignKeys(tx, dialect, "ideas", [{ column: "place_id", references: { table: "places", column: "id" }, onDelete: "NO ACTION" }]);
    await tx.exec("CREATE INDEX ideas_place ON ideas(place_id)");
  },
};

/**
 * The public accountability figures counted by the database (accountability-sql.ts): a
 * covering index read in group order for the GROUP BY, one for the median's ordered read,
 * one for the latest done ideas read backwards.
 */
const figures: Migration = {
  domain: "voice",
  name: "0004-idea-figures",
  common: `
    CREATE INDEX ideas_figures ON ideas(unit_id, district_code, stage, published_at, answer_days, region_id) WHERE status = 'published' AND stage <> 'merged';
    CREATE INDEX ideas_answered ON ideas(answer_days, region_id) WHERE status = 'published' AND stage <> 'merged' AND answer_days IS NOT NULL;
    CREATE INDEX ideas_done ON ideas(status, stage, done_at, id);`,
};

/**
 * In the order they run, after accounts, plan and safety (and places); councils' and polls'
 * after these; a new one goes at the end. The ideas' place key rebuilds the SQLite table from
 * its schema as it stands, so columns added before or after it are kept.
 */
export const voiceMigrations: readonly Migration[] = [ideas, deletions, ...councilMigrations, ...pollMigrations, placeKey, figures];
