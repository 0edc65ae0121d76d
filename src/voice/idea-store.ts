/**
 * Ideas, their photos and supports in the database. Public reads name status 'published';
 * every other read is for the author, their guardian or staff, and says so in its name.
 * Every change stamps `changed_at`, which the in-memory layer of other instances follows.
 */
import { randomUUID } from "node:crypto";
import type { IdeaKind, IdeaStage } from "../core/api/voice.ts";
import type { ModeratedStatus } from "../safety/index.ts";
import type { Database, Queryable, SqlValue } from "../platform/database/database.ts";
import type { LayerIdea } from "./idea-layer.ts";

export type AuthorKind = "adult" | "child" | "council";
export type PhotoRole = "photo" | "drawing" | "result";

export interface StoredIdea {
  id: string;
  memberId: string | null;
  authorKind: AuthorKind;
  authorName: string;
  councilId: string | null;
  kind: IdeaKind;
  title: string;
  body: string;
  regionId: string;
  placeId: string | null;
  placeName: string | null;
  districtCode: string | null;
  lat: number;
  lon: number;
  /** False for a council decision with neither place nor point: listed, not on the map. */
  onMap: boolean;
  exactLat: number | null;
  exactLon: number | null;
  status: ModeratedStatus;
  holdReasons: unknown[];
  reportCount: number;
  statusAt: string;
  stage: IdeaStage;
  stageAt: string;
  mergedInto: string | null;
  taskNumber: number | null;
  unitId: string | null;
  triagedAt: string | null;
  firstAnswerAt: string | null;
  answerDays: number | null;
  doneAt: string | null;
  supportCount: number;
  commentCount: number;
  createdAt: string;
  publishedAt: string | null;
  photos: Array<{ id: string; role: PhotoRole }>;
}

/** What posting stores. */
export interface NewIdea {
  memberId: string | null;
  authorKind: AuthorKind;
  authorName: string;
  council?: { councilId: string; sessionId: string; sentBy: string };
  kind: IdeaKind;
  title: string;
  body: string;
  dedupeKey: string;
  regionId: string;
  placeId: string | null;
  placeName: string | null;
  districtCode: string | null;
  lat: number;
  lon: number;
  onMap?: boolean;
  exactLat: number | null;
  exactLon: number | null;
  status: "pending" | "published";
  holdReasons: unknown[];
}

type IdeaRow = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

function fromRow(row: IdeaRow): StoredIdea {
  return {
    id: String(row["id"]), memberId: textOrNull(row["member_id"]), authorKind: row["author_kind"] as AuthorKind, authorName: String(row["author_name"]),
    councilId: textOrNull(row["council_id"]), kind: row["kind"] as IdeaKind, title: String(row["title"]), body: String(row["body"]),
    regionId: String(row["region_id"]), placeId: textOrNull(row["place_id"]), placeName: textOrNull(row["place_name"]), districtCode: textOrNull(row["district_code"]),
    lat: num(row["lat"]), lon: num(row["lon"]), onMap: num(row["on_map"]) === 1, exactLat: numOrNull(row["exact_lat"]), exactLon: numOrNull(row["exact_lon"]),
    status: row["status"] as ModeratedStatus, holdReasons: JSON.parse(String(row["hold_reasons"])) as unknown[], reportCount: num(row["report_count"]), statusAt: String(row["status_at"]),
    stage: row["stage"] as IdeaStage, stageAt: String(row["stage_at"]), mergedInto: textOrNull(row["merged_into"]), taskNumber: numOrNull(row["task_number"]), unitId: textOrNull(row["unit_id"]),
    triagedAt: textOrNull(row["triaged_at"]), firstAnswerAt: textOrNull(row["first_answer_at"]), answerDays: numOrNull(row["answer_days"]), doneAt: textOrNull(row["done_at"]),
    supportCount: num(row["support_count"]), commentCount: num(row["comment_count"]), createdAt: String(row["created_at"]), publishedAt: textOrNull(row["published_at"]),
    photos: row["photo_list"] ? String(row["photo_list"]).split(",").map((p) => p.split(":")).map(([id, role]) => ({ id: id!, role: role as PhotoRole })).sort((a, b) => (a.id < b.id ? -1 : 1)) : [],
  };
}

