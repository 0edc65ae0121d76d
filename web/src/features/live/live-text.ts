/**
 * A live status in words: the opening badge, the crowding line and times, in the current
 * language. Shared by the place card's section and the venue staff page.
 */
import type { LiveStatus } from "../../../../src/core/api/live-vocabulary.ts";
import { getLanguage, languageTag } from "../../shared/i18n.ts";
import { t } from "./live-messages.ts";

/** "12月10日 18:00" / "10 Dec, 18:00" in the browser's zone (the family's city). */
export function timeText(iso: string): string {
  return new Intl.DateTimeFormat(languageTag(getLanguage()), { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}

/** The opening badge ("今日闭馆", "暂停开放 · 12月10日 18:00 恢复"), or null when staff said nothing. */
export function openingText(status: LiveStatus): string | null {
  const opening = status.opening;
  if (!opening) return null;
  if (opening.state === "open") return t("liveOpen");
  if (opening.state === "closed_today") return t("liveClosedToday");
  return t("liveTemporarilyClosed", { until: timeText(opening.until) });
}

/** "人较多", or null. */
export function crowdingText(status: LiveStatus): string | null {
  return status.crowding ? t(`liveCrowding_${status.crowding.level}`) : null;
}

/** When the status was last said. */
export function saidAt(status: LiveStatus): string | null {
  const times = [status.opening?.setAt, status.crowding?.setAt, status.notice?.setAt].filter((x): x is string => typeof x === "string").sort();
  const last = times.at(-1);
  return last ? t("liveSaidAt", { time: timeText(last) }) : null;
}
