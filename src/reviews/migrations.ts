/** The reviews domain's tables: reviews with photos and helpful votes, corrections of places. */
import { adoptOrphanPlaces } from "../places/index.ts";
import { addForeignKeys } from "../platform/database/foreign-keys.ts";
import type { Migration } from "../platform/database/migrations.ts";

/**
 * Reviews and corrections refer to their place by foreign key (issue 16), ON DELETE NO
 * ACTION: a place they refer to is never deleted, only marked removed (the places domain
 * tries the delete and falls back to the mark when a key refuses it), so a re-import or a
 * staff removal keeps every review and report with its place. NO ACTION, not deferred,
 * refuses the delete as RESTRICT would, and SQLite reports it as a foreign-key failure
 * (RESTRICT's as a trigger's). CASCADE would wipe families' reviews with a re-import; SET
 * NULL is impossible (the columns are NOT NULL) and would lose which place a review was
 * about. Orphans an earlier release left get a removed placeholder place first, so the key
 * can be added. Review photos refer to their review, not to a place: no key of their own.
 */
const placeKeys: Migration = {
  domain: "reviews",
  name: "0002-place-keys",
  rebuildsTables: true,
  common: "",
  async steps(tx, dialect) {
    await adoptOrphanPlaces(tx, { table: "reviews", column: "place_id", nullable: false });
    await adoptOrphanPlaces(tx, { table: "place_corrections", column: "place_id", nullable: false, lon: "lon", lat: "lat" });
    const key = { column: "place_id", references: { table: "places", column: "id" }, onDelete: "NO ACTION" } as const;
    await addForeignKeys(tx, dialect, "reviews", [key]);
    await addForeignKeys(tx, dialect, "place_corrections", [key]);
    // A place's removal looks for rows referring to it: by index, not by reading the table.
    await tx.exec("CREATE INDEX place_corrections_place ON place_corrections(place_id)");
  },
};

/** In the order they run, after the accounts domain's (reviews reference members). */
export const reviewMigrations: readonly Migration[] = [
  {
    domain: "reviews",
    name: "0001-reviews-photos-votes-corrections",
    legacyVersion: 6,
    common: `
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
      CREATE INDEX place_corrections_status ON place_corrections(status, created_at);`,
  },
  placeKeys,
];
