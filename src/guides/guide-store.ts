/**
 * Guides in SQL: a guide with its stops written in one transaction, read back with its
 * stops, the published ones filtered by the list's query, the ones awaiting a moderator,
 * and the legs cached beside the key of the positions they were computed from.
 */
import { randomUUID } from "node:crypto";
import type { GuideCost, GuideKind, GuideLegFeature, GuideTheme } from "../core/api/guides.ts";
import type { Database, Queryable, SqlValue } from "../platform/database/database.ts";
import type { ModeratedStatus } from "../safety/index.ts";

export type GuideStatus = ModeratedStatus;

export interface StoredStop {
  placeId: string;
  note: string;
  /** The place's name and point when the guide was written. */
  name: string;
  lon: number;
  lat: number;
  /** Its photos' ids, oldest first. */
  photoIds: string[];
}

/** A cleaned photo to keep (src/reviews/review-photos.ts made it). */
export interface StopPhoto {
  data: Buffer;
  width: number;
  height: number;
  mediaType: string;
}

export interface StoredGuide {
  id: string;
  kind: GuideKind;
  title: string;
  summary: string;
  theme: GuideTheme;
  ageMin: number;
  ageMax: number;
  minutes: number;
  cost: GuideCost;
  stroller: boolean;
  wheelchair: boolean;
  regionId: string;
  memberId: string | null;
  staffId: string | null;
  authorKind: "child" | "adult" | "staff";
  authorName: string;
  team: string | null;
  status: GuideStatus;
  holdReasons: unknown[];
  reportCount: number;
  legs: GuideLegFeature[] | null;
  legsKey: string | null;
  createdAt: string;
  statusAt: string;
  publishedAt: string | null;
  stops: StoredStop[];
}

export type NewGuide = Omit<StoredGuide, "id" | "reportCount" | "legs" | "legsKey" | "createdAt" | "statusAt" | "publishedAt" | "stops"> & { stops: Array<Omit<StoredStop, "photoIds">> };

/** What the public list asks of SQL; the rest (near, changed stops) is the service's. */
export interface GuideFilter {
  region?: string | undefined;
  kind?: GuideKind | undefined;
  themes?: readonly GuideTheme[] | undefined;
  age?: number | undefined;
  maxMinutes?: number | undefined;
}

const COLUMNS = "id, kind, title, summary, theme, age_min, age_max, minutes, cost, stroller, wheelchair, region_id, member_id, staff_id, author_kind, author_name, team, status, hold_reasons, report_count, legs, legs_key, created_at, status_at, published_at";
const LIMIT = 500;

function guideOf(row: Record<string, unknown>, stops: StoredStop[]): StoredGuide {
  const text = (key: string) => (row[key] === null || row[key] === undefined ? null : String(row[key]));
  return {
    id: String(row["id"]), kind: String(row["kind"]) as GuideKind, title: String(row["title"]), summary: String(row["summary"]),
    theme: String(row["theme"]) as GuideTheme, ageMin: Number(row["age_min"]), ageMax: Number(row["age_max"]), minutes: Number(row["minutes"]),
    cost: String(row["cost"]) as GuideCost, stroller: Number(row["stroller"]) === 1, wheelchair: Number(row["wheelchair"]) === 1,
    regionId: String(row["region_id"]), memberId: text("member_id"), staffId: text("staff_id"),
    authorKind: String(row["author_kind"]) as StoredGuide["authorKind"], authorName: String(row["author_name"]), team: text("team"),
    status: String(row["status"]) as GuideStatus, holdReasons: JSON.parse(String(row["hold_reasons"])) as unknown[], reportCount: Number(row["report_count"]),
    legs: row["legs"] ? (JSON.parse(String(row["legs"])) as GuideLegFeature[]) : null, legsKey: text("legs_key"),
    createdAt: String(row["created_at"]), statusAt: String(row["status_at"]), publishedAt: text("published_at"), stops,
  };
}

export class GuideStore {
  constructor(private readonly db: Database) {}

