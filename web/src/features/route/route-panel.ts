/**
 * The route panel's DOM: a header (back, title, destination, close), the picker of ways of
 * going (four radio buttons with icons), where the route starts and how to change it
 * (route-start.ts), and a body that shows "finding the way", "choose a start", a kind error,
 * "you are already there", what is known where the city has no streets yet, or the route:
 * its choices, length and time, warnings first and big, then the steps. Above the picker,
 * walking and the bus side by side, each with its time; on the bus side the departure time and
 * the journeys (journey-panel.ts). The header and the pickers are built once so focus stays
 * put while the body is redrawn; route.ts owns the state and the requests.
 */
import { paintWith } from "../../shared/colors.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { t } from "./route-messages.ts";
import { iconElement } from "../../shared/icons.ts";
import type { Position } from "../../shared/store.ts";
import { ROUTE_PROFILES, type Route, type RouteProfile } from "./route-api.ts";
import { MIN_SHOWN_STEP_M, lengthText, routeLabelText, summaryText } from "./route-format.ts";
import { CAUTION_ICON, PROFILE_INFO, stepIcon } from "./route-icons.ts";
import { startRow, type StartActions, type StartView } from "./route-start.ts";
import { type JourneyActions, type JourneyView, type Way, departRow, journeyBody, journeyStatusText, transitNote, waySwitch } from "./journey-panel.ts";
import { durationText } from "./route-format.ts";
import { t as journeyT } from "./journey-messages.ts";

/** What the panel can say instead of a route. */
export type RouteStatus = "locating" | "need-start" | "loading" | "ready" | "error" | "same-place" | "no-routes";

/** What is known of a trip where the city has no street data yet. */
export interface NoRoutesInfo {
  readonly city: string;
  /** Straight-line metres from the person, when their position is known. */
  readonly straightM: number | null;
  readonly district: string | null;
}

/** Everything the panel shows. */
export interface RouteView {
  readonly placeName: string;
  readonly profile: RouteProfile;
  readonly start: StartView;
  readonly status: RouteStatus;
  readonly routes: readonly Route[];
  readonly chosen: number;
  /** The error's words, or why a start is needed. */
  readonly error: string | null;
  readonly noRoutes: NoRoutesInfo | null;
  /** Walking routes or bus journeys. */
  readonly way: Way;
  readonly journey: JourneyView;
}

/** What the panel reports back. */
export interface RoutePanelActions extends StartActions, JourneyActions {
  readonly onProfile: (profile: RouteProfile) => void;
  readonly onChoose: (index: number) => void;
  readonly onBack: () => void;
  readonly onShowOnMap: (at: Position) => void;
}

/** The mounted panel: `render` redraws it from a view, `focusTitle` moves focus into it. */
export interface RoutePanel {
  render(view: RouteView): void;
  focusTitle(): void;
}

const BACK_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15"><path d="M7 2.5 2 7.5l5 5 1.1-1.1-3.1-3.1H13V6.8H5L8.1 3.6z"/></svg>';

function choices(view: RouteView, actions: RoutePanelActions): HTMLElement | null {
  if (view.routes.length < 2) return null;
  const buttons = view.routes.map((route, index) => {
    const button = el(
      "button",
      { type: "button", class: "route-choice", "aria-pressed": String(index === view.chosen), "data-route-index": index, "data-label": route.label },
      el("strong", {}, routeLabelText(route.label)),
      el("span", {}, summaryText(route.distanceM, route.durationS)),
    );
    button.addEventListener("click", () => actions.onChoose(index));
    return button;
  });
  return el("div", { class: "route-choices", role: "group", "aria-label": t("routeChoices") }, ...buttons);
}

