/**
 * The events page's entry (亲子活动): families filter the city's events (this weekend, free,
 * a child's age, near me, kind) and see them as a list by day or as a month calendar, each
 * with "加入日历"; venue staff sign in below to publish, edit and cancel their venue's events.
 * The filters live in the address (?when=weekend&free=1&age=6&view=month), so a page can be
 * shared. `#events[data-ready]` says when what is shown is complete (the browser test waits
 * for it).
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../../shared/staff-forms.css";
import "./events.css";
import { EVENT_KINDS, EVENT_KIND_LABELS } from "../../../../src/core/api/events-vocabulary.ts";
import { type Region, fetchRegions } from "../../shared/api.ts";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { errorText } from "../../shared/error-text.ts";
import { getLanguage, initLanguage, onLanguageChange, pick } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { announce } from "../../shared/toast.ts";
import { type EventFilters, fetchOccurrences, placeIcsLink } from "./events-api.ts";
import { monthRange, shiftMonth } from "./events-format.ts";
import { t } from "./events-messages.ts";
import { mountStaffEvents } from "./events-staff.ts";
import { listView, monthView } from "./events-views.ts";

initLanguage();
const main = byId("events");
mountPageFrame(byId("page-header"), "events", () => t("eventsTitle"));

type When = NonNullable<EventFilters["when"]>;
const WHENS: readonly When[] = ["weekend", "today", "week", "month"];

interface State extends EventFilters {
  view: "list" | "month";
  month: { year: number; month: number };
}

const params = new URLSearchParams(location.search);
const todayHere = new Date().toISOString().slice(0, 10);
let regions: Region[] = [];
let generation = 0;
const state: State = {
  region: params.get("region") ?? "hengyang",
  when: (WHENS as readonly string[]).includes(params.get("when") ?? "") ? (params.get("when") as When) : "month",
  range: null,
  free: params.get("free") === "1" || params.get("free") === "true",
  age: params.get("age") !== null && /^\d{1,2}$/.test(params.get("age")!) ? Number(params.get("age")) : null,
  kind: (EVENT_KINDS as readonly string[]).includes(params.get("kind") ?? "") ? params.get("kind") : null,
  near: null,
  place: params.get("place"),
  view: params.get("view") === "month" ? "month" : "list",
  month: { year: Number(todayHere.slice(0, 4)), month: Number(todayHere.slice(5, 7)) },
};

const results = el("div", { id: "events-results", class: "ev-results", "aria-live": "polite" });
const filters = el("div", { class: "ev-filters", role: "group" });
const staffHost = el("div", { id: "events-staff", class: "ev-staff-body" });

/** Keeps the address in step with the filters (no reload). */
function saveToAddress(): void {
  const q = new URLSearchParams();
  if (state.region !== "hengyang") q.set("region", state.region);
  if (state.when !== "month") q.set("when", state.when ?? "month");
  if (state.free) q.set("free", "1");
  if (state.age !== null) q.set("age", String(state.age));
  if (state.kind) q.set("kind", state.kind);
  if (state.place) q.set("place", state.place);
  if (state.view === "month") q.set("view", "month");
  const lang = new URLSearchParams(location.search).get("lang");
  if (lang) q.set("lang", lang);
  history.replaceState(null, "", `${location.pathname}${q.size ? `?${q}` : ""}${location.hash}`);
}

function chip(label: string, pressed: boolean, onPress: () => void, id?: string): HTMLButtonElement {
  const button = el("button", { type: "button", class: "chip ev-chip", "aria-pressed": String(pressed), ...(id ? { id } : {}) }, label);
  button.addEventListener("click", onPress);
  return button;
}

function drawFilters(): void {
  filters.setAttribute("aria-label", t("evWhen"));
  const region = el("select", { id: "ev-region", class: "select" }, ...regions.map((r) => el("option", { value: r.id, selected: r.id === state.region }, pick(r.name))));
  region.addEventListener("change", () => update({ region: region.value, place: null }));
  const age = el("select", { id: "ev-age", class: "select" }, el("option", { value: "" }, t("evAgeAny")), ...Array.from({ length: 18 }, (_, n) => el("option", { value: String(n), selected: state.age === n }, t("evAgeN", { n }))));
  age.addEventListener("change", () => update({ age: age.value === "" ? null : Number(age.value) }));
  const kind = el("select", { id: "ev-kind", class: "select" }, el("option", { value: "" }, t("evKindAny")), ...EVENT_KINDS.map((k) => el("option", { value: k, selected: state.kind === k }, pick(EVENT_KIND_LABELS[k]))));
  kind.addEventListener("change", () => update({ kind: kind.value || null }));
  const whens = state.view === "month" ? [] : WHENS.map((w) => chip(t(`evWhen_${w}`), state.when === w, () => update({ when: w }), `ev-when-${w}`));
  replaceChildren(
    filters,
    el("label", { class: "ev-select" }, el("span", { class: "field-label" }, t("evRegion")), region),
    el("div", { class: "ev-chips", role: "group", "aria-label": t("evWhen") }, ...whens,
      chip(t("evFree"), state.free, () => update({ free: !state.free }), "ev-free"),
      chip(state.near ? t("evNearOn") : t("evNear"), state.near !== null, () => void toggleNear(), "ev-near")),
    el("label", { class: "ev-select" }, el("span", { class: "field-label" }, t("evAge")), age),
    el("label", { class: "ev-select" }, el("span", { class: "field-label" }, t("evKind")), kind),
    el("div", { class: "ev-views", role: "group", "aria-label": t("evViewList") + " / " + t("evViewMonth") },
      chip(t("evViewList"), state.view === "list", () => update({ view: "list" }), "ev-view-list"),
      chip(t("evViewMonth"), state.view === "month", () => update({ view: "month" }), "ev-view-month")),
  );
}

