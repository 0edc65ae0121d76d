/**
 * Indicators against their targets: a card per indicator with approved data (latest value,
 * target, how far along, the chart), the ones still without data folded away, and a picker
 * that shows one indicator's chart at a time for the staff dashboard.
 */
import { el } from "../dom.ts";
import { pick } from "../i18n.ts";
import { t } from "./plan-ui-messages.ts";
import { formatValue, indicatorChart } from "./indicator-chart.ts";
import { lightBadge } from "./light-badge.ts";
import { allTasks, type GoalView, type IndicatorView } from "./plan-data.ts";

/** Each indicator of the tree once, in plan order. */
export function uniqueIndicators(goals: readonly GoalView[]): IndicatorView[] {
  const seen = new Map<string, IndicatorView>();
  for (const task of allTasks(goals)) for (const indicator of task.indicators) if (!seen.has(indicator.id)) seen.set(indicator.id, indicator);
  return [...seen.values()];
}

const nameOf = (indicator: IndicatorView): string => pick({ zh: indicator.name, en: indicator.nameEn });

function valueLine(indicator: IndicatorView): HTMLElement {
  const latest = indicator.latest ? `${formatValue(indicator.latest.value)} ${indicator.unit}` : t("noDataYet");
  const target = indicator.target ? t("targetValue", { value: formatValue(indicator.target.value), unit: indicator.unit, year: indicator.target.year }) : t("noNumericTarget");
  return el(
    "dl",
    { class: "indicator-values" },
    el("div", {}, el("dt", {}, t("latestValue")), el("dd", { class: "indicator-latest" }, latest)),
    el("div", {}, el("dt", {}, t("target")), el("dd", {}, target)),
  );
}

function progressBar(indicator: IndicatorView): HTMLElement | null {
  if (!indicator.latest || !indicator.target || indicator.target.value <= 0) return null;
  const share = Math.max(0, Math.min(100, Math.round((indicator.latest.value / indicator.target.value) * 100)));
  const label = t("shareOfTarget", { n: share });
  return el(
    "div",
    { class: "indicator-bar", role: "meter", "aria-valuenow": share, "aria-valuemin": 0, "aria-valuemax": 100, "aria-label": label, "data-light": indicator.light },
    el("span", { class: "indicator-bar-fill", style: `width: ${share}%` }),
    el("span", { class: "indicator-bar-text" }, label),
  );
}

/** A card for one indicator: name, light, values, share of the target and chart. */
export function indicatorCard(indicator: IndicatorView): HTMLElement {
  return el(
    "article",
    { class: "indicator-card", "data-indicator": indicator.id, "data-light": indicator.light },
    el("div", { class: "indicator-head" }, el("h3", { class: "indicator-name" }, nameOf(indicator)), lightBadge(indicator.light)),
    valueLine(indicator),
    progressBar(indicator),
    indicatorChart(indicator),
  );
}

/** Cards for the indicators with data; the others listed, folded, with their targets. */
export function indicatorCards(indicators: readonly IndicatorView[]): HTMLElement {
  const measured = indicators.filter((i) => i.latest !== null);
  const waiting = indicators.filter((i) => i.latest === null);
  const rows = waiting.map((i) => el("li", {}, el("span", {}, nameOf(i)), el("span", { class: "muted" }, i.target ? t("targetValue", { value: formatValue(i.target.value), unit: i.unit, year: i.target.year }) : t("noNumericTarget"))));
  return el(
    "div",
    { class: "indicator-list" },
    measured.length > 0 ? el("div", { class: "indicator-grid" }, ...measured.map(indicatorCard)) : el("p", { class: "empty-note" }, t("noIndicatorData")),
    waiting.length > 0 ? el("details", { class: "indicator-waiting" }, el("summary", {}, t("indicatorsWaiting", { n: waiting.length })), el("ul", {}, ...rows)) : null,
  );
}

/** A select of indicators (those with data first) and the chosen one's card. */
export function indicatorPicker(indicators: readonly IndicatorView[], id: string): HTMLElement {
  const ordered = [...indicators.filter((i) => i.latest !== null), ...indicators.filter((i) => i.latest === null)];
  const select = el("select", { id, class: "select picker-select" }, ...ordered.map((i) => el("option", { value: i.id }, `${nameOf(i)}${i.latest ? "" : ` (${t("noDataYet")})`}`)));
  const slot = el("div", { class: "picker-card" });
  const show = (): void => {
    const chosen = ordered.find((i) => i.id === select.value);
    slot.replaceChildren(...(chosen ? [indicatorCard(chosen)] : []));
  };
  select.addEventListener("change", show);
  show();
  return el("div", { class: "indicator-picker" }, el("label", { for: id, class: "field-label" }, t("chooseIndicator")), select, slot);
}