function warnings(route: Route, actions: RoutePanelActions): HTMLElement | null {
  if (route.warnings.length === 0) return null;
  const items = route.warnings.map((warning) => {
    const button = el("button", { type: "button", class: "route-warning", "data-warning": warning.type }, iconElement(CAUTION_ICON, "route-warning-icon"), warning.text);
    button.addEventListener("click", () => actions.onShowOnMap(warning.at));
    return el("li", {}, button);
  });
  return el(
    "section",
    { class: "route-warnings", "aria-labelledby": "route-warnings-title" },
    el("h3", { id: "route-warnings-title", class: "route-warnings-title" }, iconElement(CAUTION_ICON, "route-warning-icon"), t("routeWarnings")),
    el("ul", {}, ...items),
  );
}

function steps(route: Route): HTMLElement {
  const items = route.instructions.map((step) =>
    el(
      "li",
      { class: "route-step", "data-type": step.type },
      iconElement(stepIcon(step.type), "route-step-icon"),
      el("span", { class: "route-step-text" }, step.text),
      step.distanceM >= MIN_SHOWN_STEP_M ? el("span", { class: "route-step-distance" }, lengthText(step.distanceM)) : null,
    ),
  );
  return el(
    "section",
    { class: "route-steps", "aria-labelledby": "route-steps-title" },
    el("h3", { id: "route-steps-title", class: "route-section-title" }, t("routeSteps")),
    el("ol", { id: "route-steps" }, ...items),
  );
}

/** Where the city has no streets yet: what is known instead of a route. */
function noRoutes(info: NoRoutesInfo, actions: RoutePanelActions): HTMLElement[] {
  const locate = el("button", { type: "button", class: "route-start-button", "data-start": "locate" }, t("routeStartLocate"));
  locate.addEventListener("click", actions.onLocate);
  return [
    el("h3", { class: "route-section-title route-no-routes-title" }, t("routeNoRoutesTitle")),
    el("p", { class: "route-no-routes-text" }, t("routeNoRoutesText", { city: info.city })),
    el(
      "ul",
      { class: "route-facts" },
      info.straightM !== null
        ? el("li", { class: "route-straight" }, t("routeStraightLine", { distance: lengthText(info.straightM) }))
        : el("li", { class: "route-straight" }, t("routeStraightUnknown"), " ", locate),
      info.district ? el("li", { class: "route-district" }, t("routeDistrict", { name: info.district })) : null,
    ),
  ];
}

/** The statuses about the trip itself (no start, no streets, already there): the same whichever way. */
function aboutTheTrip(status: RouteStatus): boolean {
  return status === "no-routes" || status === "locating" || status === "need-start" || status === "same-place";
}

function body(view: RouteView, actions: RoutePanelActions): HTMLElement[] {
  if (view.status === "no-routes" && view.noRoutes) return noRoutes(view.noRoutes, actions);
  if (view.status === "locating") return [el("p", { class: "route-loading" }, t("routeLocatingStart"))];
  if (view.status === "need-start") return [el("p", { class: "route-need-start" }, view.error ?? t("routeFromNone"))];
  if (view.status === "same-place") return [el("p", { class: "route-same-place" }, t("routeSamePlace", { name: view.placeName }))];
  if (view.way === "transit") return journeyBody(view.journey, actions);
  if (view.status === "loading") return [el("p", { class: "route-loading" }, t("routeLoading"))];
  if (view.status === "error") return [el("p", { class: "route-error" }, view.error ?? t("routeFailed"))];
  const route = view.routes[view.chosen];
  if (!route) return [];
  return [
    choices(view, actions),
    el("p", { class: "route-summary", id: "route-summary" }, summaryText(route.distanceM, route.durationS)),
    view.routes.length > 1 ? el("p", { class: "route-hint" }, t("routeAlternativeHint")) : null,
    warnings(route, actions),
    steps(route),
  ].filter((node): node is HTMLElement => node !== null);
}