/** Whether an idea shows in the public list (and on the map, when it has a point there). */
export const isPublic = (idea: { status: string; stage: string }) => idea.status === "published" && idea.stage !== "merged";

export function layerIdea(idea: StoredIdea): LayerIdea {
  return {
    id: idea.id, kind: idea.kind, title: idea.title, stage: idea.stage, supportCount: idea.supportCount, lon: idea.lon, lat: idea.lat, onMap: idea.onMap,
    publishedAt: idea.publishedAt ?? idea.createdAt, regionId: idea.regionId, unitId: idea.unitId, districtCode: idea.districtCode, answerDays: idea.answerDays, doneAt: idea.doneAt,
  };
}

/** Filters of the public list. */
export interface ListFilter {
  sort: "newest" | "supported" | "near";
  near?: [number, number] | undefined;
  region?: string | undefined;
  kind?: IdeaKind | undefined;
  stage?: IdeaStage | undefined;
  limit: number;
  offset: number;
}

export class IdeaStore {
  private readonly select: string;

  constructor(readonly db: Database) {
    const agg = db.dialect === "sqlite" ? "group_concat(p.id || ':' || p.role, ',')" : "string_agg(p.id || ':' || p.role, ',')";
    this.select = `SELECT i.*, (SELECT ${agg} FROM idea_photos p WHERE p.idea_id = i.id) AS photo_list FROM ideas i`;
  }

  private async many(where: string, params: readonly SqlValue[], tail = "ORDER BY i.created_at DESC", on: Queryable = this.db): Promise<StoredIdea[]> {
    return (await on.all(`${this.select} WHERE ${where} ${tail}`, params)).map(fromRow);
  }

  async get(id: string, on: Queryable = this.db): Promise<StoredIdea | null> {
    return (await this.many("i.id = ?", [id], "", on))[0] ?? null;
  }

