/**
 * The planner's page skeleton once signed in: a head (title, who is signed in, sign-out,
 * the controls), the map with its legend and a loading note, and the results panel. On a
 * desktop the map fills the left and the head and panel scroll together on the right; on a
 * phone the page flows head, map, legend, panel (planner.css).
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./planner-messages.ts";
import { STAFF_ROLE_LABELS } from "../../../../src/core/staff-roles.ts";
import type { StaffUser } from "../accounts/staff-session-api.ts";

/** The parts the session fills. */
export interface PlannerLayout {
  readonly head: HTMLElement;
  readonly controls: HTMLElement;
  readonly map: HTMLElement;
  readonly legend: HTMLElement;
  readonly note: HTMLElement;
  readonly panel: HTMLElement;
}

/** Builds the skeleton into `main`. */
export function plannerLayout(main: HTMLElement): PlannerLayout {
  const parts: PlannerLayout = {
    head: el("div", { class: "planner-user" }),
    controls: el("div", { class: "planner-controls-slot" }),
    map: el("div", { id: "planner-map", class: "planner-map" }),
    legend: el("div", { class: "planner-legend-slot" }),
    note: el("p", { class: "map-note", role: "status", "aria-live": "polite" }),
    panel: el("div", { id: "planner-panel", class: "planner-panel" }),
  };
  replaceChildren(
    main,
    el(
      "div",
      { class: "planner-layout" },
      el("div", { class: "planner-map-area" }, parts.map, parts.note, parts.legend),
      el("div", { class: "planner-side" }, el("div", { class: "planner-head" }, parts.head, parts.controls), parts.panel),
    ),
  );
  return parts;
}

/** The title, the intro, who is signed in and the sign-out button. */
export function userHead(user: StaffUser, signOut: () => void): HTMLElement[] {
  const out = el("button", { type: "button", class: "button button-quiet", id: "sign-out" }, t("signOut"));
  out.addEventListener("click", () => {
    out.disabled = true;
    signOut();
  });
  const who = [user.displayName, pick(STAFF_ROLE_LABELS[user.role])].join(" · ");
  return [
    el("div", { class: "planner-title-row" }, el("div", {}, el("h1", { class: "planner-title", tabindex: -1 }, t("plannerTitle")), el("p", { class: "user-who", id: "user-who" }, who)), out),
    el("p", { class: "planner-intro" }, t("plannerIntro")),
  ];
}
