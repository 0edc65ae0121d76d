/**
 * Children's participation as the plan sees it, through a port: the voice domain gives the
 * plan a source (PlanSupervision.useParticipation) and the plan never imports voice. From it
 * the overdue list shows unanswered ideas beside overdue reports, and the dashboard and the
 * evaluations cite "ideas adopted" and "median days to answer".
 */

/** The figures the evaluation cites. */
export interface ParticipationFigures {
  /** Public ideas (merged ones not counted twice). */
  ideas: number;
  /** Accepted, in progress or done. */
  adopted: number;
  /** Median days from publication to a unit's first answer; null before any answer. */
  medianDaysToAnswer: number | null;
  /** Unanswered past the deadline. */
  overdue: number;
  /** The city's deadline for a first answer, in days. */
  deadlineDays: number;
}

/** One unanswered idea past the deadline. */
export interface OverdueIdea {
  ideaId: string;
  title: string;
  /** The unit it was sent to, or null while it waits to be sent on (the working group's). */
  unitId: string | null;
  taskNumber: number | null;
  publishedAt: string;
  daysWaiting: number;
}

/** What the voice domain provides. */
export interface ParticipationSource {
  figures(): Promise<ParticipationFigures>;
  overdueIdeas(): Promise<OverdueIdea[]>;
}

/** The overdue ideas with their unit's name, as the overdue list shows them. */
export async function overdueIdeasNamed(source: ParticipationSource | null, unitName: (id: string) => string | undefined): Promise<Array<OverdueIdea & { unitName: string | null }>> {
  if (!source) return [];
  return (await source.overdueIdeas()).map((idea) => ({ ...idea, unitName: idea.unitId ? (unitName(idea.unitId) ?? idea.unitId) : null }));
}

/** The evaluation's paragraph on children's ideas, in Chinese (the page's language). */
export function participationParagraph(figures: ParticipationFigures | null): string {
  if (!figures) return "";
  const median = figures.medianDaysToAnswer === null ? "暂无答复" : `${figures.medianDaysToAnswer} 天`;
  return `<h2>五、儿童参与（金点子）</h2>
<p>儿童和家长公开提出的想法 ${figures.ideas} 条，已采纳（含实施中、已完成）${figures.adopted} 条；从公开到负责单位首次答复的中位天数：${median}；超过 ${figures.deadlineDays} 天未答复 ${figures.overdue} 条。</p>`;
}
