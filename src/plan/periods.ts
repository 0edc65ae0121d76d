/**
 * Reporting periods: quarters by default ("2025-Q3"), halves or years when a city prefers
 * (configurable per installation). A period's report is due a number of days after it
 * ends; the reminder colours follow 督查督办 practice: green (in time), yellow (due soon or
 * sent back), red (overdue).
 */
export const PERIOD_KINDS = ["quarter", "half", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

export interface Period {
  id: string;
  start: string;
  /** Last day of the period (inclusive), YYYY-MM-DD. */
  end: string;
}

/** Days after a period's end by which its report is due, and how early the reminder turns yellow. */
export const DUE_DAYS_AFTER_END = 15;
export const REMIND_DAYS_BEFORE_DUE = 10;

const iso = (date: Date) => date.toISOString().slice(0, 10);
const lastDayOfMonth = (year: number, month: number) => iso(new Date(Date.UTC(year, month, 0)));

/** The period with this id, or null when it is not one (wrong shape, or not of `kind`). */
export function parsePeriod(id: string, kind: PeriodKind): Period | null {
  const match = PERIOD_PATTERN.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2];
  if (kind === "year" && !part) return { id, start: `${year}-01-01`, end: `${year}-12-31` };
  if (kind === "quarter" && part?.startsWith("Q")) {
    const q = Number(part[1]);
    return { id, start: `${year}-${String(q * 3 - 2).padStart(2, "0")}-01`, end: lastDayOfMonth(year, q * 3) };
  }
  if (kind === "half" && part?.startsWith("H")) {
    const h = Number(part[1]);
    return { id, start: `${year}-${h === 1 ? "01" : "07"}-01`, end: lastDayOfMonth(year, h * 6) };
  }
  return null;
}

/** Every period from the plan's first year up to and including the one containing `today`. */
export function periodsUntil(firstYear: number, today: string, kind: PeriodKind): Period[] {
  const out: Period[] = [];
  const lastYear = Number(today.slice(0, 4));
  const parts = kind === "quarter" ? ["Q1", "Q2", "Q3", "Q4"] : kind === "half" ? ["H1", "H2"] : [""];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const part of parts) {
      const period = parsePeriod(part ? `${year}-${part}` : String(year), kind)!;
      if (period.start <= today) out.push(period);
    }
  }
  return out;
}

export function dueDate(period: Period): string {
  const end = new Date(`${period.end}T00:00:00Z`);
  return iso(new Date(end.getTime() + DUE_DAYS_AFTER_END * 86_400_000));
}

export type Reminder = "green" | "yellow" | "red";

/**
 * The reminder colour of one expected report: green once submitted or approved in time,
 * yellow when sent back or due within REMIND_DAYS_BEFORE_DUE, red when past due and not
 * submitted.
 */
export function reminderOf(period: Period, state: string | null, today: string): Reminder {
  if (state === "approved" || state === "submitted") return "green";
  const due = dueDate(period);
  if (today > due) return "red";
  if (state === "returned") return "yellow";
  const daysLeft = (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return daysLeft <= REMIND_DAYS_BEFORE_DUE ? "yellow" : "green";
}

/** The plan's time zone: dates of reports and deadlines are the city's calendar days. */
export const PLAN_TIME_ZONE = "Asia/Shanghai";

/** Today's date (YYYY-MM-DD) in the city, not in UTC: before 08:00 in Hengyang UTC is still yesterday. */
export function cityToday(now = new Date(), timeZone = PLAN_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Whole days a period's report is past its due date on `today` (0 until then). */
export function daysLate(period: Period, today: string): number {
  return Math.max(0, Math.round(dayNumber(today) - dayNumber(dueDate(period))));
}

/**
 * True when a period is owed under a reporting start: it ends on or after the day the city
 * began reporting in the system. Periods that ended before it have no data, they are not late.
 */
export function owedFrom(period: Period, reportingStarts: string): boolean {
  return period.end >= reportingStarts;
}
