/**
 * How the school-route page words its numbers: shares as percentages (or "—" when there is
 * nothing to share), the change a what-if made, the crossings' controls, and the schools
 * ordered worst first (the smallest safe share of the most floor area comes first).
 */
import type { SchoolSummary } from "./schoolroutes-api.ts";

export const CONTROL_COLORS = { signals: "#2b8a3e", zebra: "#1971c2", unmarked: "#e67700", none: "#c92a2a" } as const;

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 1000) / 10}%`;
}

/** "+12.5 个百分点" style change, or "" when nothing moved (to a tenth of a point). */
export function shareChange(before: number | null | undefined, after: number | null | undefined): number | null {
  if (before === null || before === undefined || after === null || after === undefined) return null;
  const points = Math.round((after - before) * 1000) / 10;
  return points === 0 ? null : points;
}

/** Schools that children walk to first, the least safe first; ties by name. */
export function worstFirst(schools: readonly SchoolSummary[]): SchoolSummary[] {
  return [...schools].sort((a, b) => {
    const walked = Number(b.homes > 0) - Number(a.homes > 0);
    if (walked !== 0) return walked;
    return (a.safeShare ?? 1) - (b.safeShare ?? 1) || b.areaM2 - a.areaM2 || a.name.localeCompare(b.name);
  });
}

/** Line width (px) of a walk carrying `areaM2` of homes, against the school's largest. */
export function walkWidth(areaM2: number, maxM2: number): number {
  if (maxM2 <= 0) return 1.5;
  return Math.round((1.5 + 8.5 * Math.sqrt(Math.min(1, areaM2 / maxM2))) * 10) / 10;
}
