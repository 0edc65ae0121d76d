/**
 * The public ideas in memory: every public idea's summary, and those with a point on the map
 * in a grid of CELL-degree cells, so a map view reads the few cells it covers instead of the
 * table, and the accountability figures count in memory instead of grouping 100,000 rows
 * (bench/ideas.bench.ts measures both beside plain SQL). It is a cache: the database is the
 * record. `LiveIdeaLayer` applies this instance's own changes at once and reads the rows
 * other instances changed (by `changed_at`, with an overlap for clock skew) at most once a
 * second, and everything again every ten minutes.
 */
import type { BBox } from "../core/geo.ts";
import type { IdeaKind, IdeaStage } from "../core/api/voice.ts";

/** What the layer shows of an idea, and what the public figures count. */
export interface LayerIdea {
  id: string;
  kind: IdeaKind;
  title: string;
  stage: IdeaStage;
  supportCount: number;
  lon: number;
  lat: number;
  /** False for a council decision without place or point: counted, not drawn. */
  onMap: boolean;
  publishedAt: string;
  regionId: string;
  unitId: string | null;
  districtCode: string | null;
  /** Days from publication to the unit's first answer; null while unanswered. */
  answerDays: number | null;
  doneAt: string | null;
}

const CELL = 0.01;
const ROWS = 20_000;
const cellOf = (lon: number, lat: number) => Math.floor((lon + 180) / CELL) * ROWS + Math.floor((lat + 90) / CELL);

/** A grid of ideas by public point, changed one idea at a time. */
export class IdeaLayer {
  private readonly cells = new Map<number, Map<string, LayerIdea>>();
  private readonly cellById = new Map<string, number>();
  private readonly byId = new Map<string, LayerIdea>();
  private changes = 0;

  /** Grows with every change, so what is computed from the layer can be kept until it moves. */
  get version(): number {
    return this.changes;
  }

  /** How many public ideas it holds (on the map or not). */
  get size(): number {
    return this.byId.size;
  }

  /** Every public idea it holds. */
  all(): IterableIterator<LayerIdea> {
    return this.byId.values();
  }

  put(idea: LayerIdea): void {
    this.remove(idea.id);
    this.changes++;
    this.byId.set(idea.id, idea);
    if (!idea.onMap) return;
    const key = cellOf(idea.lon, idea.lat);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = new Map()));
    cell.set(idea.id, idea);
    this.cellById.set(idea.id, key);
  }

  remove(id: string): void {
    if (this.byId.delete(id)) this.changes++;
    const key = this.cellById.get(id);
    if (key === undefined) return;
    const cell = this.cells.get(key);
    cell?.delete(id);
    if (cell?.size === 0) this.cells.delete(key);
    this.cellById.delete(id);
  }

  clear(): void {
    this.changes++;
    this.byId.clear();
    this.cells.clear();
    this.cellById.clear();
  }

  /** The ideas inside `bbox` (of `kind`, when given), at most `limit`; `truncated` when more. */
  query(bbox: BBox, kind: IdeaKind | undefined, limit: number): { ideas: LayerIdea[]; truncated: boolean } {
    const [minLon, minLat, maxLon, maxLat] = bbox;
    const x0 = Math.floor((minLon + 180) / CELL), x1 = Math.floor((maxLon + 180) / CELL);
    const y0 = Math.floor((minLat + 90) / CELL), y1 = Math.floor((maxLat + 90) / CELL);
    const out: LayerIdea[] = [];
    const take = (cell: Map<string, LayerIdea>): boolean => {
      for (const idea of cell.values()) {
        if (idea.lon < minLon || idea.lon > maxLon || idea.lat < minLat || idea.lat > maxLat) continue;
        if (kind !== undefined && idea.kind !== kind) continue;
        if (out.length === limit) return false;
        out.push(idea);
      }
      return true;
    };
    // A wide view covers more cells than hold anything: walk the filled ones instead.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size) {
      for (const [key, cell] of this.cells) {
        const x = Math.floor(key / ROWS), y = key % ROWS;
        if (x < x0 || x > x1 || y < y0 || y > y1) continue;
        if (!take(cell)) return { ideas: out, truncated: true };
      }
      return { ideas: out, truncated: false };
    }
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const cell = this.cells.get(x * ROWS + y);
        if (cell && !take(cell)) return { ideas: out, truncated: true };
      }
    }
    return { ideas: out, truncated: false };
  }
}

/** Where the live layer reads rows from: every public idea, or those changed or deleted since a time. */
export interface LayerSource {
  /** Rows changed at or after `since` (ISO), with whether each is public now, and the ids deleted since. */
  changedSince(since: string | null): Promise<{ changed: Array<{ idea: LayerIdea; shown: boolean }>; deleted: string[] }>;
}

const CHECK_MS = 1000;
const FULL_MS = 600_000;
const SKEW_MS = 60_000;

/** The layer kept in step with the database. */
export class LiveIdeaLayer {
  readonly layer = new IdeaLayer();
  private seenUntil: string | null = null;
  private checkedAt = 0;
  private fullAt = 0;
  private pending: Promise<void> | null = null;

  constructor(private readonly source: LayerSource, private readonly clock: () => number = Date.now) {}

  /** Reads what changed elsewhere, when it is time to; concurrent callers share one read. */
  async fresh(): Promise<IdeaLayer> {
    const now = this.clock();
    if (now - this.checkedAt >= CHECK_MS) this.pending ??= this.refresh(now).finally(() => (this.pending = null));
    if (this.pending) await this.pending;
    return this.layer;
  }

  /** Makes the next read look at the database (a change made inside someone else's transaction). */
  invalidate(): void {
    this.checkedAt = 0;
  }

  /** Applies one idea's row (after this instance changed it). */
  apply(idea: LayerIdea, shown: boolean): void {
    if (shown) this.layer.put(idea);
    else this.layer.remove(idea.id);
  }

  private async refresh(now: number): Promise<void> {
    const full = now - this.fullAt >= FULL_MS;
    const since = full || this.seenUntil === null ? null : new Date(Date.parse(this.seenUntil) - SKEW_MS).toISOString();
    const startedAt = new Date(now).toISOString();
    const { changed, deleted } = await this.source.changedSince(since);
    if (full) this.layer.clear();
    for (const row of changed) this.apply(row.idea, row.shown);
    for (const id of deleted) this.layer.remove(id);
    this.seenUntil = startedAt;
    this.checkedAt = now;
    if (full) this.fullAt = now;
  }
}
