/**
 * Polls in the database: the poll with its options, option images (JPEG, metadata already
 * stripped), votes (one row per member per poll, changed in place) and results. A poll is
 * closed when its closing time has passed or an organiser closed it early; its results are
 * counted from the votes, or read from the counts kept when the votes were deleted.
 */
import { randomUUID } from "node:crypto";
import { AGE_BANDS, type AgeBand, type PollIcon } from "../../core/api/councils-vocabulary.ts";
import type { Database, Queryable } from "../../platform/database/database.ts";

export interface StoredOption {
  id: string;
  label: string;
  icon: PollIcon | null;
  hasImage: boolean;
}

export interface Suggestion {
  lat: number;
  lon: number;
  kind: string | null;
  minutes: number | null;
}

export interface StoredPoll {
  id: string;
  question: string;
  options: StoredOption[];
  minAge: number;
  maxAge: number;
  regionId: string;
  divisionCode: string | null;
  councilId: string | null;
  suggestion: Suggestion | null;
  closesAt: string;
  closedAt: string | null;
  createdBy: string | null;
  /** The maker's unit, so a colleague of the same unit may run it too. */
  createdUnit: string | null;
  createdAt: string;
  /** The counts kept once the votes were deleted, or null while votes are kept. */
  keptResults: PollResults | null;
}

export type BandCounts = Record<AgeBand, number>;

export interface PollResults {
  total: number;
  byBand: BandCounts;
  options: Array<{ optionId: string; total: number; byBand: BandCounts }>;
}

interface PollRow {
  id: string;
  question: string;
  min_age: number | string;
  max_age: number | string;
  region_id: string;
  division_code: string | null;
  council_id: string | null;
  suggestion: string | null;
  closes_at: string;
  closed_at: string | null;
  results: string | null;
  created_by: string | null;
  created_unit: string | null;
  created_at: string;
}

export type NewPoll = Omit<StoredPoll, "id" | "options" | "closedAt" | "createdAt" | "keptResults"> & { options: Array<{ label: string; icon: PollIcon | null }> };

/** Whether the poll takes no more votes at `now`. */
export function isClosed(poll: Pick<StoredPoll, "closesAt" | "closedAt">, now = new Date()): boolean {
  return poll.closedAt !== null || new Date(poll.closesAt).getTime() <= now.getTime();
}

const zeroBands = (): BandCounts => Object.fromEntries(AGE_BANDS.map((band) => [band, 0])) as BandCounts;

/** Polls read from their rows, with their options. */
async function withOptions(db: Queryable, rows: PollRow[]): Promise<StoredPoll[]> {
  if (rows.length === 0) return [];
  const options = await db.all<{ id: string; poll_id: string; label: string; icon: string | null; has_image: number | string }>(
    `SELECT id, poll_id, label, icon, CASE WHEN image_data IS NULL THEN 0 ELSE 1 END AS has_image FROM poll_options WHERE poll_id IN (${rows.map(() => "?").join(", ")}) ORDER BY position`,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    question: row.question,
    options: options.filter((o) => o.poll_id === row.id).map((o) => ({ id: o.id, label: o.label, icon: o.icon as PollIcon | null, hasImage: Number(o.has_image) === 1 })),
    minAge: Number(row.min_age),
    maxAge: Number(row.max_age),
    regionId: row.region_id,
    divisionCode: row.division_code,
    councilId: row.council_id,
    suggestion: row.suggestion ? (JSON.parse(row.suggestion) as Suggestion) : null,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
    createdBy: row.created_by,
    createdUnit: row.created_unit,
    createdAt: row.created_at,
    keptResults: row.results ? (JSON.parse(row.results) as PollResults) : null,
  }));
}

/** One poll with its options, or null. */
export async function pollById(db: Queryable, id: string): Promise<StoredPoll | null> {
  const rows = await db.all<PollRow & Record<string, unknown>>("SELECT * FROM polls WHERE id = ?", [id]);
  return (await withOptions(db, rows))[0] ?? null;
}

/** The counts per option and age band: the kept ones, or counted from the votes. */
export async function countResults(db: Queryable, poll: StoredPoll): Promise<PollResults> {
  if (poll.keptResults) return poll.keptResults;
  const rows = await db.all<{ option_id: string; age_band: string; n: number | string }>(
    "SELECT option_id, age_band, COUNT(*) AS n FROM poll_votes WHERE poll_id = ? GROUP BY option_id, age_band",
    [poll.id],
  );
  const byBand = zeroBands();
  const options = poll.options.map((o) => ({ optionId: o.id, total: 0, byBand: zeroBands() }));
  for (const row of rows) {
    const option = options.find((o) => o.optionId === row.option_id);
    const band = row.age_band as AgeBand;
    if (!option || !(band in byBand)) continue;
    const n = Number(row.n);
    option.total += n;
    option.byBand[band] += n;
    byBand[band] += n;
  }
  return { total: options.reduce((sum, o) => sum + o.total, 0), byBand, options };
}

