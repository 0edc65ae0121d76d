/**
 * The "what happened to our ideas" figures counted by the database itself, in one pass over
 * the public ideas: one GROUP BY unit, district and stage (a few thousand groups at most)
 * with FILTER aggregates for the answered and overdue counts, folded here into the stage,
 * unit and district tables; the median days to a first answer by one ordered read at the
 * middle offset; the 50 latest done ideas. The covering partial indexes of migration 0003-idea-figures serve all three, so
 * the figures stay within the page's budget at 100,000 ideas without any cache
 * (bench/ideas.bench.ts). Same answers as countIdeas over the layer (idea-rules.test.ts).
 */
import { IDEA_STAGES } from "../core/api/voice.ts";
import type { Database, SqlValue } from "../platform/database/database.ts";
import { type AccountabilityFigures, type FigureNames, type GroupCounts, withPhotos } from "./accountability-figures.ts";
import { ADOPTED_STAGES } from "./idea-stages.ts";

const DAY_MS = 86_400_000;
const DONE_LISTED = 50;
const ADOPTED = new Set<string>(ADOPTED_STAGES);
/** The public ideas the figures count; the partial indexes carry the same condition. */
const PUBLIC = "status = 'published' AND stage <> 'merged'";

type GroupRow = {
  unit_id: string | null;
  district_code: string | null;
  stage: string;
  n: number | string;
  answered: number | string;
  late: number | string;
};

/**
 * The median of the public ideas' days to a first answer, of `answered` such ideas: the one
 * or two values at the middle of ideas_answered, read in order and stopped there. On
 * PostgreSQL this beat percentile_cont, which sorts every answered value again even when the
 * index hands them over in order (3 against 10 ms at 100,000 ideas, bench/ideas.bench.ts).
 */
async function medianDays(db: Database, where: string, params: readonly SqlValue[], answered: number): Promise<number | null> {
  if (answered === 0) return null;
  const rows = await db.all<{ answer_days: number | string }>(`SELECT answer_days FROM ideas WHERE ${where} AND answer_days IS NOT NULL ORDER BY answer_days LIMIT ? OFFSET ?`, [...params, 2 - (answered % 2), (answered - 1) >> 1]);
  return rows.length === 0 ? null : rows.reduce((sum, r) => sum + Number(r.answer_days), 0) / rows.length;
}

/** The figures of the public ideas (in `region`, when named), counted in SQL, with the done ideas' photos. */
export async function figuresFromDatabase(db: Database, names: FigureNames, options: { region?: string | undefined; deadlineDays: number; now?: Date }): Promise<AccountabilityFigures> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.deadlineDays * DAY_MS).toISOString();
  const where = options.region === undefined ? PUBLIC : `${PUBLIC} AND region_id = ?`;
  const params: SqlValue[] = options.region === undefined ? [] : [options.region];
  const groups = await db.all<GroupRow>(
    `SELECT unit_id, district_code, stage, COUNT(*) AS n, COUNT(answer_days) AS answered,
       COUNT(*) FILTER (WHERE answer_days IS NULL AND stage IN ('new', 'sent') AND published_at < ?) AS late
     FROM ideas WHERE ${where} GROUP BY unit_id, district_code, stage`,
    [cutoff, ...params],
  );
  const byStage = Object.fromEntries(IDEA_STAGES.filter((s) => s !== "merged").map((s) => [s, 0])) as Record<string, number>;
  const units = new Map<string | null, GroupCounts>();
  const districts = new Map<string | null, GroupCounts>();
  const add = (into: Map<string | null, GroupCounts>, id: string | null, row: GroupRow) => {
    let g = into.get(id);
    if (!g) into.set(id, (g = { id, name: "", total: 0, answered: 0, adopted: 0, done: 0, overdue: 0 }));
    const n = Number(row.n);
    g.total += n;
    g.answered += Number(row.answered);
    if (ADOPTED.has(row.stage)) g.adopted += n;
    if (row.stage === "done") g.done += n;
    g.overdue += Number(row.late);
  };
  let answered = 0;
  for (const row of groups) {
    byStage[row.stage] = (byStage[row.stage] ?? 0) + Number(row.n);
    answered += Number(row.answered);
    add(units, row.unit_id, row);
    add(districts, row.district_code, row);
  }
  const named = (into: Map<string | null, GroupCounts>, name: (id: string | null) => string | null) =>
    [...into.values()].map((g) => ({ ...g, name: name(g.id) ?? g.id ?? "未分派 Not yet sent" })).sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  const byUnit = named(units, names.unitName);
  const [middle, done] = await Promise.all([
    medianDays(db, where, params, answered),
    // Read backwards along ideas_done (status, stage, done_at, id), stopping at the 50th.
    db.all<{ id: string; title: string; kind: string; unit_id: string | null; done_at: string }>(`SELECT id, title, kind, unit_id, done_at FROM ideas WHERE status = 'published' AND stage = 'done'${options.region === undefined ? "" : " AND region_id = ?"} ORDER BY done_at DESC, id DESC LIMIT ${DONE_LISTED}`, params),
  ]);
  return withPhotos(db, {
    total: byUnit.reduce((n, g) => n + g.total, 0),
    byStage,
    byUnit,
    byDistrict: named(districts, names.districtName),
    adopted: byUnit.reduce((n, g) => n + g.adopted, 0),
    medianDaysToFirstAnswer: middle === null ? null : Math.round(middle * 10) / 10,
    overdue: byUnit.reduce((n, g) => n + g.overdue, 0),
    deadlineDays: options.deadlineDays,
    done: done.map((i) => ({ id: i.id, title: i.title, kind: i.kind, unitName: names.unitName(i.unit_id), doneAt: i.done_at ?? "", before: null, after: null })),
  });
}
