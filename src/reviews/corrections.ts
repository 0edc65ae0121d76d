/**
 * "Report wrong information": anyone may say a place is closed, moved, missing a facility
 * or has wrong hours. Reports wait in a data-quality queue; staff fix the place (or reject
 * the report) and the fix reaches the map and search at once through the place catalog.
 */
import { randomUUID } from "node:crypto";
import type { CorrectionKind } from "../core/community.ts";
import { placeState } from "../places/index.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";

export interface Correction {
  id: string;
  placeId: string;
  kind: CorrectionKind;
  detail: string;
  lon: number | null;
  lat: number | null;
  status: "open" | "fixed" | "rejected";
  createdAt: string;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

function fromRow(r: Record<string, unknown>): Correction {
  return {
    id: String(r.id),
    placeId: String(r.place_id),
    kind: r.kind as CorrectionKind,
    detail: String(r.detail),
    lon: r.lon === null ? null : Number(r.lon),
    lat: r.lat === null ? null : Number(r.lat),
    status: r.status as Correction["status"],
    createdAt: String(r.created_at),
    resolvedAt: (r.resolved_at as string | null) ?? null,
    resolutionNote: (r.resolution_note as string | null) ?? null,
  };
}

export class CorrectionStore {
  constructor(private readonly db: Database) {}

  /**
   * Stores a report. A place removed (kept for what refers to it) is refused (404); one
   * deleted since the caller looked fails at the foreign key (409).
   */
  async add(input: { placeId: string; kind: CorrectionKind; detail: string; lon: number | null; lat: number | null; memberId: string | null }): Promise<Correction> {
    if ((await placeState(this.db, input.placeId)) === "removed") throw ApiError.notFound(say("这个地点", "place"));
    const id = randomUUID();
    await this.db.run(
      "INSERT INTO place_corrections (id, place_id, kind, detail, lon, lat, member_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)",
      [id, input.placeId, input.kind, input.detail, input.lon, input.lat, input.memberId, new Date().toISOString()],
    );
    return (await this.get(id))!;
  }

  async get(id: string): Promise<Correction | null> {
    const rows = await this.db.all("SELECT * FROM place_corrections WHERE id = ?", [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async list(status: Correction["status"]): Promise<Correction[]> {
    return (await this.db.all("SELECT * FROM place_corrections WHERE status = ? ORDER BY created_at", [status])).map(fromRow);
  }

  async resolve(tx: Queryable, id: string, status: "fixed" | "rejected", staffId: string, note: string): Promise<void> {
    await tx.run("UPDATE place_corrections SET status = ?, resolved_at = ?, resolved_by = ?, resolution_note = ? WHERE id = ?", [status, new Date().toISOString(), staffId, note, id]);
  }
}
