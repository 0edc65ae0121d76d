/**
 * Staff fixes made on two instances whose catalogs disagree for a moment (issue 16): each
 * fix starts from the database's row, so neither undoes the other, and a place removed on
 * one instance is not brought back by a fix on the other.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../app/database.ts";
import type { Place } from "../core/place.ts";
import type { Database } from "../platform/database/database.ts";
import { type TestDatabase, createTestDatabase, testDialects } from "../platform/testing/test-databases.ts";
import { upsertRegion } from "../regions/index.ts";
import { PlaceCatalog } from "./place-catalog.ts";
import { applyPlaceFix } from "./place-edits.ts";
import { upsertPlaces } from "./place-store.ts";

const place = (id: string): Place => ({
  id, regionId: "edits", name: { zh: id, en: null, pinyin: null, alt: [] }, categories: ["play"], kind: "playground",
  facilities: [], ageMin: null, ageMax: null, openingHours: null, address: null, districtCode: null,
  communityCode: null, demonstration: null, lon: 112.6, lat: 26.9, precision: "district", locationNote: "位置待确认",
  provenance: { source: "test", licence: "test", sourceId: null, importedAt: "2026-01-01T00:00:00.000Z" },
  updatedAt: "2026-01-01T00:00:00.000Z",
});

describe.each(testDialects())("fixes from two instances on %s", (dialect) => {
  let database: TestDatabase;
  let db: Database;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-edits-"));
  // Two instances' catalogs, loaded once: B's copy goes stale when A fixes.
  const a = new PlaceCatalog();
  const b = new PlaceCatalog();
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await openDatabase({ DATA_DIR: dir, DATABASE_URL: database.url });
    await upsertRegion(db, { id: "edits", name: { zh: "测试", en: "Test" }, timeZone: "Asia/Shanghai", bbox: [112, 26, 113, 27], center: [112.5, 26.5], zoom: 9, attribution: "test" }, false);
    await upsertPlaces(db, [place("edits-park"), place("edits-pool")]);
    await a.reload(db);
    await b.reload(db);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps A's move when B, with a stale copy, fixes the hours", async () => {
    expect((await applyPlaceFix(db, a, "edits-park", { lon: 112.61, lat: 26.91 })).ok).toBe(true);
    expect(b.index.get("edits-park")?.lon).toBe(112.6);
    expect((await applyPlaceFix(db, b, "edits-park", { openingHours: "Mo-Su 06:00-22:00" })).ok).toBe(true);
    const [row] = await db.all<{ lon: number; opening_hours: string; precision: string }>("SELECT lon, opening_hours, precision FROM places WHERE id = ?", ["edits-park"]);
    expect(Number(row!.lon)).toBeCloseTo(112.61, 6);
    expect(row!.opening_hours).toBe("Mo-Su 06:00-22:00");
    expect(row!.precision).toBe("exact");
  });

  it("does not bring back a place A removed when B fixes it", async () => {
    await b.reload(db);
    expect((await applyPlaceFix(db, a, "edits-pool", { remove: true })).ok).toBe(true);
    const late = await applyPlaceFix(db, b, "edits-pool", { facilities: ["toilets"] });
    expect(late).toMatchObject({ ok: false, gone: true });
    expect(await db.all("SELECT id FROM places WHERE id = ?", ["edits-pool"])).toEqual([]);
  });
});
