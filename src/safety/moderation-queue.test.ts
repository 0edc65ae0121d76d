/**
 * The moderation queue puts the riskiest item first (the guard's risk of its text, reports
 * counted), oldest first among equals, and shows each item's risk, score and spans.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../accounts/index.ts";
import { migrate } from "../platform/database/migrations.ts";
import { openSqlite } from "../platform/database/sqlite.ts";
import { Guard } from "./guard.ts";
import { safetyMigrations } from "./migrations.ts";
import type { ContentAdapter, ModeratedItem } from "./moderated-content.ts";
import { ModerationService } from "./moderation-service.ts";
import { ModerationStore } from "./moderation-store.ts";
import { WordFilter, readLexicon } from "./word-filter.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-queue-"));
const db = openSqlite(path.join(dir, "queue.sqlite"));
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const item = (id: string, text: string, statusAt: string, extra: Partial<ModeratedItem> = {}): ModeratedItem => ({
  type: "note", id, status: "pending", authorId: `a-${id}`, authorNickname: id, authorIsMinor: false, authorIsStaff: false, text, placeId: null, rating: null,
  photoIds: [], holdReasons: [], reportCount: 0, createdAt: statusAt, statusAt, ...extra,
});

describe("moderation queue", () => {
  it("orders by risk, then age, and carries the score and the spans", async () => {
    await migrate(db, [...accountMigrations, ...safetyMigrations]);
    const items = [
      item("calm-old", "滑梯很干净，孩子玩得很开心", "2026-12-01T08:00:00Z"),
      item("calm-new", "图书馆的绘本很多，阅览室很安静", "2026-12-02T08:00:00Z"),
      item("threat", "放学别走，我知道你家住哪", "2026-12-02T09:00:00Z"),
      item("phone", "我的电话是13812345678", "2026-12-02T10:00:00Z", { authorIsMinor: true }),
      item("reported", "周末人有点多", "2026-12-02T11:00:00Z", { status: "hidden", reportCount: 3 }),
    ];
    const adapter: ContentAdapter = {
      type: "note",
      find: async (id) => items.find((i) => i.id === id) ?? null,
      awaiting: async () => items,
      setStatus: async () => undefined,
      countReport: async () => 0,
    };
    const sanctions = { warn: async () => undefined, suspend: async () => undefined, closeAllSessions: async () => undefined };
    const service = new ModerationService(db, new ModerationStore(db), sanctions, new Guard(new WordFilter(readLexicon("data/safety/lexicon.json"))));
    service.register(adapter);
    const queue = await service.queue();
    const order = queue.items.map((i) => i.id);
    expect(order.slice(0, 3)).toEqual(["threat", "phone", "reported"]);
    // Equal low risks: the longer waiting first.
    expect(order.indexOf("calm-old")).toBeLessThan(order.indexOf("calm-new"));
    const threat = queue.items[0]!;
    expect(threat.risk).toBe(1);
    expect(typeof threat.score).toBe("number");
    expect(threat.spans!.filter((s) => s.rule === "intimidation").map((s) => threat.text.slice(s.start, s.end))).toEqual(["放学别走"]);
    const phone = queue.items[1]!;
    expect(phone.spans!.map((s) => [s.kind, phone.text.slice(s.start, s.end)])).toContainEqual(["phone", "13812345678"]);
  });
});
