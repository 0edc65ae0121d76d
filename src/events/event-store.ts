/**
 * Events in the database. The public reads take published events only and, for a range of
 * days, only those whose first and last day overlap it (`start_date`, `last_date`: the end
 * of the repeat, or the day itself), by index; moderation reads the waiting ones.
 */
import { randomUUID } from "node:crypto";
import type { EventFields, EventStatus } from "../core/api/events.ts";
import type { Queryable, SqlValue } from "../platform/database/database.ts";
import type { Recurrence } from "./recurrence.ts";

/** An event as stored: what staff wrote, with the rule's defaults filled in, and its state. */
export interface StoredEvent {
  id: string;
  placeId: string;
  regionId: string;
  title: string;
  description: string;
  kind: EventFields["kind"];
  startDate: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  rule: Recurrence;
  lastDate: string;
  ageMin: number;
  ageMax: number;
  price: EventFields["price"];
  priceYuan: number | null;
  booking: EventFields["booking"];
  bookingUrl: string | null;
  bookingPhone: string | null;
  capacityNote: string;
  stroller: boolean;
  wheelchair: boolean;
  status: EventStatus;
  holdReasons: unknown[];
  reportCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  statusAt: string;
  sequence: number;
}

/** What the service hands the store to write. */
export type EventRecord = Omit<StoredEvent, "id" | "reportCount" | "createdAt" | "updatedAt" | "statusAt" | "sequence" | "createdBy">;

type Row = Record<string, unknown>;

const fromRow = (r: Row): StoredEvent => ({
  id: String(r["id"]),
  placeId: String(r["place_id"]),
  regionId: String(r["region_id"]),
  title: String(r["title"]),
  description: String(r["description"]),
  kind: r["kind"] as StoredEvent["kind"],
  startDate: String(r["start_date"]),
  startTime: String(r["start_time"]),
  endTime: String(r["end_time"]),
  timeZone: String(r["time_zone"]),
  rule: JSON.parse(String(r["repeat_rule"])) as Recurrence,
  lastDate: String(r["last_date"]),
  ageMin: Number(r["age_min"]),
  ageMax: Number(r["age_max"]),
  price: r["price"] as StoredEvent["price"],
  priceYuan: r["price_fen"] === null ? null : Number(r["price_fen"]) / 100,
  booking: r["booking"] as StoredEvent["booking"],
  bookingUrl: (r["booking_url"] as string | null) ?? null,
  bookingPhone: (r["booking_phone"] as string | null) ?? null,
  capacityNote: String(r["capacity_note"]),
  stroller: Number(r["stroller"]) === 1,
  wheelchair: Number(r["wheelchair"]) === 1,
  status: r["status"] as EventStatus,
  holdReasons: JSON.parse(String(r["hold_reasons"])) as unknown[],
  reportCount: Number(r["report_count"]),
  createdBy: String(r["created_by"]),
  createdAt: String(r["created_at"]),
  updatedAt: String(r["updated_at"]),
  statusAt: String(r["status_at"]),
  sequence: Number(r["sequence"]),
});

/** The columns a write sets, in order, from a record. */
const written = (e: EventRecord): SqlValue[] => [
  e.placeId, e.regionId, e.title, e.description, e.kind, e.startDate, e.startTime, e.endTime, e.timeZone, JSON.stringify(e.rule), e.lastDate,
  e.ageMin, e.ageMax, e.price, e.priceYuan === null ? null : Math.round(e.priceYuan * 100), e.booking, e.bookingUrl, e.bookingPhone, e.capacityNote,
  e.stroller ? 1 : 0, e.wheelchair ? 1 : 0, e.status, JSON.stringify(e.holdReasons),
];
const WRITTEN = "place_id, region_id, title, description, kind, start_date, start_time, end_time, time_zone, repeat_rule, last_date, age_min, age_max, price, price_fen, booking, booking_url, booking_phone, capacity_note, stroller, wheelchair, status, hold_reasons";

export class EventStore {
  constructor(private readonly db: Queryable) {}

  async insert(record: EventRecord, createdBy: string, tx: Queryable = this.db): Promise<StoredEvent> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await tx.run(`INSERT INTO events (id, ${WRITTEN}, created_by, created_at, updated_at, status_at, sequence) VALUES (?, ${WRITTEN.split(",").map(() => "?").join(", ")}, ?, ?, ?, ?, 0)`, [id, ...written(record), createdBy, now, now, now]);
    return (await this.get(id, tx))!;
  }

  /** Replaces what staff wrote; the sequence rises so calendars take the new version. */
  async update(id: string, record: EventRecord, tx: Queryable = this.db): Promise<StoredEvent> {
    const now = new Date().toISOString();
    const sets = WRITTEN.split(",").map((c) => `${c.trim()} = ?`).join(", ");
    await tx.run(`UPDATE events SET ${sets}, updated_at = ?, status_at = ?, sequence = sequence + 1 WHERE id = ?`, [...written(record), now, now, id]);
    return (await this.get(id, tx))!;
  }

  async get(id: string, tx: Queryable = this.db): Promise<StoredEvent | null> {
    const row = (await tx.all("SELECT * FROM events WHERE id = ?", [id]))[0];
    return row ? fromRow(row) : null;
  }

  /** Published events of a region (or of one place) whose days overlap `from`..`to`. */
  async publishedBetween(filter: { regionId?: string | undefined; placeId?: string | undefined }, from: string, to: string): Promise<StoredEvent[]> {
    const where = ["status = 'published'", "start_date <= ?", "last_date >= ?"];
    const params: SqlValue[] = [to, from];
    if (filter.regionId) {
      where.push("region_id = ?");
      params.push(filter.regionId);
    }
    if (filter.placeId) {
      where.push("place_id = ?");
      params.push(filter.placeId);
    }
    return (await this.db.all(`SELECT * FROM events WHERE ${where.join(" AND ")} ORDER BY start_date, start_time, id`, params)).map(fromRow);
  }

  /** A place's events the public may see in a calendar file: published and cancelled ones. */
  async ofPlaceForCalendar(placeId: string): Promise<StoredEvent[]> {
    return (await this.db.all("SELECT * FROM events WHERE place_id = ? AND status IN ('published', 'cancelled') ORDER BY start_date, start_time, id", [placeId])).map(fromRow);
  }

  /** Every event of a place, whatever its status, for its staff. */
  async ofPlace(placeId: string): Promise<StoredEvent[]> {
    return (await this.db.all("SELECT * FROM events WHERE place_id = ? ORDER BY start_date DESC, start_time, id", [placeId])).map(fromRow);
  }

  async awaitingModeration(): Promise<StoredEvent[]> {
    return (await this.db.all("SELECT * FROM events WHERE status IN ('pending', 'hidden') ORDER BY status_at, id")).map(fromRow);
  }

  async setStatus(id: string, status: StoredEvent["status"], tx: Queryable = this.db): Promise<void> {
    await tx.run("UPDATE events SET status = ?, status_at = ?, sequence = sequence + 1 WHERE id = ?", [status, new Date().toISOString(), id]);
  }

  async countReport(id: string, tx: Queryable): Promise<number> {
    await tx.run("UPDATE events SET report_count = report_count + 1 WHERE id = ?", [id]);
    const row = (await tx.all("SELECT report_count FROM events WHERE id = ?", [id]))[0];
    return Number(row?.["report_count"] ?? 0);
  }
}
