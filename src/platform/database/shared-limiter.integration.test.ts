import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/test-databases.ts";
import type { Database } from "./database.ts";
import { openDatabase } from "./open-database.ts";
import { SharedLimiter, sharedLimiterMigration, sharedLimiterRetention } from "./shared-limiter.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

describe.each(testDialects())("a limit counted in the %s database", (dialect) => {
  let database: TestDatabase;
  let first: Database;
  let second: Database;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-limiter-"));
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    first = await openDatabase({ DATA_DIR: dir, DATABASE_URL: database.url }, [sharedLimiterMigration]);
    second = await openDatabase({ DATA_DIR: dir, DATABASE_URL: database.url }, [sharedLimiterMigration]);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("holds across two connections (two instances) and under a burst at the same moment", async () => {
    const now = Date.UTC(2026, 11, 2, 10, 15);
    const onA = new SharedLimiter(first, "reviews per address", 5, 3_600_000);
    const onB = new SharedLimiter(second, "reviews per address", 5, 3_600_000);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? onA : onB).allow("10.1.2.3", now)));
    expect(answers.filter(Boolean)).toHaveLength(5);
    // Another key and another limit's name count on their own.
    expect(await onA.allow("10.1.2.4", now)).toBe(true);
    expect(await new SharedLimiter(first, "photos per address", 1, 3_600_000).allow("10.1.2.3", now)).toBe(true);
    // The next window of the clock starts afresh.
    expect(await onB.allow("10.1.2.3", now + 3_600_000)).toBe(true);
  });

  it("never stores the key itself, and lets the retention job delete spent windows", async () => {
    const rows = await first.all<{ bucket: string }>("SELECT bucket FROM rate_windows");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.bucket).join(" ")).not.toMatch(/10\.1\.2/);
    await sharedLimiterRetention.apply(first, new Date(Date.UTC(2026, 11, 9)));
    expect(await first.all("SELECT bucket FROM rate_windows")).toEqual([]);
  });
});
