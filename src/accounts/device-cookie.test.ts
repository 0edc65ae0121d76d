/** Device notes: valid only for the name and scope they were issued for, tamper-proof, expiring, a few kept. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../platform/config.ts";
import type { Database } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { accountMigrations } from "./migrations.ts";
import { DEVICE_DAYS, DeviceCookies } from "./device-cookie.ts";

const NOW = new Date("2026-12-01T08:00:00.000Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

describe("DeviceCookies", () => {
  let dataDir: string;
  let db: Database;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-device-"));
    db = await openDatabase(loadConfig({ DATA_DIR: dataDir }), accountMigrations);
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("recognises the name it was issued for, in its scope only, on every instance sharing the database", async () => {
    const cookie = await new DeviceCookies(db).afterSignIn(null, "staff", "wanglei", NOW);
    const elsewhere = new DeviceCookies(db);
    const device = await elsewhere.deviceOf(cookie, "staff", "wanglei", NOW);
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(await elsewhere.deviceOf(cookie, "staff", "admin", NOW)).toBeNull();
    expect(await elsewhere.deviceOf(cookie, "member", "wanglei", NOW)).toBeNull();
    expect(cookie).not.toContain("wanglei");
  });

  it("refuses a changed note and an expired one", async () => {
    const devices = new DeviceCookies(db);
    const cookie = await devices.afterSignIn(null, "member", "13900000001", NOW);
    const [day, mac] = cookie.split(".");
    const flipped = `${day}.${mac!.slice(0, -1)}${mac!.endsWith("A") ? "B" : "A"}`;
    expect(await devices.deviceOf(flipped, "member", "13900000001", NOW)).toBeNull();
    expect(await devices.deviceOf(`${Number(day) + 1}.${mac}`, "member", "13900000001", NOW)).toBeNull();
    expect(await devices.deviceOf(cookie, "member", "13900000001", later(DEVICE_DAYS))).not.toBeNull();
    expect(await devices.deviceOf(cookie, "member", "13900000001", later(DEVICE_DAYS + 1))).toBeNull();
    expect(await devices.deviceOf("garbage;~..", "member", "13900000001", NOW)).toBeNull();
  });

  it("keeps one note per name for a shared device, newest first, at most five", async () => {
    const devices = new DeviceCookies(db);
    let cookie: string | null = null;
    for (const name of ["mama", "xiaoxing@k7q2", "mama", "baba", "nainai", "yeye", "gege"]) cookie = await devices.afterSignIn(cookie, "member", name, NOW);
    expect(cookie!.split("~")).toHaveLength(5);
    expect(await devices.deviceOf(cookie, "member", "gege", NOW)).not.toBeNull();
    expect(await devices.deviceOf(cookie, "member", "baba", NOW)).not.toBeNull();
    expect(await devices.deviceOf(cookie, "member", "xiaoxing@k7q2", NOW)).toBeNull();
  });
});
