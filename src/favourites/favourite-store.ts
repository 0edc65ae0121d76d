/** Favourites in the database: a member's list, saving (idempotent) and unsaving. */
import type { FavouriteKind } from "../core/api/favourites.ts";
import type { Queryable } from "../platform/database/database.ts";

/** One saved thing of a member. */
export interface Favourite {
  kind: FavouriteKind;
  id: string;
  savedAt: string;
}

interface FavouriteRow {
  kind: string;
  target_id: string;
  saved_at: string;
  [key: string]: unknown;
}

export class FavouriteStore {
  constructor(private readonly db: Queryable) {}

  /** The member's favourites, newest first. */
  async list(memberId: string): Promise<Favourite[]> {
    const rows = await this.db.all<FavouriteRow>("SELECT kind, target_id, saved_at FROM favourites WHERE member_id = ? ORDER BY saved_at DESC, kind, target_id", [memberId]);
    return rows.map((r) => ({ kind: r.kind as FavouriteKind, id: r.target_id, savedAt: r.saved_at }));
  }

  async count(memberId: string): Promise<number> {
    const [row] = await this.db.all<{ n: number | string }>("SELECT COUNT(*) AS n FROM favourites WHERE member_id = ?", [memberId]);
    return Number(row?.n ?? 0);
  }

  async get(memberId: string, kind: FavouriteKind, id: string): Promise<Favourite | null> {
    const [row] = await this.db.all<FavouriteRow>("SELECT kind, target_id, saved_at FROM favourites WHERE member_id = ? AND kind = ? AND target_id = ?", [memberId, kind, id]);
    return row ? { kind: row.kind as FavouriteKind, id: row.target_id, savedAt: row.saved_at } : null;
  }

  /** Saves it; saving again keeps the first time. Answers the favourite as stored. */
  async put(memberId: string, kind: FavouriteKind, id: string, savedAt: string): Promise<Favourite> {
    await this.db.run("INSERT INTO favourites (member_id, kind, target_id, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT (member_id, kind, target_id) DO NOTHING", [memberId, kind, id, savedAt]);
    return (await this.get(memberId, kind, id)) ?? { kind, id, savedAt };
  }

  /** Unsaves it; true when it was saved. */
  async remove(memberId: string, kind: FavouriteKind, id: string): Promise<boolean> {
    const existed = (await this.get(memberId, kind, id)) !== null;
    if (existed) await this.db.run("DELETE FROM favourites WHERE member_id = ? AND kind = ? AND target_id = ?", [memberId, kind, id]);
    return existed;
  }
}
