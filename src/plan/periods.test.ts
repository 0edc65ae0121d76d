/** Reporting periods: parsing every kind, listing them up to a day, deadlines and reminder colours. */
import { describe, expect, it } from "vitest";
import { DUE_DAYS_AFTER_END, REMIND_DAYS_BEFORE_DUE, dueDate, parsePeriod, periodsUntil, reminderOf } from "./periods.ts";

describe("parsePeriod", () => {
  it("reads each quarter with its first and last day", () => {
    expect(parsePeriod("2025-Q1", "quarter")).toEqual({ id: "2025-Q1", start: "2025-01-01", end: "2025-03-31" });
    expect(parsePeriod("2025-Q2", "quarter")).toEqual({ id: "2025-Q2", start: "2025-04-01", end: "2025-06-30" });
    expect(parsePeriod("2025-Q3", "quarter")).toEqual({ id: "2025-Q3", start: "2025-07-01", end: "2025-09-30" });
    expect(parsePeriod("2025-Q4", "quarter")).toEqual({ id: "2025-Q4", start: "2025-10-01", end: "2025-12-31" });
  });

  it("reads halves and years", () => {
    expect(parsePeriod("2024-H1", "half")).toEqual({ id: "2024-H1", start: "2024-01-01", end: "2024-06-30" });
    expect(parsePeriod("2024-H2", "half")).toEqual({ id: "2024-H2", start: "2024-07-01", end: "2024-12-31" });
    expect(parsePeriod("2024", "year")).toEqual({ id: "2024", start: "2024-01-01", end: "2024-12-31" });
  });

  it("gives the same days in leap and common years (no period ends in February)", () => {
    for (const year of [2024, 2025, 2100, 2000]) {
      expect(parsePeriod(`${year}-Q1`, "quarter")?.end).toBe(`${year}-03-31`);
      expect(parsePeriod(`${year}-H1`, "half")?.end).toBe(`${year}-06-30`);
      expect(parsePeriod(String(year), "year")?.end).toBe(`${year}-12-31`);
    }
  });

  it("refuses ids of the wrong shape", () => {
    for (const id of ["2025-Q5", "2025-Q0", "2025-H3", "2025-H0", "2025-q1", "2025Q1", "25-Q1", "2025-Q1 ", " 2025", "2025-", "2025-Y", "", "Q1-2025", "20250-Q1"]) {
      expect({ id, quarter: parsePeriod(id, "quarter"), half: parsePeriod(id, "half"), year: parsePeriod(id, "year") }).toEqual({ id, quarter: null, half: null, year: null });
    }
  });

  it("refuses ids of another kind", () => {
    expect(parsePeriod("2025-Q1", "half")).toBeNull();
    expect(parsePeriod("2025-Q1", "year")).toBeNull();
    expect(parsePeriod("2025-H1", "quarter")).toBeNull();
    expect(parsePeriod("2025-H1", "year")).toBeNull();
    expect(parsePeriod("2025", "quarter")).toBeNull();
    expect(parsePeriod("2025", "half")).toBeNull();
  });
});

describe("periodsUntil", () => {
  it("lists every quarter from the first year up to the one containing today", () => {
    expect(periodsUntil(2024, "2025-05-10", "quarter").map((p) => p.id)).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]);
  });

  it("includes a period from its first day, not before", () => {
    expect(periodsUntil(2025, "2025-03-31", "quarter").map((p) => p.id)).toEqual(["2025-Q1"]);
    expect(periodsUntil(2025, "2025-04-01", "quarter").map((p) => p.id)).toEqual(["2025-Q1", "2025-Q2"]);
    expect(periodsUntil(2024, "2024-02-29", "quarter").map((p) => p.id)).toEqual(["2024-Q1"]);
  });

  it("lists halves and years", () => {
    expect(periodsUntil(2024, "2025-07-01", "half").map((p) => p.id)).toEqual(["2024-H1", "2024-H2", "2025-H1", "2025-H2"]);
    expect(periodsUntil(2024, "2025-06-30", "half").map((p) => p.id)).toEqual(["2024-H1", "2024-H2", "2025-H1"]);
    expect(periodsUntil(2024, "2026-01-01", "year").map((p) => p.id)).toEqual(["2024", "2025", "2026"]);
  });

  it("is empty before the plan's first year", () => {
    expect(periodsUntil(2024, "2023-12-31", "quarter")).toEqual([]);
  });

  it("returns whole periods, as parsePeriod reads them", () => {
    for (const period of periodsUntil(2024, "2026-12-31", "quarter")) expect(parsePeriod(period.id, "quarter")).toEqual(period);
  });
});

describe("dueDate", () => {
  it(`falls ${DUE_DAYS_AFTER_END} days after the period's last day, across month and year ends`, () => {
    expect(DUE_DAYS_AFTER_END).toBe(15);
    expect(dueDate(parsePeriod("2025-Q1", "quarter")!)).toBe("2025-04-15");
    expect(dueDate(parsePeriod("2025-Q3", "quarter")!)).toBe("2025-10-15");
    expect(dueDate(parsePeriod("2024-Q4", "quarter")!)).toBe("2025-01-15");
    expect(dueDate(parsePeriod("2024-H1", "half")!)).toBe("2024-07-15");
    expect(dueDate(parsePeriod("2025", "year")!)).toBe("2026-01-15");
  });
});

describe("reminderOf", () => {
  const q1 = parsePeriod("2025-Q1", "quarter")!; // due 2025-04-15

  it("is green once submitted or approved, even late", () => {
    for (const state of ["submitted", "approved"]) {
      expect(reminderOf(q1, state, "2025-04-01")).toBe("green");
      expect(reminderOf(q1, state, "2026-01-01")).toBe("green");
    }
  });

  it(`turns yellow ${REMIND_DAYS_BEFORE_DUE} days before the deadline and red the day after it`, () => {
    expect(REMIND_DAYS_BEFORE_DUE).toBe(10);
    for (const state of [null, "draft"]) {
      expect(reminderOf(q1, state, "2025-03-15")).toBe("green");
      expect(reminderOf(q1, state, "2025-04-04")).toBe("green");
      expect(reminderOf(q1, state, "2025-04-05")).toBe("yellow");
      expect(reminderOf(q1, state, "2025-04-15")).toBe("yellow");
      expect(reminderOf(q1, state, "2025-04-16")).toBe("red");
      expect(reminderOf(q1, state, "2025-12-31")).toBe("red");
    }
  });

  it("is yellow for a returned report however far the deadline, red past it", () => {
    expect(reminderOf(q1, "returned", "2025-03-01")).toBe("yellow");
    expect(reminderOf(q1, "returned", "2025-04-15")).toBe("yellow");
    expect(reminderOf(q1, "returned", "2025-04-16")).toBe("red");
  });

  it("counts days across a year end", () => {
    const q4 = parsePeriod("2024-Q4", "quarter")!; // due 2025-01-15
    expect(reminderOf(q4, null, "2025-01-04")).toBe("green");
    expect(reminderOf(q4, null, "2025-01-05")).toBe("yellow");
    expect(reminderOf(q4, null, "2025-01-16")).toBe("red");
  });
});
