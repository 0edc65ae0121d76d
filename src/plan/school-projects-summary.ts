/**
 * What completed school-route projects (学径改造) amount to, computed and never reported by
 * hand: the count per county and for the city beside the plan's task-22 targets ("each county
 * at least one demonstration project by 2025, the city 40 or more by 2028"), the indicator
 * values the dashboard counts like approved ones, and the crossings the school-route
 * analysis should take as signalised or zebra. Pure: the service gives it the projects.
 */
import type { SchoolProject, SchoolProjectSummary } from "../core/api/school-projects.ts";
import { SCHOOL_PROJECT_STATUSES } from "../core/api/school-projects.ts";
import type { PlanBook } from "./plan-book.ts";
import type { ReportValue } from "./report-store.ts";

/** The plan task about school routes, when the plan gives no indicator to find it by. */
export const SCHOOL_ROUTE_TASK_NUMBER = 22;
/** The plan's indicator ids for completed projects city-wide and per county (data/plans/hengyang/plan.json). */
export const CITY_PROJECTS_INDICATOR = "school-route-projects";
export const COUNTY_PROJECTS_INDICATOR = "school-route-projects-per-county";
/** The targets of task 22's text, used only when the loaded plan has no such indicator. */
export const CITY_PROJECTS_TARGET = { value: 40, year: 2028 } as const;
export const COUNTY_PROJECTS_TARGET = { value: 1, year: 2025 } as const;

/** A crossing a completed project controls, for the school-route analysis (src/schoolroutes Change). */
export interface CompletedCrossing {
  lon: number;
  lat: number;
  control: "signals" | "zebra";
}

/** The task projects count toward: the one the city indicator belongs to, else task 22. */
export function schoolRouteTask(book: PlanBook): number {
  return book.indicator(CITY_PROJECTS_INDICATOR)?.taskNumbers[0] ?? SCHOOL_ROUTE_TASK_NUMBER;
}

function target(book: PlanBook | null, indicatorId: string, fallback: { value: number; year: number }): { value: number; year: number; indicatorId: string | null } {
  const indicator = book?.indicator(indicatorId);
  if (!indicator) return { ...fallback, indicatorId: null };
  if (indicator.target2028 !== undefined) return { value: indicator.target2028, year: 2028, indicatorId };
  if (indicator.target2025 !== undefined) return { value: indicator.target2025, year: 2025, indicatorId };
  return { ...fallback, indicatorId };
}

/** The plan's district unit for a county code (its divisionCode), if any. */
export function districtUnitOf(book: PlanBook | null, countyCode: string | null): { id: string; name: string } | null {
  if (!book || !countyCode) return null;
  const unit = book.plan.units.find((u) => u.divisionCode === countyCode);
  return unit ? { id: unit.id, name: unit.name } : null;
}

/** Completed projects by county and for the city, beside the targets; every county of the plan listed, none left out for having none. */
export function summarize(book: PlanBook | null, projects: readonly SchoolProject[], region: string | null): SchoolProjectSummary {
  const completed = projects.filter((p) => p.status === "completed");
  const city = target(book, CITY_PROJECTS_INDICATOR, CITY_PROJECTS_TARGET);
  const county = target(book, COUNTY_PROJECTS_INDICATOR, COUNTY_PROJECTS_TARGET);
  const codes = new Set<string>((book?.plan.units ?? []).filter((u) => u.divisionCode && book!.isDistrict(u.id)).map((u) => u.divisionCode!));
  for (const p of completed) if (p.countyCode) codes.add(p.countyCode);
  const counties = [...codes].sort().map((code) => {
    const unit = districtUnitOf(book, code);
    const done = completed.filter((p) => p.countyCode === code).length;
    return { countyCode: code, unitId: unit?.id ?? null, name: unit?.name ?? null, completed: done, target: county.value, targetYear: county.year, met: done >= county.value };
  });
  const byStatus = Object.fromEntries(SCHOOL_PROJECT_STATUSES.map((s) => [s, projects.filter((p) => p.status === s).length]));
  const task = book ? book.task(schoolRouteTask(book)) : undefined;
  const unitIds = book && task ? book.plan.units.filter((u) => book.carries(u.id, task)).map((u) => u.id) : [];
  return { region, city: { completed: completed.length, target: city.value, targetYear: city.year, indicatorId: city.indicatorId }, counties, byStatus, indicatorId: county.indicatorId, unitIds };
}

/**
 * The task-22 indicator values completed projects produce, as certification's do: after each
 * completion date the number completed so far, city-wide and in the project's county. Only
 * indicators the plan has are given values.
 */
export function indicatorValues(book: PlanBook, projects: readonly SchoolProject[]): ReportValue[] {
  const done = projects.filter((p) => p.status === "completed" && p.completedOn).sort((a, b) => (a.completedOn! < b.completedOn! ? -1 : a.completedOn! > b.completedOn! ? 1 : 0));
  const values: ReportValue[] = [];
  const city = book.indicator(CITY_PROJECTS_INDICATOR);
  const perCounty = book.indicator(COUNTY_PROJECTS_INDICATOR);
  done.forEach((project, i) => {
    const on = project.completedOn!;
    if (city && done[i + 1]?.completedOn !== on) values.push({ indicatorId: city.id, districtUnitId: null, value: i + 1, measuredOn: on });
    const unit = districtUnitOf(book, project.countyCode);
    if (!perCounty || !unit || !book.isDistrict(unit.id)) return;
    const sameCounty = done.slice(0, i + 1).filter((p) => p.countyCode === project.countyCode);
    const later = done.slice(i + 1).find((p) => p.countyCode === project.countyCode);
    if (later?.completedOn !== on) values.push({ indicatorId: perCounty.id, districtUnitId: unit.id, value: sameCounty.length, measuredOn: on });
  });
  return values;
}

/** The signals and zebras of completed projects, as the analysis's changes. */
export function completedCrossings(projects: readonly SchoolProject[]): CompletedCrossing[] {
  return projects
    .filter((p) => p.status === "completed")
    .flatMap((p) => p.measures)
    .flatMap((m): CompletedCrossing[] => (m.measure === "signal" ? [{ lon: m.lon, lat: m.lat, control: "signals" }] : m.measure === "zebra" ? [{ lon: m.lon, lat: m.lat, control: "zebra" }] : []));
}
