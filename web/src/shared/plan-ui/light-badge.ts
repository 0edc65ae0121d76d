/**
 * Traffic lights in words as well as colour (正常/预警/滞后/暂无数据), so nobody needs to tell
 * red from green to read the plan's progress: a badge for one light and tiles that count
 * the tasks of each colour.
 */
import { el } from "../dom.ts";
import { t } from "./plan-ui-messages.ts";
import type { PlanUiMessageKey } from "./plan-ui-messages.ts";
import { LIGHTS, type Light } from "./plan-data.ts";

const LIGHT_WORDS: Readonly<Record<Light, PlanUiMessageKey>> = {
  green: "lightGreen",
  yellow: "lightYellow",
  red: "lightRed",
  grey: "lightGrey",
};

/** The word for a light in the current language. */
export function lightText(light: Light): string {
  return t(LIGHT_WORDS[light]);
}

/** A coloured dot with the light's word; `data-light` carries the colour for tests and CSS. */
export function lightBadge(light: Light): HTMLElement {
  return el("span", { class: "light", "data-light": light }, el("span", { class: "light-dot", "aria-hidden": "true" }), lightText(light));
}

/** One tile per light with the number of tasks of that colour and a bar of its share. */
export function lightCounts(counts: Readonly<Record<Light, number>>): HTMLElement {
  const total = LIGHTS.reduce((sum, light) => sum + counts[light], 0);
  const tiles = LIGHTS.map((light) => {
    const share = total === 0 ? 0 : Math.round((counts[light] / total) * 100);
    return el(
      "li",
      { class: "light-tile", "data-light": light },
      el("span", { class: "light-tile-count" }, String(counts[light])),
      el("span", { class: "light-tile-label" }, el("span", { class: "light-dot", "aria-hidden": "true" }), lightText(light)),
      el("span", { class: "light-tile-share" }, t("shareOfTasks", { n: share })),
    );
  });
  return el("ul", { class: "light-tiles", "aria-label": t("tasksByLight", { n: total }) }, ...tiles);
}
