/**
 * Words for a place's facts: open state ("营业中 · 18:00 关门"), age range, demonstration
 * site, dates. Pure functions of the place and the current language.
 */
import type { OpenStatus } from "../../../../src/core/opening-hours.ts";
import type { PlaceProperties } from "../../shared/api.ts";
import { getLanguage, pick } from "../../shared/i18n.ts";
import { t } from "./place-card-messages.ts";
import { DEMONSTRATION_LABELS } from "../../shared/messages.ts";

/** Today's date (YYYY-MM-DD) on the wall calendar of a time zone. */
/** One date formatter per time zone: making one costs far more than using it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    let format = dayFormats.get(timeZone);
    if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
    return format.format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * The open state in words: "Open now · closes 18:00", "Closed · opens 09:00" (when it opens
 * later the same day), "Closed", or "Opening hours unknown".
 */
export function openStatusText(open: OpenStatus, today: string): string {
  if (open.state === "open") return open.nextChange ? t("openClosesAt", { time: open.nextChange }) : t("openNoChange");
  if (open.state === "closed") {
    return open.nextChange && open.nextChangeDate === today ? t("closedOpensAt", { time: open.nextChange }) : t("closed");
  }
  return t("hoursUnknown");
}

/** The age range in words, or "All ages" when the place states none. */
export function ageRangeText(place: Pick<PlaceProperties, "ageMin" | "ageMax">): string {
  const { ageMin: min, ageMax: max } = place;
  if (min !== null && max !== null) return t("ageRangeValue", { min, max });
  if (min !== null) return t("ageFrom", { min });
  if (max !== null) return t("ageUpTo", { max });
  return t("allAges");
}

/** "儿童友好公园 · 2023 年" for a demonstration site, or null when the place is not one. */
export function demonstrationText(place: Pick<PlaceProperties, "demonstration">): string | null {
  const demo = place.demonstration;
  if (!demo) return null;
  const type = DEMONSTRATION_LABELS[demo.type];
  return t("demonstrationValue", { type: type ? pick(type) : demo.type, year: demo.year });
}

/** An ISO timestamp as a calendar date in the current language ("2024年5月1日", "1 May 2024"). */
export function dateText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = getLanguage() === "zh" ? "zh-CN" : "en-GB";
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric" }).format(date);
}

/** The part of a "中文 / English" text in the current language; other text as it is. */
export function inCurrentLanguage(text: string): string {
  const parts = text.split(" / ");
  if (parts.length !== 2) return text;
  return (getLanguage() === "zh" ? parts[0]! : parts[1]!).trim();
}

/**
 * Where a place's data comes from, in words: never a path inside the repository (older
 * imports of a region folder wrote "Tongxing data/regions/…" as the source).
 */
export function sourceText(source: string): string {
  if (source.startsWith("Tongxing data/regions/")) return t("sourceCityData");
  return inCurrentLanguage(source);
}

/**
 * The licence of a place's data in words: ODbL for OpenStreetMap, the city's own data, a
 * "中文 / English" licence as the importer wrote it; a pointer to a file becomes "see the
 * city's data notes", never the file's path.
 */
export function licenceText(licence: string): string {
  if (/^odbl/i.test(licence.trim())) return t("licenceOdbl");
  if (/^provided by the city$/i.test(licence.trim())) return t("licenceByCity");
  if (/^see\s+\S+\.md$/i.test(licence.trim()) || /data\/regions\//.test(licence)) return t("licenceInNotes");
  return inCurrentLanguage(licence);
}
