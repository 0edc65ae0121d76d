/**
 * The DOM of journeys in the route panel: the switch between walking and the bus side by side
 * (each with its time), the departure time and how to change it, and the bus tab's body: the
 * journeys to choose from (line badges, times, changes, walking), then the chosen one leg by
 * leg — walks with their steps folded, rides with the line's badge, where to get on and off,
 * when it leaves (an estimate said to be one), school lines' badge and schools, and each
 * boarding stop's next departures on request. route.ts owns the state; this only shows it.
 */
import bus from "@mapbox/maki/icons/bus.svg?raw";
import ferry from "@mapbox/maki/icons/ferry.svg?raw";
import railLight from "@mapbox/maki/icons/rail-light.svg?raw";
import railMetro from "@mapbox/maki/icons/rail-metro.svg?raw";
import rail from "@mapbox/maki/icons/rail.svg?raw";
import school from "@mapbox/maki/icons/school.svg?raw";
import { el } from "../../shared/dom.ts";
import { iconElement } from "../../shared/icons.ts";
import type { Position } from "../../shared/store.ts";
import type { DeparturesAnswer, Journey, JourneyAnswer, LegMode, LineRef, StopRef, TransitLeg, WalkLeg } from "./journey-api.ts";
import { badgeColours, clockText, departText, headwayText, journeySummary, noJourneyText, timesText, transitJourneys } from "./journey-format.ts";
import { t } from "./journey-messages.ts";
import { MIN_SHOWN_STEP_M, durationText, lengthText } from "./route-format.ts";
import { PROFILE_INFO, stepIcon } from "./route-icons.ts";

/** Walking (the route panel's routes) or the bus (journeys). */
export type Way = "walk" | "transit";

/** A stop's departure board, once asked for. */
export type BoardView = { readonly status: "loading" } | { readonly status: "ready"; readonly answer: DeparturesAnswer } | { readonly status: "error" };

/** Everything the bus tab shows. */
export interface JourneyView {
  readonly status: "idle" | "loading" | "ready" | "error";
  readonly answer: JourneyAnswer | null;
  /** Index into the answer's transit journeys. */
  readonly chosen: number;
  readonly error: string | null;
  /** The chosen departure as a local time of the region ("2026-12-03T08:30"), or null for now. */
  readonly depart: string | null;
  /** The local time now in the region, in the same form (for the picker and "today"). */
  readonly now: string;
  /** Open departure boards by stop id. */
  readonly boards: ReadonlyMap<string, BoardView>;
}

/** What the bus tab asks route.ts to do. */
export interface JourneyActions {
  readonly onWay: (way: Way) => void;
  readonly onDepart: (depart: string | null) => void;
  readonly onChooseJourney: (index: number) => void;
  readonly onToggleBoard: (stop: StopRef) => void;
  readonly onShowOnMap: (at: Position) => void;
}

/** The sign of each vehicle mode (a bus where Maki has none of its own). */
const MODE_ICONS: Readonly<Partial<Record<LegMode, string>>> = { bus, metro: railMetro, tram: railLight, rail, ferry };

function modeIcon(mode: LegMode): string {
  return MODE_ICONS[mode] ?? bus;
}

/** A line's badge in its own colours, with its mode's sign. */
export function lineBadge(line: Pick<LineRef, "name" | "colour" | "textColour" | "mode" | "school">): HTMLElement {
  const badge = el("span", { class: "line-badge", "data-mode": line.mode }, iconElement(modeIcon(line.mode), "line-badge-icon"), line.name);
  const colours = badgeColours(line);
  badge.style.setProperty("background", colours.background);
  badge.style.setProperty("color", colours.color);
  return badge;
}

function schoolBadge(line: LineRef): HTMLElement | null {
  if (!line.school) return null;
  return el("span", { class: "school-badge" }, iconElement(school, "school-badge-icon"), line.school.label || t("schoolBadge"));
}