async function toggleNear(): Promise<void> {
  if (state.near) return update({ near: null });
  try {
    const position = await new Promise<GeolocationPosition>((resolve, reject) => navigator.geolocation.getCurrentPosition(resolve, reject, { timeout: 10_000 }));
    update({ near: [position.coords.latitude, position.coords.longitude] });
  } catch {
    announce(t("evNearDenied"), "warning");
  }
}

function update(change: Partial<State>): void {
  Object.assign(state, change);
  saveToAddress();
  drawFilters();
  void load();
}

/** Asks the server for the filters' occurrences and draws the chosen view. */
async function load(): Promise<void> {
  const mine = ++generation;
  delete main.dataset.ready;
  replaceChildren(results, el("p", { class: "muted" }, t("evLoading")));
  const range = state.view === "month" ? monthRange(state.month.year, state.month.month) : null;
  try {
    const answer = await fetchOccurrences({ ...state, range, when: range ? null : state.when });
    if (mine !== generation) return;
    if (state.view === "list") replaceChildren(results, listView(answer));
    else drawMonth(answer);
    if (state.place) results.prepend(venueLine(state.place, Object.values(answer.events)[0]?.place.name ?? state.place));
    main.dataset.ready = state.view;
  } catch (error) {
    if (mine === generation) replaceChildren(results, el("p", { class: "error-note", role: "alert" }, errorText(error)));
  }
}

/** On one venue's events: its name, its calendar to subscribe to, and the way back to all. */
function venueLine(placeId: string, name: string): HTMLElement {
  const all = el("button", { type: "button", class: "button button-quiet", id: "ev-all-places" }, t("evCardMore"));
  all.addEventListener("click", () => update({ place: null }));
  return el("p", { class: "ev-venue" }, el("strong", {}, name), " ", el("a", { class: "button button-quiet", href: placeIcsLink(placeId), download: "place-events.ics" }, t("evVenueCalendar")), " ", all);
}

function drawMonth(answer: Awaited<ReturnType<typeof fetchOccurrences>>): void {
  const { year, month } = state.month;
  const day = el("div", { class: "ev-day-list", id: "ev-day-list", "aria-live": "polite" });
  const step = (by: 1 | -1) => {
    state.month = shiftMonth(year, month, by);
    void load();
  };
  const prev = el("button", { type: "button", class: "button button-quiet", id: "ev-prev" }, `‹ ${t("evPrevMonth")}`);
  const next = el("button", { type: "button", class: "button button-quiet", id: "ev-next" }, `${t("evNextMonth")} ›`);
  prev.addEventListener("click", () => step(-1));
  next.addEventListener("click", () => step(1));
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: answer.timeZone }).format(new Date());
  const grid = monthView(answer, year, month, today, getLanguage(), (_date, items) => {
    replaceChildren(day, listView({ ...answer, occurrences: items }));
    day.querySelector("h2")?.setAttribute("tabindex", "-1");
    (day.querySelector("h2") as HTMLElement | null)?.focus();
  });
  replaceChildren(results, el("div", { class: "ev-month-head" }, prev, el("h2", { class: "ev-month-title" }, t("evMonthTitle", { year, month })), next), el("div", { class: "ev-calendar-wrap" }, grid), day);
}

function drawPage(): void {
  const staff = el("details", { class: "page-section ev-staff", id: "ev-staff", open: location.hash === "#staff" }, el("summary", { class: "ev-staff-summary" }, t("evStaffOpen")), staffHost);
  staff.addEventListener("toggle", () => {
    if (staff.open && !staffHost.hasChildNodes()) void mountStaffEvents(staffHost, () => void load());
  });
  if (staff.open) void mountStaffEvents(staffHost, () => void load());
  replaceChildren(
    main,
    el("section", { class: "page-hero ev-hero" }, el("h1", { class: "view-title" }, t("eventsTitle")), el("p", {}, t("eventsIntro"))),
    el("section", { class: "page-section ev-filter-section", "aria-label": t("evWhen") }, filters),
    el("section", { class: "page-section", "aria-label": t("eventsTitle") }, results),
    staff,
  );
}

async function start(): Promise<void> {
  try {
    regions = await fetchRegions();
  } catch (error) {
    replaceChildren(main, el("p", { class: "error-note", role: "alert" }, errorText(error)));
    return;
  }
  if (!regions.some((r) => r.id === state.region)) state.region = regions[0]?.id ?? state.region;
  // The calendar opens on this month of the region's own calendar.
  const zone = regions.find((r) => r.id === state.region)?.timeZone;
  if (zone) {
    const here = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
    state.month = { year: Number(here.slice(0, 4)), month: Number(here.slice(5, 7)) };
  }
  drawPage();
  drawFilters();
  await load();
}

onLanguageChange(() => {
  staffHost.replaceChildren();
  drawPage();
  drawFilters();
  void load();
});
void start();