export class PollStore {
  constructor(private readonly db: Database) {}

  async insert(poll: NewPoll): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      await tx.run(
        "INSERT INTO polls (id, question, min_age, max_age, region_id, division_code, council_id, suggestion, closes_at, created_by, created_unit, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [id, poll.question, poll.minAge, poll.maxAge, poll.regionId, poll.divisionCode, poll.councilId, poll.suggestion ? JSON.stringify(poll.suggestion) : null, new Date(poll.closesAt).toISOString(), poll.createdBy, poll.createdUnit, now],
      );
      for (const [position, option] of poll.options.entries()) {
        await tx.run("INSERT INTO poll_options (id, poll_id, position, label, icon) VALUES (?, ?, ?, ?, ?)", [randomUUID(), id, position, option.label, option.icon]);
      }
    });
    return id;
  }

  async get(id: string): Promise<StoredPoll | null> {
    return pollById(this.db, id);
  }

  /** Polls of a region (or all), open first by closing time, then the most recently closed; at most 200. */
  async list(filter: { region?: string | undefined; state?: "open" | "closed" | undefined }, now = new Date()): Promise<StoredPoll[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.region) {
      where.push("region_id = ?");
      params.push(filter.region);
    }
    const at = now.toISOString();
    if (filter.state) {
      where.push(filter.state === "open" ? "closed_at IS NULL AND closes_at > ?" : "(closed_at IS NOT NULL OR closes_at <= ?)");
      params.push(at);
    }
    const rows = await this.db.all<PollRow & Record<string, unknown>>(`SELECT * FROM polls ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY closes_at DESC LIMIT 200`, params);
    return withOptions(this.db, rows);
  }

  async setImage(optionId: string, image: { mediaType: string; data: Buffer }): Promise<void> {
    await this.db.run("UPDATE poll_options SET image_type = ?, image_data = ? WHERE id = ?", [image.mediaType, image.data.toString("base64"), optionId]);
  }

  async image(pollId: string, optionId: string): Promise<{ mediaType: string; data: Buffer } | null> {
    const rows = await this.db.all<{ image_type: string | null; image_data: string | null }>("SELECT image_type, image_data FROM poll_options WHERE id = ? AND poll_id = ?", [optionId, pollId]);
    const row = rows[0];
    return row?.image_type && row.image_data ? { mediaType: row.image_type, data: Buffer.from(row.image_data, "base64") } : null;
  }

  /**
   * Records or changes `memberId`'s vote in one statement that also checks the poll is open,
   * so no transaction spans two statements (SQLite's one connection is shared by every
   * request) and simultaneous votes of one member leave one row. Answers false when closed.
   */
  async vote(pollId: string, memberId: string, optionId: string, band: AgeBand, now = new Date()): Promise<boolean> {
    const at = now.toISOString();
    const rows = await this.db.all(
      `INSERT INTO poll_votes (poll_id, member_id, option_id, age_band, voted_at)
       SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM polls WHERE id = ? AND closed_at IS NULL AND closes_at > ?)
       ON CONFLICT (poll_id, member_id) DO UPDATE SET option_id = excluded.option_id, age_band = excluded.age_band, voted_at = excluded.voted_at
       RETURNING option_id`,
      [pollId, memberId, optionId, band, at, pollId, at],
    );
    return rows.length === 1;
  }

  /** Takes back a vote while the poll is open (one statement); false when it has closed. */
  async unvote(pollId: string, memberId: string, now = new Date()): Promise<boolean> {
    const at = now.toISOString();
    await this.db.run("DELETE FROM poll_votes WHERE poll_id = ? AND member_id = ? AND EXISTS (SELECT 1 FROM polls WHERE id = ? AND closed_at IS NULL AND closes_at > ?)", [pollId, memberId, pollId, at]);
    const poll = await this.get(pollId);
    return poll !== null && !isClosed(poll, now);
  }

  async voteOf(pollId: string, memberId: string): Promise<string | null> {
    const rows = await this.db.all<{ option_id: string }>("SELECT option_id FROM poll_votes WHERE poll_id = ? AND member_id = ?", [pollId, memberId]);
    return rows[0]?.option_id ?? null;
  }

  /** Closes the poll now, in one statement; false when it was closed already. */
  async close(pollId: string, now = new Date()): Promise<boolean> {
    const at = now.toISOString();
    const rows = await this.db.all("UPDATE polls SET closed_at = ? WHERE id = ? AND closed_at IS NULL AND closes_at > ? RETURNING id", [at, pollId, at]);
    return rows.length === 1;
  }

  /** The counts per option and age band: the kept ones, or counted from the votes. */
  async results(poll: StoredPoll): Promise<PollResults> {
    return countResults(this.db, poll);
  }

  /** Whether a member belongs to a council (a council poll takes only its members' votes). */
  async inCouncil(councilId: string, memberId: string): Promise<boolean> {
    return (await this.db.all("SELECT 1 AS here FROM council_members WHERE council_id = ? AND member_id = ?", [councilId, memberId])).length > 0;
  }
}
