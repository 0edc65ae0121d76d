/**
 * When a status change stops holding, worked out once when it is made: open and closed
 * today end at the next midnight in the region's time zone; a temporary closure at the
 * time staff gave; crowding two hours later (unless said again); a notice at the time given
 * (at most 30 days) or the end of the day. A time that is past or too far is a value, not
 * an exception: the handler turns it into a 400 naming the field.
 */
import type { StatusChangeInput } from "../core/api/live.ts";
import { CLOSURE_MAX_DAYS, CROWDING_HOURS, NOTICE_MAX_DAYS } from "../core/api/live-vocabulary.ts";
import { type ErrorText, say } from "../platform/errors.ts";

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone` at `at`, read as if it were UTC (milliseconds). */
function wallClockMs(at: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(at));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** The local date (y, m, d) in `timeZone` at `now`, weekday 0 (Sunday) … 6 and hour 0 … 23. */
export function localParts(now: Date, timeZone: string): { date: string; weekday: number; hour: number } {
  const wall = new Date(wallClockMs(now.getTime(), timeZone));
  return { date: wall.toISOString().slice(0, 10), weekday: wall.getUTCDay(), hour: wall.getUTCHours() };
}

/** The instant of the next midnight in `timeZone` after `now` (DST-safe: the offset is read at the answer). */
export function endOfLocalDay(now: Date, timeZone: string): Date {
  const wall = new Date(wallClockMs(now.getTime(), timeZone));
  const target = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + 1);
  const offset = (at: number): number => wallClockMs(at, timeZone) - at;
  const first = target - offset(target);
  return new Date(target - offset(first));
}

/** When a change stops holding (null: it clears its facet), or why its time is refused. */
export type Expiry = { ok: true; until: Date | null } | { ok: false; field: string; message: ErrorText };

function within(until: string | undefined, now: Date, maxDays: number, field: string): Expiry {
  if (until === undefined) return { ok: false, field, message: say("请写明到什么时候", "say until when") };
  const at = new Date(until);
  if (at.getTime() <= now.getTime()) return { ok: false, field, message: say("结束时间应在现在之后", "the end must be after now") };
  if (at.getTime() - now.getTime() > maxDays * DAY_MS) return { ok: false, field, message: say(`最多 ${maxDays} 天`, `at most ${maxDays} days ahead`) };
  return { ok: true, until: at };
}

/** When `change`, made at `now` for a place in `timeZone`, expires. */
export function expiryOf(change: StatusChangeInput, now: Date, timeZone: string): Expiry {
  switch (change.facet) {
    case "opening":
      return change.state === "temporarily_closed" ? within(change.until, now, CLOSURE_MAX_DAYS, "until") : { ok: true, until: endOfLocalDay(now, timeZone) };
    case "crowding":
      return { ok: true, until: change.level === null ? null : new Date(now.getTime() + CROWDING_HOURS * 3_600_000) };
    case "notice":
      if (change.text === null) return { ok: true, until: null };
      return change.until === undefined ? { ok: true, until: endOfLocalDay(now, timeZone) } : within(change.until, now, NOTICE_MAX_DAYS, "until");
  }
}
