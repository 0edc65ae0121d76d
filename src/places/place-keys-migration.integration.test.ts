/**
 * The migrations that add the place foreign keys (issue 16) upgrade a database made at the
 * migration level before them, orphans included: a review, a correction and an idea whose
 * place an earlier release deleted get that place back as a removed placeholder, nothing is
 * lost, the keys hold afterwards, and on SQLite the rebuilt tables keep their indexes and
 * triggers and foreign keys are on again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DOMAIN_MIGRATIONS } from "../app/database.ts";
import { ReferenceConflictError } from "../platform/database/database.ts";
import { migrationId } from "../platform/database/migrations.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { createTestDatabase, testDialects } from "../platform/testing/test-databases.ts";
import { upsertRegion } from "../regions/index.ts";
import { loadAllPlaces } from "./place-store.ts";

/** The migrations this change added; the level before is every other one. */
const ADDED = new Set(["places/0003-removed-places", "reviews/0002-place-keys", "voice/0003-ideas-place-key"]);
const BEFORE = DOMAIN_MIGRATIONS.filter((m) => !ADDED.has(migrationId(m)));

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe.each(testDialects())("the place keys on a %s database with orphans", (dialect) => {
  it("upgrades it, adopting each orphan's place as a removed placeholder, and the keys hold", async () => {
    expect(ADDED.size).toBe(DOMAIN_MIGRATIONS.length - BEFORE.length);
    const database = await createTestDatabase(dialect);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-keys-"));
    made.push(dir);
    const config = { DATA_DIR: dir, DATABASE_URL: database.url };
    try {
      const old = await openDatabase(config, BEFORE);
      await upsertRegion(old, { id: "keys", name: { zh: "测试", en: "Test" }, timeZone: "Asia/Shanghai", bbox: [112, 26, 113, 27], center: [112.5, 26.5], zoom: 9, attribution: "test" }, false);
      // As that level wrote a place (no removed_at yet).
      await old.run(`INSERT INTO places (id, region_id, name_zh, categories, kind, facilities, lon, lat, precision, source, licence, imported_at, updated_at)
        VALUES ('keys-park', 'keys', '公园', '["play"]', 'playground', '[]', 112.6, 26.9, 'exact', 'test', 'test', ?, ?)`, ["2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"]);
      const at = "2026-06-01T00:00:00.000Z";
      await old.run("INSERT INTO members (id, kind, login, nickname, password_hash, created_at) VALUES ('keys-mum', 'adult', '13900009999', '妈妈', 'x', ?)", [at]);
      const review = (id: string, placeId: string) => old.run(
        "INSERT INTO reviews (id, place_id, member_id, rating, body, status, hold_reasons, created_at, status_at) VALUES (?, ?, 'keys-mum', 5, '很好', 'published', '[]', ?, ?)", [id, placeId, at, at]);
      await review("keys-r1", "keys-park");
      await review("keys-r2", "keys-gone-reviewed");
      await review("keys-r3", "keys-gone-reviewed");
      await old.run("INSERT INTO review_photos (id, review_id, media_type, width, height, bytes, data, created_at) VALUES ('keys-p', 'keys-r2', 'image/webp', 1, 1, 1, 'x', ?)", [at]);
      await old.run("INSERT INTO place_corrections (id, place_id, kind, detail, lon, lat, status, created_at) VALUES ('keys-c', 'keys-gone-reported', 'closed', '关了', 112.61, 26.91, 'open', ?)", [at]);
      const idea = (id: string, placeId: string | null) => old.run(
        `INSERT INTO ideas (id, member_id, author_kind, author_name, kind, title, body, dedupe_key, region_id, place_id, place_name, lat, lon, status, hold_reasons, status_at, stage, stage_at, created_at, changed_at)
         VALUES (?, 'keys-mum', 'adult', '妈妈', 'shade', '树荫', '想要树荫', ?, 'keys', ?, '老游乐场', 26.95, 112.65, 'published', '[]', ?, 'new', ?, ?, ?)`, [id, id, placeId, at, at, at, at]);
      await idea("keys-i1", "keys-gone-asked");
      await idea("keys-i2", null);
      await old.close();

      const db = await openDatabase(config, DOMAIN_MIGRATIONS);
      try {
        const placeholders = await db.all<{ id: string; region_id: string; name_zh: string | null; lon: number; removed_at: string | null }>(
          "SELECT id, region_id, name_zh, lon, removed_at FROM places WHERE id LIKE 'keys-gone-%' ORDER BY id");
        expect(placeholders.map((p) => [p.id, p.region_id, p.removed_at !== null])).toEqual([
          ["keys-gone-asked", "keys", true], ["keys-gone-reported", "keys", true], ["keys-gone-reviewed", "keys", true],
        ]);
        expect(placeholders[0]!.name_zh).toBe("老游乐场");
        expect(Number(placeholders[1]!.lon)).toBeCloseTo(112.61, 6);
        // Nothing lost, nothing re-pointed, nothing served that was not before.
        expect((await db.all("SELECT id, place_id FROM reviews ORDER BY id")).map((r) => [r["id"], r["place_id"]])).toEqual([
          ["keys-r1", "keys-park"], ["keys-r2", "keys-gone-reviewed"], ["keys-r3", "keys-gone-reviewed"],
        ]);
        expect(await db.all("SELECT id FROM review_photos")).toEqual([{ id: "keys-p" }]);
        expect((await db.all("SELECT id, place_id FROM ideas ORDER BY id")).map((r) => [r["id"], r["place_id"]])).toEqual([["keys-i1", "keys-gone-asked"], ["keys-i2", null]]);
        expect(await db.all("SELECT place_id FROM place_corrections")).toEqual([{ place_id: "keys-gone-reported" }]);
        expect((await loadAllPlaces(db)).map((p) => p.id)).toEqual(["keys-park"]);
        // The keys hold now.
        await expect(review2(db, "keys-nowhere")).rejects.toBeInstanceOf(ReferenceConflictError);
        await expect(db.run("DELETE FROM places WHERE id = 'keys-park'")).rejects.toBeInstanceOf(ReferenceConflictError);
        if (dialect === "sqlite") {
          expect(await db.all("PRAGMA foreign_keys")).toEqual([{ foreign_keys: 1 }]);
          const kept = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE name IN ('ideas_deleted', 'ideas_member_text', 'ideas_layer', 'reviews_place', 'place_corrections_status') ORDER BY name");
          expect(kept.map((r) => r.name)).toEqual(["ideas_deleted", "ideas_layer", "ideas_member_text", "place_corrections_status", "reviews_place"]);
        }
        // Tables that refer to the rebuilt ones still cascade: a deleted idea takes its notes of deletion, a review its photo.
        await db.run("DELETE FROM reviews WHERE id = 'keys-r2'");
        expect(await db.all("SELECT id FROM review_photos")).toEqual([]);
        await db.run("DELETE FROM ideas WHERE id = 'keys-i2'");
        expect(await db.all("SELECT id FROM idea_deletions WHERE id = 'keys-i2'")).toEqual([{ id: "keys-i2" }]);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  }, 120_000);
});

function review2(db: Awaited<ReturnType<typeof openDatabase>>, placeId: string): Promise<void> {
  const at = new Date().toISOString();
  return db.run("INSERT INTO reviews (id, place_id, member_id, rating, body, status, hold_reasons, created_at, status_at) VALUES ('keys-r9', ?, 'keys-mum', 5, 'x', 'published', '[]', ?, ?)", [placeId, at, at]);
}