  async insert(idea: NewIdea, tx: Queryable = this.db): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await tx.run(
      `INSERT INTO ideas (id, member_id, author_kind, author_name, council_id, council_session_id, sent_by, kind, title, body, dedupe_key, region_id, place_id, place_name, district_code,
        lat, lon, on_map, exact_lat, exact_lon, status, hold_reasons, status_at, stage, stage_at, created_at, published_at, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?)`,
      [id, idea.memberId, idea.authorKind, idea.authorName, idea.council?.councilId ?? null, idea.council?.sessionId ?? null, idea.council?.sentBy ?? null, idea.kind, idea.title, idea.body, idea.dedupeKey,
        idea.regionId, idea.placeId, idea.placeName, idea.districtCode, idea.lat, idea.lon, idea.onMap === false ? 0 : 1, idea.exactLat, idea.exactLon, idea.status, JSON.stringify(idea.holdReasons), now, now, now,
        idea.status === "published" ? now : null, now],
    );
    return id;
  }

  /** The member's live idea with the same text, if any (duplicates are refused). */
  async duplicateOf(memberId: string, dedupeKey: string, tx: Queryable = this.db): Promise<string | null> {
    const rows = await tx.all<{ id: string }>("SELECT id FROM ideas WHERE member_id = ? AND dedupe_key = ? AND status IN ('pending', 'published', 'hidden')", [memberId, dedupeKey]);
    return rows[0]?.id ?? null;
  }

  /** Changes the moderation status; the first publication dates the idea's wait for an answer. */
  async setStatus(id: string, status: ModeratedStatus, tx: Queryable = this.db): Promise<void> {
    const now = new Date().toISOString();
    const reset = status === "published" ? ", report_count = 0, published_at = COALESCE(published_at, ?)" : "";
    await tx.run(`UPDATE ideas SET status = ?, status_at = ?, changed_at = ?${reset} WHERE id = ?`, status === "published" ? [status, now, now, now, id] : [status, now, now, id]);
  }

  async countReport(id: string, tx: Queryable): Promise<number> {
    await tx.run("UPDATE ideas SET report_count = report_count + 1 WHERE id = ?", [id]);
    return Number((await tx.all<{ n: number }>("SELECT report_count AS n FROM ideas WHERE id = ?", [id]))[0]?.n ?? 0);
  }

  /** Ideas awaiting a moderator: pending and hidden, oldest first. */
  awaitingModeration(): Promise<StoredIdea[]> {
    return this.many("i.status IN ('pending', 'hidden')", [], "ORDER BY i.status_at ASC");
  }

  /** The public list, with the number of ideas matching. */
  async listPublic(filter: ListFilter): Promise<{ ideas: StoredIdea[]; total: number }> {
    const where = ["i.status = 'published'", "i.stage <> 'merged'"];
    const params: SqlValue[] = [];
    for (const [column, value] of [["i.region_id", filter.region], ["i.kind", filter.kind], ["i.stage", filter.stage]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    let order = "ORDER BY i.published_at DESC, i.id";
    const orderParams: SqlValue[] = [];
    if (filter.sort === "supported") order = "ORDER BY i.support_count DESC, i.published_at DESC, i.id";
    if (filter.sort === "near" && filter.near) {
      const [lon, lat] = filter.near;
      const k = Math.cos((lat * Math.PI) / 180) ** 2;
      order = "ORDER BY ((i.lon - ?) * (i.lon - ?) * ? + (i.lat - ?) * (i.lat - ?)), i.id";
      orderParams.push(lon, lon, k, lat, lat);
    }
    const total = Number((await this.db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ideas i WHERE ${where.join(" AND ")}`, params))[0]?.n ?? 0);
    const ideas = await this.many(where.join(" AND "), [...params, ...orderParams], `${order} LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset)}`);
    return { ideas, total };
  }

  /** The ideas of these members (not withdrawn), newest first. */
  byMembers(memberIds: readonly string[]): Promise<StoredIdea[]> {
    if (memberIds.length === 0) return Promise.resolve([]);
    return this.many(`i.member_id IN (${memberIds.map(() => "?").join(",")}) AND i.status <> 'withdrawn'`, memberIds);
  }

  /** Staff: published ideas not yet sent to a unit, oldest first. */
  awaitingTriage(limit: number): Promise<StoredIdea[]> {
    return this.many("i.status = 'published' AND i.stage = 'new'", [], `ORDER BY i.published_at ASC LIMIT ${Math.trunc(limit)}`);
  }

  /** Staff: ideas sent to one of these units (all units when null) and not finished, oldest first. */
  assigned(unitIds: readonly string[] | null, limit: number): Promise<StoredIdea[]> {
    const units = unitIds === null ? "" : ` AND i.unit_id IN (${unitIds.map(() => "?").join(",") || "NULL"})`;
    return this.many(`i.status = 'published' AND i.stage IN ('sent', 'received', 'under_study', 'accepted', 'in_progress')${units}`, unitIds ?? [], `ORDER BY i.stage_at ASC LIMIT ${Math.trunc(limit)}`);
  }

  /** Sets the stage and its bookkeeping in a transaction that also records the step. */
  async setStage(tx: Queryable, id: string, stage: IdeaStage, extra: { taskNumber?: number; unitId?: string; mergedInto?: string; answered?: boolean; firstAnswerDays?: number; done?: boolean } = {}): Promise<void> {
    const now = new Date().toISOString();
    const columns: Array<[string, SqlValue]> = [["stage", stage], ["stage_at", now], ["changed_at", now]];
    if (extra.taskNumber !== undefined) columns.push(["task_number", extra.taskNumber], ["unit_id", extra.unitId ?? null], ["triaged_at", now]);
    if (extra.mergedInto !== undefined) columns.push(["merged_into", extra.mergedInto]);
    if (extra.answered && extra.firstAnswerDays !== undefined) columns.push(["first_answer_at", now], ["answer_days", extra.firstAnswerDays]);
    if (extra.done) columns.push(["done_at", now]);
    await tx.run(`UPDATE ideas SET ${columns.map(([c]) => `${c} = ?`).join(", ")} WHERE id = ?`, [...columns.map(([, v]) => v), id]);
  }

  /**
   * 我也想要: one row per member, the count moved in the same transaction, so 1,000 members
   * at once lose none and count none twice. Answers the count and whether the member supports.
   */
  async support(ideaId: string, memberId: string, on: boolean): Promise<number> {
    return this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      const changed = on
        ? await tx.all("INSERT INTO idea_supports (idea_id, member_id, created_at) VALUES (?, ?, ?) ON CONFLICT (idea_id, member_id) DO NOTHING RETURNING member_id", [ideaId, memberId, now])
        : await tx.all("DELETE FROM idea_supports WHERE idea_id = ? AND member_id = ? RETURNING member_id", [ideaId, memberId]);
      if (changed.length > 0) await tx.run(`UPDATE ideas SET support_count = support_count ${on ? "+" : "-"} 1, changed_at = ? WHERE id = ?`, [now, ideaId]);
      return Number((await tx.all<{ n: number }>("SELECT support_count AS n FROM ideas WHERE id = ?", [ideaId]))[0]?.n ?? 0);
    });
  }

  /** Moves the supports of a merged idea to the one it joins (a member supporting both counts once). */
  async moveSupports(tx: Queryable, from: string, into: string): Promise<void> {
    await tx.run("INSERT INTO idea_supports (idea_id, member_id, created_at) SELECT ?, member_id, created_at FROM idea_supports WHERE idea_id = ? ON CONFLICT (idea_id, member_id) DO NOTHING", [into, from]);
    await tx.run("UPDATE ideas SET support_count = (SELECT COUNT(*) FROM idea_supports WHERE idea_id = ?), changed_at = ? WHERE id = ?", [into, new Date().toISOString(), into]);
  }

  async supportedBy(memberId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.all<{ idea_id: string }>(`SELECT idea_id FROM idea_supports WHERE member_id = ? AND idea_id IN (${ids.map(() => "?").join(",")})`, [memberId, ...ids]);
    return new Set(rows.map((r) => r.idea_id));
  }

  /** Who supports an idea (told of its answers). */
  async supporters(ideaId: string, tx: Queryable = this.db): Promise<string[]> {
    return (await tx.all<{ member_id: string }>("SELECT member_id FROM idea_supports WHERE idea_id = ?", [ideaId])).map((r) => r.member_id);
  }

  async addPhoto(ideaId: string, role: PhotoRole, photo: { data: Buffer; width: number; height: number; mediaType: string }): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      await tx.run("INSERT INTO idea_photos (id, idea_id, role, media_type, width, height, bytes, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [id, ideaId, role, photo.mediaType, photo.width, photo.height, photo.data.length, photo.data.toString("base64"), now]);
      await tx.run("UPDATE ideas SET changed_at = ? WHERE id = ?", [now, ideaId]);
    });
    return id;
  }

  async photo(id: string): Promise<{ ideaId: string; role: PhotoRole; mediaType: string; data: Buffer } | null> {
    const row = (await this.db.all<{ idea_id: string; role: string; media_type: string; data: string }>("SELECT idea_id, role, media_type, data FROM idea_photos WHERE id = ?", [id]))[0];
    return row ? { ideaId: row.idea_id, role: row.role as PhotoRole, mediaType: row.media_type, data: Buffer.from(row.data, "base64") } : null;
  }

  /** The public ideas' summaries changed since `since` (all public ideas when null), with whether each is public now. */
  async layerRows(since: string | null): Promise<{ changed: Array<{ idea: LayerIdea; shown: boolean }>; deleted: string[] }> {
    const columns = "id, kind, title, stage, support_count, lon, lat, on_map, published_at, created_at, status, region_id, unit_id, district_code, answer_days, done_at";
    const rows = since === null
      ? await this.db.all(`SELECT ${columns} FROM ideas WHERE status = 'published' AND stage <> 'merged'`)
      : await this.db.all(`SELECT ${columns} FROM ideas WHERE changed_at >= ?`, [since]);
    const deleted = since === null ? [] : (await this.db.all<{ id: string }>("SELECT id FROM idea_deletions WHERE at >= ?", [since])).map((r) => r.id);
    const changed = rows.map((r) => ({
      idea: {
        id: String(r["id"]), kind: r["kind"] as IdeaKind, title: String(r["title"]), stage: r["stage"] as IdeaStage, supportCount: num(r["support_count"]), lon: num(r["lon"]), lat: num(r["lat"]),
        onMap: num(r["on_map"]) === 1, publishedAt: String(r["published_at"] ?? r["created_at"]), regionId: String(r["region_id"]), unitId: textOrNull(r["unit_id"]),
        districtCode: textOrNull(r["district_code"]), answerDays: numOrNull(r["answer_days"]), doneAt: textOrNull(r["done_at"]),
      },
      shown: isPublic({ status: String(r["status"]), stage: String(r["stage"]) }),
    }));
    return { changed, deleted };
  }
}
