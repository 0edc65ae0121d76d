/**
 * Task 12's free and low-cost children's activities as the plan sees them, through a port: the
 * events domain gives the plan a source (PlanSupervision.useActivities) and the plan never
 * imports events. The evaluation cites the occurrences held in the plan's period up to its
 * cut-off, by district, beside the indicators the units report (the plan's annex gives task 12
 * no indicator of its own; this count is what the venues' published events show). The page's
 * paragraph is in evaluation-page.ts.
 */
/** Occurrences held in one district (or all of them), free and low-cost apart. */
export interface ActivityCount {
  district: string | null;
  free: number;
  low: number;
  total: number;
  /** Distinct events behind the occurrences. */
  events: number;
}

export interface ActivityFigures {
  from: string;
  to: string;
  /** The highest price (yuan) that counts as low-cost. */
  lowCostMaxYuan: number;
  districts: ActivityCount[];
  total: ActivityCount;
}

/** What the events domain provides: the count over a period (dates, both included). */
export interface ActivitySource {
  /** The plan task the count speaks to. */
  readonly taskNumber: number;
  figures(from: string, to: string): Promise<ActivityFigures>;
}