/** What a screen reader hears when the body changes: the search, the error, or the summary. */
function statusText(view: RouteView): string {
  if (view.way === "transit" && !aboutTheTrip(view.status)) return journeyStatusText(view.journey);
  if (view.status === "loading") return t("routeLoading");
  if (view.status === "locating") return t("routeLocatingStart");
  if (view.status === "need-start" || view.status === "error") return view.error ?? t("routeFailed");
  if (view.status === "same-place") return t("routeSamePlace", { name: view.placeName });
  if (view.status === "no-routes") return t("routeNoRoutesTitle");
  const route = view.routes[view.chosen];
  return route ? summaryText(route.distanceM, route.durationS) : "";
}

/** Builds the panel in `section` (an empty, hidden element). */
export function mountRoutePanel(section: HTMLElement, actions: RoutePanelActions): RoutePanel {
  const backLabel = el("span", { class: "route-back-label" });
  const back = el("button", { type: "button", class: "route-back" }, iconElement(BACK_ICON), backLabel);
  back.addEventListener("click", actions.onBack);
  const title = el("h2", { id: "route-title", class: "route-title", tabindex: -1 });
  const destination = el("p", { class: "route-destination" });
  const legend = el("legend", { class: "route-legend" });
  const radios = ROUTE_PROFILES.map((profile) => {
    const input = el("input", { type: "radio", name: "route-profile", id: `profile-${profile}`, value: profile });
    input.addEventListener("change", () => input.checked && actions.onProfile(profile));
    const text = el("span", { class: "profile-label" });
    const label = el("label", { for: input.id, class: "profile-option" }, iconElement(PROFILE_INFO[profile].icon, "profile-icon"), text);
    paintWith(label, PROFILE_INFO[profile].color);
    return { profile, input, text, wrapper: el("div", { class: "profile" }, input, label) };
  });
  const start = startRow(actions);
  const ways = waySwitch(actions);
  const depart = departRow(actions);
  const profiles = el("fieldset", { class: "route-profiles" }, legend, el("div", { class: "profile-grid" }, ...radios.map((r) => r.wrapper)));
  const content = el("div", { class: "route-body" });
  const status = el("p", { class: "visually-hidden", "aria-live": "polite" });
  section.setAttribute("aria-labelledby", title.id);
  section.append(
    el("div", { class: "card-handle", "aria-hidden": "true" }),
    el("div", { class: "route-head" }, back, el("div", { class: "route-heading" }, title, destination)),
    ways.element,
    profiles,
    start.element,
    depart.element,
    content,
    status,
  );

  return {
    render(view: RouteView): void {
      backLabel.textContent = t("routeBack");
      title.textContent = t(view.status === "no-routes" ? "routeCardNoRoutes" : "routeTitle");
      destination.textContent = t("routeTo", { name: view.placeName });
      legend.textContent = t("routeProfile");
      for (const radio of radios) {
        radio.text.textContent = t(PROFILE_INFO[radio.profile].label);
        radio.input.checked = radio.profile === view.profile;
        // Journeys are walked, never cycled: the bike is not offered on the bus side.
        radio.wrapper.hidden = view.way === "transit" && radio.profile === "child-bike";
      }
      const walkNote = view.status === "ready" && view.routes[0] ? durationText(view.routes[0].durationS) : view.status === "loading" ? journeyT("wayAsking") : "";
      ways.render(view.way, walkNote, transitNote(view.journey));
      ways.element.hidden = view.status === "no-routes";
      depart.element.hidden = view.way !== "transit" || aboutTheTrip(view.status);
      depart.render(view.journey);
      section.dataset.way = view.way;
      // Where no route can be planned, neither the way of going nor the start matters.
      profiles.hidden = view.status === "no-routes";
      start.element.hidden = view.status === "no-routes";
      start.render(view.start);
      section.dataset.status = view.status;
      const journeyBusy = view.way === "transit" && view.journey.status === "loading" && !aboutTheTrip(view.status);
      section.setAttribute("aria-busy", String(view.status === "loading" || view.status === "locating" || journeyBusy));
      replaceChildren(content, ...body(view, actions));
      status.textContent = statusText(view);
    },
    focusTitle(): void {
      title.focus({ preventScroll: true });
    },
  };
}