  /** Writes a guide and its stops in one transaction; its id. */
  async insert(guide: NewGuide): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO guides (id, kind, title, summary, theme, age_min, age_max, minutes, cost, stroller, wheelchair, region_id, member_id, staff_id, author_kind, author_name, team, status, hold_reasons, created_at, status_at, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, guide.kind, guide.title, guide.summary, guide.theme, guide.ageMin, guide.ageMax, guide.minutes, guide.cost, guide.stroller ? 1 : 0, guide.wheelchair ? 1 : 0,
          guide.regionId, guide.memberId, guide.staffId, guide.authorKind, guide.authorName, guide.team, guide.status, JSON.stringify(guide.holdReasons), now, now, guide.status === "published" ? now : null],
      );
      for (const [position, stop] of guide.stops.entries()) {
        await tx.run("INSERT INTO guide_stops (guide_id, position, place_id, note, name, lon, lat) VALUES (?, ?, ?, ?, ?, ?, ?)", [id, position, stop.placeId, stop.note, stop.name, stop.lon, stop.lat]);
      }
    });
    return id;
  }

  async get(id: string, tx: Queryable = this.db): Promise<StoredGuide | null> {
    return (await this.select("id = ?", [id], tx))[0] ?? null;
  }

  /** Published guides matching the filter, newest first. */
  async published(filter: GuideFilter): Promise<StoredGuide[]> {
    const where = ["status = 'published'"];
    const params: SqlValue[] = [];
    const add = (clause: string, ...values: SqlValue[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.region) add("region_id = ?", filter.region);
    if (filter.kind) add("kind = ?", filter.kind);
    if (filter.themes?.length) add(`theme IN (${filter.themes.map(() => "?").join(", ")})`, ...filter.themes);
    if (filter.age !== undefined) add("age_min <= ? AND age_max >= ?", filter.age, filter.age);
    if (filter.maxMinutes !== undefined) add("minutes <= ?", filter.maxMinutes);
    return this.select(where.join(" AND "), params);
  }

  /** Published guides with a stop at the place. */
  async publishedAt(placeId: string): Promise<StoredGuide[]> {
    return this.select("status = 'published' AND id IN (SELECT guide_id FROM guide_stops WHERE place_id = ?)", [placeId]);
  }

  /** A member's guides and their children's, any status but withdrawn. */
  async byMembers(memberIds: readonly string[]): Promise<StoredGuide[]> {
    if (memberIds.length === 0) return [];
    return this.select(`member_id IN (${memberIds.map(() => "?").join(", ")}) AND status <> 'withdrawn'`, [...memberIds]);
  }

  async awaitingModeration(): Promise<StoredGuide[]> {
    return this.select("status IN ('pending', 'hidden')", [], this.db, "status_at ASC");
  }

  async setStatus(id: string, status: GuideStatus, tx: Queryable = this.db): Promise<void> {
    const now = new Date().toISOString();
    const reset = status === "published" ? ", report_count = 0, published_at = COALESCE(published_at, ?)" : "";
    await tx.run(`UPDATE guides SET status = ?, status_at = ?${reset} WHERE id = ?`, status === "published" ? [status, now, now, id] : [status, now, id]);
  }

  async countReport(id: string, tx: Queryable): Promise<number> {
    await tx.run("UPDATE guides SET report_count = report_count + 1 WHERE id = ?", [id]);
    const rows = await tx.all<{ report_count: number | string }>("SELECT report_count FROM guides WHERE id = ?", [id]);
    return Number(rows[0]?.report_count ?? 0);
  }

  /** Keeps a photo of the stop at `position`, with the guide's new status when it changes (a child's photo sends it back to a moderator); its id. */
  async addPhoto(guideId: string, position: number, photo: StopPhoto, newStatus: GuideStatus | null): Promise<string> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.run("INSERT INTO guide_photos (id, guide_id, position, media_type, width, height, bytes, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [id, guideId, position, photo.mediaType, photo.width, photo.height, photo.data.length, photo.data.toString("base64"), new Date().toISOString()]);
      if (newStatus) await this.setStatus(guideId, newStatus, tx);
    });
    return id;
  }

  async photo(id: string): Promise<{ guideId: string; mediaType: string; data: Buffer } | null> {
    const row = (await this.db.all<{ guide_id: string; media_type: string; data: string }>("SELECT guide_id, media_type, data FROM guide_photos WHERE id = ?", [id]))[0];
    return row ? { guideId: row.guide_id, mediaType: row.media_type, data: Buffer.from(row.data, "base64") } : null;
  }

  /** Keeps the legs computed from the stop positions `key` names. */
  async saveLegs(id: string, legs: readonly GuideLegFeature[], key: string): Promise<void> {
    await this.db.run("UPDATE guides SET legs = ?, legs_key = ? WHERE id = ?", [JSON.stringify(legs), key, id]);
  }

  private async select(where: string, params: readonly SqlValue[], tx: Queryable = this.db, order = "COALESCE(published_at, created_at) DESC"): Promise<StoredGuide[]> {
    const rows = await tx.all(`SELECT ${COLUMNS} FROM guides WHERE ${where} ORDER BY ${order}, id LIMIT ${LIMIT}`, params);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => String(r["id"]));
    const stopRows = await tx.all(`SELECT guide_id, position, place_id, note, name, lon, lat FROM guide_stops WHERE guide_id IN (${ids.map(() => "?").join(", ")}) ORDER BY guide_id, position`, ids);
    const photoRows = await tx.all(`SELECT id, guide_id, position FROM guide_photos WHERE guide_id IN (${ids.map(() => "?").join(", ")}) ORDER BY created_at, id`, ids);
    const photos = new Map<string, string[]>();
    for (const p of photoRows) {
      const key = `${String(p["guide_id"])}:${Number(p["position"])}`;
      photos.set(key, [...(photos.get(key) ?? []), String(p["id"])]);
    }
    const stops = new Map<string, StoredStop[]>(ids.map((id) => [id, []]));
    for (const s of stopRows) {
      const photoIds = photos.get(`${String(s["guide_id"])}:${Number(s["position"])}`) ?? [];
      stops.get(String(s["guide_id"]))!.push({ placeId: String(s["place_id"]), note: String(s["note"]), name: String(s["name"]), lon: Number(s["lon"]), lat: Number(s["lat"]), photoIds });
    }
    return rows.map((r) => guideOf(r, stops.get(String(r["id"]))!));
  }
}
