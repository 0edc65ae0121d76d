/**
 * The pictures and colours of the idea kinds: a child picks a kind by its picture, and the
 * same picture marks the idea's pin on the map. Maki's CC0 icons where one fits, a zebra
 * crossing drawn here. The kinds themselves and their names come from the contract
 * (src/core/api/voice.ts), so the browser and the server agree.
 */
import library from "@mapbox/maki/icons/library.svg?raw";
import parkAlt from "@mapbox/maki/icons/park-alt1.svg?raw";
import playground from "@mapbox/maki/icons/playground.svg?raw";
import star from "@mapbox/maki/icons/star.svg?raw";
import toilet from "@mapbox/maki/icons/toilet.svg?raw";
import wasteBasket from "@mapbox/maki/icons/waste-basket.svg?raw";
import wheelchair from "@mapbox/maki/icons/wheelchair.svg?raw";
import car from "@mapbox/maki/icons/car.svg?raw";
import caution from "@mapbox/maki/icons/caution.svg?raw";
import danger from "@mapbox/maki/icons/danger.svg?raw";
import roadblock from "@mapbox/maki/icons/roadblock.svg?raw";
import tunnel from "@mapbox/maki/icons/tunnel.svg?raw";
// The only file of the web app that takes values (not types) from the ideas contract.
import { HAZARD_KINDS, IDEA_ANSWER_STAGES, IDEA_COMMENT_MAX, IDEA_KINDS, IDEA_KIND_LABELS, isHazardKind, IDEA_PHOTOS_MAX, IDEA_STAGE_LABELS, IDEA_TEXT_MAX, IDEA_TITLE_MAX, type IdeaAnswerStage, type IdeaKind, type IdeaStage } from "../../../../src/core/api/voice-vocabulary.ts";
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";

const ZEBRA_CROSSING =
  '<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15">' +
  '<rect x="1" y="1" width="2.2" height="13" rx=".5"/><rect x="4.6" y="1" width="2.2" height="13" rx=".5"/>' +
  '<rect x="8.2" y="1" width="2.2" height="13" rx=".5"/><rect x="11.8" y="1" width="2.2" height="13" rx=".5"/>' +
  "</svg>";

/** Each kind's picture (an SVG source) and colour (white icons on it keep a 4.5:1 contrast). */
export const KIND_LOOKS: Readonly<Record<IdeaKind, { readonly svg: string; readonly color: string }>> = {
  play_space: { svg: playground, color: "#c2255c" },
  shade: { svg: parkAlt, color: "#2b8a3e" },
  toilet: { svg: toilet, color: "#1864ab" },
  safe_crossing: { svg: ZEBRA_CROSSING, color: "#d9480f" },
  quiet_space: { svg: library, color: "#6741d9" },
  accessibility: { svg: wheelchair, color: "#0b7285" },
  cleanliness: { svg: wasteBasket, color: "#5c940d" },
  other: { svg: star, color: "#495057" },
  no_crossing: { svg: caution, color: "#c92a2a" },
  broken_light: { svg: danger, color: "#a61e4d" },
  cars_on_footway: { svg: car, color: "#862e9c" },
  no_footway: { svg: roadblock, color: "#5f3dc4" },
  dark_underpass: { svg: tunnel, color: "#343a40" },
};

/** The pictures by kind, as the map's ideas layer registers them. */
export const KIND_ICONS: Readonly<Record<string, string>> = Object.fromEntries(IDEA_KINDS.map((kind) => [kind, KIND_LOOKS[kind].svg]));

/** A kind's name in the current language. */
export function kindName(kind: IdeaKind): string {
  return pick(IDEA_KIND_LABELS[kind]);
}

/** A stage's name in a child's words, in the current language. */
export function stageName(stage: IdeaStage): string {
  return pick(IDEA_STAGE_LABELS[stage]);
}

/** A kind's picture as an inline SVG drawn in `currentColor`. */
export function kindSvg(kind: IdeaKind): string {
  return KIND_LOOKS[kind].svg.replace(/<\?xml[^>]*\?>\s*/, "").replace(/<svg\b[^>]*>/, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 15 15" aria-hidden="true" focusable="false" fill="currentColor">');
}

/** A kind's picture on a disc of its colour, named for screen readers. */
export function kindMark(kind: IdeaKind): HTMLElement {
  const mark = el("span", { class: "kind-mark", style: `--kind-color:${KIND_LOOKS[kind].color}` }, el("span", { class: "visually-hidden" }, kindName(kind)));
  mark.insertAdjacentHTML("afterbegin", kindSvg(kind));
  return mark;
}

export { HAZARD_KINDS, IDEA_ANSWER_STAGES, IDEA_COMMENT_MAX, IDEA_KINDS, isHazardKind, IDEA_PHOTOS_MAX, IDEA_TEXT_MAX, IDEA_TITLE_MAX, type IdeaAnswerStage, type IdeaKind, type IdeaStage };
