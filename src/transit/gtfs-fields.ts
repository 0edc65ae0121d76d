/**
 * Checks of single GTFS values (times past 24:00, dates, coordinates, colours, enums), each
 * answering the value or a reason in both languages, and the collector that turns reasons
 * into problems naming file, line and column (at most 50 kept, the count of the rest said).
 */
import type { FeedProblem } from "./gtfs-csv.ts";

export type Checked<T> = { ok: T } | { zh: string; en: string };

/** "25:10:00" → 90600 seconds; "" when allowed → null. */
export function gtfsTime(text: string): Checked<number> {
  // The common case ("08:15:00", "25:10:00") read digit by digit: millions of stop times.
  const n = text.length;
  if ((n === 8 || n === 7) && text.charCodeAt(n - 3) === 58 && text.charCodeAt(n - 6) === 58) {
    const d = (i: number) => text.charCodeAt(i) - 48;
    const h = n === 8 ? d(0) * 10 + d(1) : d(0);
    const m = d(n - 5) * 10 + d(n - 4), s = d(n - 2) * 10 + d(n - 1);
    const digits = [0, n - 7, n - 5, n - 4, n - 2, n - 1].every((i) => { const c = d(i); return c >= 0 && c <= 9; });
    if (digits && d(n - 5) <= 5 && d(n - 2) <= 5) return { ok: h * 3600 + m * 60 + s };
  }
  const m = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(text);
  if (!m) return { zh: `时间“${text.slice(0, 20)}”应写成 HH:MM:SS（可超过 24:00）`, en: `time "${text.slice(0, 20)}" is not HH:MM:SS (past 24:00 allowed)` };
  return { ok: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) };
}

/** "20261203" → 20261203, a real calendar date. */
export function gtfsDate(text: string): Checked<number> {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const bad = { zh: `日期“${text.slice(0, 20)}”应写成 YYYYMMDD`, en: `date "${text.slice(0, 20)}" is not a YYYYMMDD date` };
  if (!m) return bad;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return bad;
  return { ok: Number(text) };
}

/** A number within min..max. */
export function gtfsNumber(text: string, min: number, max: number): Checked<number> {
  const v = text === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(v) || v < min || v > max) return { zh: `“${text.slice(0, 20)}”应为 ${min} 到 ${max} 之间的数`, en: `"${text.slice(0, 20)}" is not a number within ${min}..${max}` };
  return { ok: v };
}

/** A whole number among `allowed`; empty reads as `fallback`. */
export function gtfsEnum(text: string, allowed: readonly number[], fallback: number): Checked<number> {
  if (text === "") return { ok: fallback };
  const v = Number(text);
  if (!Number.isInteger(v) || !allowed.includes(v)) return { zh: `“${text.slice(0, 20)}”不是可选值（${allowed.join("、")}）`, en: `"${text.slice(0, 20)}" is not one of ${allowed.join(", ")}` };
  return { ok: v };
}

/** "EE352E" → "#ee352e"; empty → null. */
export function gtfsColour(text: string): Checked<string | null> {
  if (text === "") return { ok: null };
  if (!/^[0-9a-fA-F]{6}$/.test(text)) return { zh: `颜色“${text.slice(0, 20)}”应为六位十六进制`, en: `colour "${text.slice(0, 20)}" is not six hex digits` };
  return { ok: `#${text.toLowerCase()}` };
}

/** A time zone the runtime knows (IANA name). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/** Collects problems; `take` unwraps a checked value or records why not. */
export class Problems {
  readonly list: FeedProblem[] = [];
  count = 0;

  add(file: string, line: number, column: string | null, zh: string, en: string): void {
    this.count++;
    if (this.list.length < 50) this.list.push({ file, line, column, zh, en });
  }

  take<T>(checked: Checked<T>, file: string, line: number, column: string): T | undefined {
    if ("ok" in checked) return checked.ok;
    this.add(file, line, column, checked.zh, checked.en);
    return undefined;
  }

  /** The cell must not be empty. */
  required(value: string, file: string, line: number, column: string): string | undefined {
    if (value !== "") return value;
    this.add(file, line, column, "必填项为空", "required value is empty");
    return undefined;
  }
}

/** A problem written for a person: "stop_times.txt line 17, column arrival_time: reason". */
export function describeProblem(p: FeedProblem, lang: "zh" | "en" = "en"): string {
  const where = lang === "zh"
    ? `${p.file} 第 ${p.line} 行${p.column ? `，${p.column} 列` : ""}`
    : `${p.file} line ${p.line}${p.column ? `, column ${p.column}` : ""}`;
  return `${where}: ${lang === "zh" ? p.zh : p.en}`;
}
