/**
 * The map's legend: the walking-minute bands for the threshold in use (greens covered,
 * orange and red the gap), what each marker means, what a disc's size shows, and the
 * population-proxy statement that says what the shares count (footprint, not people).
 */
import { el } from "../../shared/dom.ts";
import { t } from "./planner-messages.ts";
import type { PlannerMessageKey } from "./planner-messages.ts";
import { BANDS, BAND_COLORS, bandLimits, type Band } from "./coverage-bands.ts";

const BAND_WORDS: Readonly<Record<Band, PlannerMessageKey>> = { near: "bandNear", covered: "bandCovered", miss: "bandMiss", far: "bandFar" };

/** The words of one band for threshold `minutes`. */
export function bandText(band: Band, minutes: number): string {
  return t(BAND_WORDS[band], bandLimits(minutes)[band]);
}

/** The band swatches, shared with the print brief. */
export function bandList(minutes: number): HTMLElement {
  const items = BANDS.map((band) =>
    el("li", { "data-band": band }, el("span", { class: "legend-disc", style: `background: ${BAND_COLORS[band]}`, "aria-hidden": "true" }), bandText(band, minutes)),
  );
  return el("ul", { class: "legend-bands" }, ...items);
}

/** The legend for threshold `minutes`. */
export function mapLegend(minutes: number): HTMLElement {
  const marker = (className: string, text: PlannerMessageKey, symbol = ""): HTMLElement =>
    el("li", {}, el("span", { class: `legend-marker ${className}`, "aria-hidden": "true" }, symbol), t(text));
  return el(
    "details",
    { class: "planner-legend", id: "planner-legend", open: true },
    el("summary", { class: "legend-title" }, t("plannerLegendTitle")),
    bandList(minutes),
    el(
      "ul",
      { class: "legend-markers" },
      marker("legend-site", "legendSite"),
      marker("legend-closed", "legendClosed", "×"),
      marker("legend-proposed", "legendProposed", "1"),
      marker("legend-suggestion", "legendSuggestion", "1"),
    ),
    el("p", { class: "legend-note" }, t("legendDisc")),
    el("p", { class: "legend-note legend-proxy" }, t("populationProxy")),
  );
}
