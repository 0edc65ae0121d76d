/**
 * Icons of the route panel, 15x15 like Maki's: the four ways of going (a child walking, a
 * stroller, a bicycle, an adult walking), each with its own bright colour, and one small
 * sign per kind of step (start, straight on, left, right, cross, arrive).
 */
import bicycle from "@mapbox/maki/icons/bicycle.svg?raw";
import caution from "@mapbox/maki/icons/caution.svg?raw";
import marker from "@mapbox/maki/icons/marker.svg?raw";
import { FACILITY_ICONS } from "../../shared/icons.ts";
import type { RouteMessageKey } from "./route-messages.ts";
import type { RouteProfile } from "./route-api.ts";

const svg = (body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15">${body}</svg>`;

/** A child: a big head on a short body, mid-stride. */
const CHILD_WALK = svg(
  '<circle cx="7.6" cy="3.1" r="2.3"/>' +
    '<path d="M6.1 6h2.9l1.9 3.1-1.1.7-1.2-1.7v2.1l1.5 3.6-1.3.6-1.4-3.2-1.2 3.2-1.3-.5 1.1-3.7V8.2L5 9.7l-1.1-.7z"/>',
);

/** An adult: a small head on a tall body, mid-stride. */
const ADULT_WALK = svg(
  '<circle cx="7.6" cy="1.8" r="1.5"/>' +
    '<path d="M6.3 3.8h2.6l2 3.9-1.1.6-1.4-2.4v3.2l1.6 5.3-1.3.4-1.3-4.3-1.1 4.3-1.3-.3 1.1-5.4V5.9L4.8 8.3l-1.1-.6z"/>',
);

/** Each way of going: its message key, icon and colour. */
export const PROFILE_INFO: Readonly<Record<RouteProfile, { readonly label: RouteMessageKey; readonly icon: string; readonly color: string }>> = {
  "child-walk": { label: "profileChildWalk", icon: CHILD_WALK, color: "#e8590c" },
  stroller: { label: "profileStroller", icon: FACILITY_ICONS.stroller, color: "#c2255c" },
  "child-bike": { label: "profileChildBike", icon: bicycle, color: "#2b8a3e" },
  "adult-walk": { label: "profileAdultWalk", icon: ADULT_WALK, color: "#1864ab" },
};

const STEP_ICONS: Readonly<Record<string, string>> = {
  start: svg('<path fill-rule="evenodd" d="M7.5 1.5a6 6 0 1 1 0 12 6 6 0 0 1 0-12zm0 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"/>'),
  continue: svg('<path d="M7.5 1 12.5 6.5H9V14H6V6.5H2.5z"/>'),
  "turn-left": svg('<path d="M5.5 1.5 1 5.5l4.5 4V7h4c.6 0 1 .4 1 1v6h3V8c0-2.2-1.8-4-4-4h-4z"/>'),
  "turn-right": svg('<path d="M9.5 1.5 14 5.5l-4.5 4V7h-4c-.6 0-1 .4-1 1v6h-3V8c0-2.2 1.8-4 4-4h4z"/>'),
  cross: svg('<path d="M1.5 1h2.4v13H1.5zm4.8 0h2.4v13H6.3zm4.8 0h2.4v13h-2.4z"/>'),
  arrive: marker,
};

/** The sign of a step type; an unknown type gets the "straight on" arrow. */
export function stepIcon(type: string): string {
  return STEP_ICONS[type] ?? STEP_ICONS.continue ?? marker;
}

/** The caution sign of warnings. */
export const CAUTION_ICON = caution;
