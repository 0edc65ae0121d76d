/**
 * "What happened to our ideas": counts by stage, by unit and by district, the median days
 * to a unit's first answer, the overdue count and the done ideas with before/after photos.
 * Counted in memory over the public ideas the layer holds (one pass; grouping 100,000 rows
 * in SQL took far longer, bench/ideas.bench.ts), with one small query for the done ideas'
 * photos. The same figures are the ones the plan's evaluation cites.
 */
import { IDEA_STAGES } from "../core/api/voice.ts";
import type { Database } from "../platform/database/database.ts";
import type { LayerIdea } from "./idea-layer.ts";
import { ADOPTED_STAGES } from "./idea-stages.ts";

const DAY_MS = 86_400_000;
const DONE_LISTED = 50;

export interface GroupCounts {
  id: string | null;
  name: string;
  total: number;
  answered: number;
  adopted: number;
  done: number;
  overdue: number;
}

export interface AccountabilityFigures {
  total: number;
  byStage: Record<string, number>;
  byUnit: GroupCounts[];
  byDistrict: GroupCounts[];
  adopted: number;
  medianDaysToFirstAnswer: number | null;
  overdue: number;
  deadlineDays: number;
  done: Array<{ id: string; title: string; kind: string; unitName: string | null; doneAt: string; before: string | null; after: string | null }>;
}

/** Names of units and districts, from the plan and the regions. */
export interface FigureNames {
  unitName(id: string | null): string | null;
  districtName(code: string | null): string | null;
}

const ADOPTED = new Set<string>(ADOPTED_STAGES);

/** The median of a typed array (sorted numerically in place). */
function medianOf(values: Float64Array): number | null {
  if (values.length === 0) return null;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** The figures of these public ideas (in `region`, when named), without the photos of the done ones. */
export function countIdeas(ideas: Iterable<LayerIdea>, names: FigureNames, options: { region?: string | undefined; deadlineDays: number; now?: Date }): AccountabilityFigures {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.deadlineDays * DAY_MS).toISOString();
  const byStage = Object.fromEntries(IDEA_STAGES.filter((s) => s !== "merged").map((s) => [s, 0])) as Record<string, number>;
  const units = new Map<string | null, GroupCounts>();
  const districts = new Map<string | null, GroupCounts>();
  const days: number[] = [];
  const done: LayerIdea[] = [];
  const bump = (groups: Map<string | null, GroupCounts>, id: string | null, idea: LayerIdea, late: boolean) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, name: "", total: 0, answered: 0, adopted: 0, done: 0, overdue: 0 }));
    g.total++;
    if (idea.answerDays !== null) g.answered++;
    if (ADOPTED.has(idea.stage)) g.adopted++;
    if (idea.stage === "done") g.done++;
    if (late) g.overdue++;
  };
  for (const idea of ideas) {
    if (options.region !== undefined && idea.regionId !== options.region) continue;
    byStage[idea.stage] = (byStage[idea.stage] ?? 0) + 1;
    const late = idea.answerDays === null && (idea.stage === "new" || idea.stage === "sent") && idea.publishedAt < cutoff;
    bump(units, idea.unitId, idea, late);
    bump(districts, idea.districtCode, idea, late);
    if (idea.answerDays !== null) days.push(idea.answerDays);
    if (idea.stage === "done") done.push(idea);
  }
  const named = (groups: Map<string | null, GroupCounts>, name: (id: string | null) => string | null) =>
    [...groups.values()].map((g) => ({ ...g, name: name(g.id) ?? g.id ?? "未分派 Not yet sent" })).sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  const byUnit = named(units, names.unitName);
  const middle = medianOf(Float64Array.from(days));
  return {
    total: byUnit.reduce((n, g) => n + g.total, 0),
    byStage,
    byUnit,
    byDistrict: named(districts, names.districtName),
    adopted: byUnit.reduce((n, g) => n + g.adopted, 0),
    medianDaysToFirstAnswer: middle === null ? null : Math.round(middle * 10) / 10,
    overdue: byUnit.reduce((n, g) => n + g.overdue, 0),
    deadlineDays: options.deadlineDays,
    done: done.sort((a, b) => ((a.doneAt ?? "") < (b.doneAt ?? "") ? 1 : -1)).slice(0, DONE_LISTED)
      .map((i) => ({ id: i.id, title: i.title, kind: i.kind, unitName: names.unitName(i.unitId), doneAt: i.doneAt ?? "", before: null, after: null })),
  };
}

/** The figures with the first photo and the first result photo of each done idea listed. */
export async function accountabilityFigures(db: Database, ideas: Iterable<LayerIdea>, names: FigureNames, options: { region?: string | undefined; deadlineDays: number; now?: Date }): Promise<AccountabilityFigures> {
  return withPhotos(db, countIdeas(ideas, names, options));
}

/** The figures with the first photo (before) and the first result photo (after) of each done idea listed: one small query. */
export async function withPhotos(db: Database, figures: AccountabilityFigures): Promise<AccountabilityFigures> {
  if (figures.done.length === 0) return figures;
  const ids = figures.done.map((d) => d.id);
  const rows = await db.all<{ idea_id: string; id: string; role: string }>(`SELECT idea_id, id, role FROM idea_photos WHERE role IN ('photo', 'result') AND idea_id IN (${ids.map(() => "?").join(",")}) ORDER BY created_at DESC, id DESC`, ids);
  const first = new Map<string, string>();
  for (const row of rows) first.set(`${row.idea_id}:${row.role}`, `/api/idea-photos/${row.id}`);
  return { ...figures, done: figures.done.map((d) => ({ ...d, before: first.get(`${d.id}:photo`) ?? null, after: first.get(`${d.id}:result`) ?? null })) };
}

/** One unanswered idea past the deadline, for the plan dashboard's overdue list. */
export interface OverdueIdea {
  ideaId: string;
  title: string;
  unitId: string | null;
  taskNumber: number | null;
  publishedAt: string;
  daysWaiting: number;
}

/** Unanswered public ideas past the deadline, longest waiting first (an indexed query: few rows). */
export async function overdueIdeas(db: Database, deadlineDays: number, now = new Date()): Promise<OverdueIdea[]> {
  const cutoff = new Date(now.getTime() - deadlineDays * DAY_MS).toISOString();
  const rows = await db.all("SELECT id, title, unit_id, task_number, published_at FROM ideas WHERE status = 'published' AND stage IN ('new', 'sent') AND first_answer_at IS NULL AND published_at < ? ORDER BY published_at LIMIT 500", [cutoff]);
  return rows.map((r) => ({ ideaId: String(r["id"]), title: String(r["title"]), unitId: (r["unit_id"] as string | null) ?? null, taskNumber: r["task_number"] === null ? null : Number(r["task_number"]), publishedAt: String(r["published_at"]), daysWaiting: Math.floor((now.getTime() - Date.parse(String(r["published_at"]))) / DAY_MS) }));
}
