/**
 * The events domain's table: venues' events (活动) with their place (by foreign key, ON
 * DELETE NO ACTION as reviews: a place with events is marked removed, never deleted), the
 * venue's wall-clock times and repeat rule, and the moderation fields adult posts have.
 */
import type { Migration } from "../platform/database/migrations.ts";

export const eventMigrations: readonly Migration[] = [
  {
    domain: "events",
    name: "0001-events",
    common: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        place_id TEXT NOT NULL REFERENCES places(id) ON DELETE NO ACTION,
        region_id TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        kind TEXT NOT NULL,
        start_date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        repeat_rule TEXT NOT NULL,
        last_date TEXT NOT NULL,
        age_min INTEGER NOT NULL,
        age_max INTEGER NOT NULL,
        price TEXT NOT NULL,
        price_fen INTEGER,
        booking TEXT NOT NULL,
        booking_url TEXT,
        booking_phone TEXT,
        capacity_note TEXT NOT NULL,
        stroller INTEGER NOT NULL,
        wheelchair INTEGER NOT NULL,
        status TEXT NOT NULL,
        hold_reasons TEXT NOT NULL,
        report_count INTEGER NOT NULL DEFAULT 0,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        status_at TEXT NOT NULL,
        sequence INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX events_region_days ON events(region_id, status, start_date, last_date);
      CREATE INDEX events_place ON events(place_id);`,
  },
];
