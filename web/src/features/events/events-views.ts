/**
 * The events page's two views of the same occurrences: a list grouped by day, each event
 * with its hours, place, ages, price, booking, accessibility and "加入日历" (its .ics file);
 * and a month calendar whose days show their events' titles, a day opening its list.
 */
import type { EventAnswer, EventListAnswer, OccurrenceAnswer } from "../../../../src/core/api/events.ts";
import { EVENT_BOOKING_LABELS } from "../../../../src/core/api/events-vocabulary.ts";
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { eventIcsLink } from "./events-api.ts";
import { agesText, byDay, dayHeading, kindText, monthWeeks, occurrenceText, priceText } from "./events-format.ts";
import { t } from "./events-messages.ts";

/** The booking line: how, with the link or the venue's phone. */
function bookingLine(event: EventAnswer): HTMLElement {
  const how = pick(EVENT_BOOKING_LABELS[event.booking]);
  if (event.booking === "link" && event.bookingUrl) return el("span", {}, `${how} · `, el("a", { href: event.bookingUrl, rel: "noopener noreferrer", target: "_blank" }, t("evBookingLink")));
  if (event.booking === "phone" && event.bookingPhone) return el("span", {}, `${how} · `, el("a", { href: `tel:${event.bookingPhone.replace(/[^0-9+]/g, "")}` }, event.bookingPhone));
  return el("span", {}, how);
}

/** One occurrence as a card; `headingLevel` keeps the page's outline (h3 under a day's h2). */
export function occurrenceCard(o: OccurrenceAnswer, event: EventAnswer, headingLevel: "h3" | "h4" = "h3"): HTMLElement {
  const place = [event.place.name, event.place.district].filter(Boolean).join(" · ");
  const badges = [
    el("span", { class: `ev-badge ev-price-${event.price}` }, priceText(event)),
    el("span", { class: "ev-badge" }, agesText(event)),
    el("span", { class: "ev-badge ev-kind" }, kindText(event.kind)),
    event.stroller ? el("span", { class: "ev-badge ev-access" }, t("evStroller")) : null,
    event.wheelchair ? el("span", { class: "ev-badge ev-access" }, t("evWheelchair")) : null,
    event.repeat.freq !== "none" ? el("span", { class: "ev-badge ev-muted" }, t("evRepeats")) : null,
  ];
  return el(
    "article",
    { class: "ev-card", "data-event": event.id, "data-date": o.date },
    el(headingLevel, { class: "ev-card-title" }, event.title),
    el("p", { class: "ev-when" }, occurrenceText(o, event.timeZone), o.distanceM !== null ? el("span", { class: "ev-distance" }, ` · ${o.distanceM < 1000 ? t("evDistanceM", { m: Math.max(10, Math.round(o.distanceM / 10) * 10) }) : t("evDistance", { km: (o.distanceM / 1000).toFixed(1) })}`) : null),
    el("p", { class: "ev-place" }, place),
    el("p", { class: "ev-badges" }, ...badges),
    event.description ? el("p", { class: "ev-description" }, event.description) : null,
    el("p", { class: "ev-booking" }, bookingLine(event), event.capacityNote ? ` · ${event.capacityNote}` : null),
    el("p", { class: "ev-actions" }, el("a", { class: "button button-quiet ev-ics", href: eventIcsLink(event.id), download: `event-${event.id}.ics`, "aria-label": `${t("evAddToCalendar")}：${event.title}` }, t("evAddToCalendar"))),
  );
}

/** The list, by day; or the note that nothing matched. */
export function listView(answer: EventListAnswer): HTMLElement {
  if (answer.occurrences.length === 0) return el("p", { class: "ev-empty", role: "status" }, t("evNone"));
  return el(
    "div",
    { class: "ev-list" },
    el("p", { class: "ev-count", role: "status" }, t("evFound", { n: answer.occurrences.length })),
    ...byDay(answer.occurrences).map((day) =>
      el("section", { class: "ev-day", "aria-label": dayHeading(day.date) }, el("h2", { class: "ev-day-title" }, dayHeading(day.date)), ...day.items.map((o) => occurrenceCard(o, answer.events[o.eventId]!))),
    ),
  );
}

const WEEKDAY_NAMES = { zh: ["一", "二", "三", "四", "五", "六", "日"], en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] };

/**
 * A month as a grid of days: each day lists up to two titles and "n more"; choosing a day
 * calls `onDay` with it. Today is marked.
 */
export function monthView(answer: EventListAnswer, year: number, month: number, today: string, lang: "zh" | "en", onDay: (date: string, items: OccurrenceAnswer[]) => void): HTMLElement {
  const days = new Map(byDay(answer.occurrences).map((d) => [d.date, d.items]));
  const head = el("tr", {}, ...WEEKDAY_NAMES[lang].map((name) => el("th", { scope: "col" }, name)));
  const rows = monthWeeks(year, month).map((week) =>
    el("tr", {}, ...week.map((date) => {
      if (!date) return el("td", { class: "ev-cal-empty" });
      const items = days.get(date) ?? [];
      const titles = items.slice(0, 2).map((o) => el("span", { class: "ev-cal-title" }, answer.events[o.eventId]!.title));
      const more = items.length > 2 ? el("span", { class: "ev-cal-more" }, t("evMoreOnDay", { n: items.length - 2 })) : null;
      // The visible day number and titles are the button's name, the whole date said first.
      const said = el("span", { class: "visually-hidden" }, `${dayHeading(date)}${items.length ? `，${t("evFound", { n: items.length })}：` : ""}`);
      const button = el("button", { type: "button", class: "ev-cal-day", disabled: items.length === 0, "data-date": date }, said, el("span", { class: "ev-cal-number", "aria-hidden": "true" }, String(Number(date.slice(8)))), ...titles, more);
      button.addEventListener("click", () => onDay(date, items));
      return el("td", { class: date === today ? "ev-cal-today" : null, "aria-current": date === today ? "date" : null }, button);
    })),
  );
  return el("table", { class: "ev-calendar" }, el("caption", { class: "visually-hidden" }, t("evMonthTitle", { year, month })), el("thead", {}, head), el("tbody", {}, ...rows));
}