/** The switch between walking and the bus, built once; `render` fills in each side's time. */
export function waySwitch(actions: JourneyActions): { element: HTMLElement; render(way: Way, walk: string, transit: string): void } {
  const button = (way: Way): { button: HTMLButtonElement; name: HTMLElement; note: HTMLElement } => {
    const name = el("strong", {});
    const note = el("span", { class: "way-note" });
    const b = el("button", { type: "button", class: "way-option", "data-way": way, "aria-pressed": "false" }, iconElement(way === "walk" ? PROFILE_INFO["child-walk"].icon : bus, "way-icon"), el("span", { class: "way-text" }, name, note));
    b.addEventListener("click", () => actions.onWay(way));
    return { button: b, name, note };
  };
  const walk = button("walk");
  const transit = button("transit");
  const element = el("div", { class: "way-switch", role: "group" }, walk.button, transit.button);
  return {
    element,
    render(way, walkNote, transitNote) {
      element.setAttribute("aria-label", t("wayLabel"));
      walk.name.textContent = t("wayWalk");
      transit.name.textContent = t("wayTransit");
      walk.note.textContent = walkNote;
      transit.note.textContent = transitNote;
      walk.button.setAttribute("aria-pressed", String(way === "walk"));
      transit.button.setAttribute("aria-pressed", String(way === "transit"));
    },
  };
}

/** When to leave, built once so the picker keeps focus: the time in words, "change time", the picker and "now". */
export function departRow(actions: JourneyActions): { element: HTMLElement; render(view: JourneyView): void } {
  const text = el("span", { class: "depart-text", id: "depart-text" });
  const change = el("button", { type: "button", class: "route-start-button", "data-depart": "change", "aria-expanded": "false", "aria-controls": "depart-picker" });
  const input = el("input", { type: "datetime-local", id: "depart-input", class: "depart-input", step: 60 });
  const label = el("label", { for: "depart-input", class: "visually-hidden" });
  const now = el("button", { type: "button", class: "route-start-button", "data-depart": "now" });
  const picker = el("div", { class: "depart-picker", id: "depart-picker", hidden: true }, label, input, now);
  change.addEventListener("click", () => {
    picker.hidden = !picker.hidden;
    change.setAttribute("aria-expanded", String(!picker.hidden));
    if (!picker.hidden) input.focus();
  });
  // A time chosen, the picker folds away so the journeys for it are in sight.
  const fold = (): void => {
    picker.hidden = true;
    change.setAttribute("aria-expanded", "false");
    change.focus({ preventScroll: true });
  };
  input.addEventListener("change", () => {
    if (input.value === "") return;
    actions.onDepart(input.value.slice(0, 16));
    fold();
  });
  now.addEventListener("click", () => {
    actions.onDepart(null);
    fold();
  });
  const element = el("div", { class: "depart-row" }, el("p", { class: "depart-line" }, text, change), picker);
  return {
    element,
    render(view) {
      text.textContent = departText(view.depart, view.now);
      change.textContent = t("departChange");
      label.textContent = t("departLabel");
      now.textContent = t("departUseNow");
      if (document.activeElement !== input) input.value = view.depart ?? view.now;
    },
  };
}

function choice(journey: Journey, index: number, chosen: number, actions: JourneyActions): HTMLElement {
  const badges = journey.legs.filter((leg): leg is TransitLeg => leg.mode !== "walk").map((leg) => lineBadge(leg.line));
  const button = el(
    "button",
    { type: "button", class: "journey-choice", "aria-pressed": String(index === chosen), "data-journey-index": index },
    el("span", { class: "journey-badges" }, ...badges),
    el("strong", { class: "journey-times" }, timesText(journey), journey.estimated ? el("span", { class: "estimate-tag" }, t("journeyEstimated")) : null),
    el("span", { class: "journey-summary" }, journeySummary(journey)),
  );
  button.addEventListener("click", () => actions.onChooseJourney(index));
  return el("li", {}, button);
}

