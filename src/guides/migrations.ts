/**
 * The guides domain's tables. A guide keeps its author (a member, deleted with the member's
 * account, or a staff user), the name it is credited under, its moderation state and its
 * legs as computed (GeoJSON features) with the key of the stop positions they were computed
 * from, so a moved place recomputes them on the next read. Each stop refers to its place by
 * a foreign key (a removal then marks the place removed instead of deleting it) and keeps
 * the place's name and point as they were when written, to tell "closed" and "moved".
 */
import type { Migration } from "../platform/database/migrations.ts";

export const guideMigrations: readonly Migration[] = [
  {
    domain: "guides",
    name: "0001-guides",
    common: `
      CREATE TABLE guides (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        theme TEXT NOT NULL,
        age_min INTEGER NOT NULL,
        age_max INTEGER NOT NULL,
        minutes INTEGER NOT NULL,
        cost TEXT NOT NULL,
        stroller INTEGER NOT NULL,
        wheelchair INTEGER NOT NULL,
        region_id TEXT NOT NULL,
        member_id TEXT REFERENCES members(id) ON DELETE CASCADE,
        staff_id TEXT,
        author_kind TEXT NOT NULL,
        author_name TEXT NOT NULL,
        team TEXT,
        status TEXT NOT NULL,
        hold_reasons TEXT NOT NULL,
        report_count INTEGER NOT NULL DEFAULT 0,
        legs TEXT,
        legs_key TEXT,
        created_at TEXT NOT NULL,
        status_at TEXT NOT NULL,
        published_at TEXT
      );
      CREATE INDEX guides_public ON guides(status, region_id, published_at);
      CREATE INDEX guides_member ON guides(member_id, created_at);
      CREATE TABLE guide_stops (
        guide_id TEXT NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        place_id TEXT NOT NULL REFERENCES places(id),
        note TEXT NOT NULL,
        name TEXT NOT NULL,
        lon DOUBLE PRECISION NOT NULL,
        lat DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (guide_id, position)
      );
      CREATE INDEX guide_stops_place ON guide_stops(place_id);`,
  },
  {
    domain: "guides",
    name: "0002-guide-photos",
    // A stop's photos, cleaned as review photos are (no metadata, at most PHOTO_MAX_SIDE), kept
    // with the guide and deleted with it.
    common: `
      CREATE TABLE guide_photos (
        id TEXT PRIMARY KEY,
        guide_id TEXT NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX guide_photos_guide ON guide_photos(guide_id, position);`,
  },
];