function walkLeg(leg: WalkLeg, last: boolean): HTMLElement {
  const distance = lengthText(leg.distanceM);
  const headline = last || !leg.to.name ? t("legWalkToEnd", { distance }) : t("legWalkTo", { distance, name: leg.to.name });
  const steps = leg.instructions.filter((step) => step.type !== "arrive");
  const details = steps.length === 0 ? null : el(
    "details",
    { class: "leg-details" },
    el("summary", {}, t("legWalkDetails", { n: steps.length })),
    el("ol", { class: "leg-steps" }, ...steps.map((step) => el(
      "li", { class: "route-step", "data-type": step.type },
      iconElement(stepIcon(step.type), "route-step-icon"),
      el("span", { class: "route-step-text" }, step.text),
      step.distanceM >= MIN_SHOWN_STEP_M ? el("span", { class: "route-step-distance" }, lengthText(step.distanceM)) : null,
    ))),
  );
  return el(
    "li",
    { class: "journey-leg", "data-mode": "walk" },
    iconElement(PROFILE_INFO["child-walk"].icon, "leg-icon"),
    el("div", { class: "leg-body" },
      el("p", { class: "leg-headline" }, headline),
      el("p", { class: "leg-meta" }, durationText(leg.durationS)),
      leg.straightLine ? el("p", { class: "leg-note" }, t("legStraightLine")) : null,
      ...leg.warnings.map((w) => el("p", { class: "leg-warning" }, w.text)),
      details),
  );
}

function board(stop: StopRef, view: BoardView | undefined): HTMLElement | null {
  if (!view) return null;
  const title = el("p", { class: "board-title" }, t("departuresTitle", { stop: stop.name }));
  if (view.status === "loading") return el("div", { class: "departure-board", "aria-busy": "true" }, title, el("p", { class: "route-loading" }, t("departuresLoading")));
  if (view.status === "error") return el("div", { class: "departure-board" }, title, el("p", { class: "route-error" }, t("departuresFailed")));
  const rows = view.answer.departures.map((d) => el(
    "li",
    { class: "departure", "data-estimated": String(d.estimated) },
    lineBadge(d.line),
    el("span", { class: "departure-headsign" }, d.headsign ? t("legTowards", { headsign: d.headsign }) : ""),
    el("strong", { class: "departure-time" }, d.estimated ? t("departureAbout", { time: clockText(d.departure) }) : clockText(d.departure)),
  ));
  // How often each line runs, said once per line below the times (an estimate said to be one).
  const headways = [...new Map(view.answer.departures.filter((d) => d.frequency).map((d) => [d.line.name, `${d.line.name}: ${headwayText(d.frequency!)}`])).values()];
  return el(
    "div",
    { class: "departure-board" },
    title,
    rows.length === 0 ? el("p", {}, t("departuresNone")) : el("ul", { class: "departures" }, ...rows),
    headways.length > 0 ? el("p", { class: "departure-headway" }, headways.join(" · ")) : null,
  );
}

function transitLeg(leg: TransitLeg, view: JourneyView, actions: JourneyActions): HTMLElement {
  const estimated = leg.frequency?.estimated ?? false;
  const open = view.boards.has(leg.from.id);
  const toggle = el("button", { type: "button", class: "departures-button", "aria-expanded": String(open), "data-stop": leg.from.id }, t(open ? "departuresHide" : "departuresShow"));
  toggle.addEventListener("click", () => actions.onToggleBoard(leg.from));
  const stopButton = (stop: StopRef, text: string): HTMLElement => {
    const b = el("button", { type: "button", class: "leg-stop" }, text);
    b.addEventListener("click", () => actions.onShowOnMap([stop.at[0], stop.at[1]]));
    return b;
  };
  const schools = leg.line.school?.schools.map((s) => s.name).filter(Boolean) ?? [];
  const li = el(
    "li",
    { class: "journey-leg", "data-mode": leg.mode },
    iconElement(modeIcon(leg.mode), "leg-icon"),
    el("div", { class: "leg-body" },
      el("p", { class: "leg-line" }, lineBadge(leg.line), schoolBadge(leg.line), leg.headsign ? el("span", { class: "leg-headsign" }, t("legTowards", { headsign: leg.headsign })) : null),
      el("p", { class: "leg-headline" }, stopButton(leg.from, t("legBoard", { stop: leg.from.name }))),
      el("p", { class: "leg-meta" },
        t(estimated ? "legDepartAbout" : "legDepartAt", { time: clockText(leg.departure) }),
        leg.frequency ? ` · ${headwayText(leg.frequency)}` : ""),
      el("p", { class: "leg-headline" }, stopButton(leg.to, t(leg.stops === 1 ? "legRideOne" : "legRide", { n: leg.stops, stop: leg.to.name }))),
      leg.stepFree === false || leg.from.stepFree === false || leg.to.stepFree === false ? el("p", { class: "leg-warning" }, t("legNotStepFree")) : null,
      schools.length > 0 ? el("p", { class: "leg-note" }, t("schoolServes", { names: schools.join("、") })) : null,
      toggle,
      board(leg.from, view.boards.get(leg.from.id))),
  );
  const colour = badgeColours(leg.line).background;
  li.style.setProperty("--leg-colour", colour);
  return li;
}

function legs(journey: Journey, view: JourneyView, actions: JourneyActions): HTMLElement {
  const items = journey.legs.map((leg, index) => (leg.mode === "walk" ? walkLeg(leg, index === journey.legs.length - 1) : transitLeg(leg, view, actions)));
  return el(
    "section",
    { class: "journey-legs", "aria-labelledby": "journey-legs-title" },
    el("h3", { id: "journey-legs-title", class: "route-section-title" }, t("journeyStepsTitle")),
    el("ol", { id: "journey-steps" }, ...items),
  );
}

/** The bus tab's body for a view. */
export function journeyBody(view: JourneyView, actions: JourneyActions): HTMLElement[] {
  if (view.status === "loading" || view.status === "idle") return [el("p", { class: "route-loading" }, t("journeyLoading"))];
  if (view.status === "error") return [el("p", { class: "route-error" }, view.error ?? t("journeyFailed"))];
  const journeys = transitJourneys(view.answer);
  const journey = journeys[view.chosen];
  if (!journey) return [el("p", { class: "journey-none route-need-start" }, noJourneyText(view.answer?.noJourney ?? null))];
  const warnings = journey.warnings.filter((w) => w.type !== "estimated_times" && w.type !== "school_line");
  return [
    el("ul", { class: "journey-choices", "aria-label": t("journeyChoices") }, ...journeys.map((j, i) => choice(j, i, view.chosen, actions))),
    journey.estimated ? el("p", { class: "journey-estimated" }, t("journeyEstimatedNote")) : null,
    warnings.length > 0 ? el("ul", { class: "journey-warnings" }, ...warnings.map((w) => el("li", { "data-warning": w.type }, w.text))) : null,
    legs(journey, view, actions),
  ].filter((node): node is HTMLElement => node !== null);
}

/** What the bus side of the switch says: the fastest journey's time, "checking", or that there is none. */
export function transitNote(view: JourneyView): string {
  if (view.status === "loading" || view.status === "idle") return t("wayAsking");
  const fastest = transitJourneys(view.answer)[0];
  if (view.status === "error" || !fastest) return t("wayNoBus");
  return durationText(fastest.durationS);
}

/** What a screen reader hears when the bus tab changes: the search, why there is none, or the chosen journey. */
export function journeyStatusText(view: JourneyView): string {
  if (view.status === "loading" || view.status === "idle") return t("journeyLoading");
  if (view.status === "error") return view.error ?? t("journeyFailed");
  const journey = transitJourneys(view.answer)[view.chosen];
  return journey ? `${timesText(journey)} · ${journeySummary(journey)}` : noJourneyText(view.answer?.noJourney ?? null);
}
