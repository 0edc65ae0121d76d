/**
 * A small SVG line chart of one indicator: its approved values over time, the target as a
 * dashed line up to the target year, and the latest value written beside its point. Plain
 * SVG because one line and one target do not earn a charting library; the chart carries a
 * text summary for screen readers.
 */
import { el } from "../dom.ts";
import { pick } from "../i18n.ts";
import { t } from "./plan-ui-messages.ts";
import type { IndicatorView, Observation } from "./plan-data.ts";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 360;
const HEIGHT = 200;
const PAD = { left: 44, right: 16, top: 16, bottom: 30 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const day = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The points drawn: the city-wide values, or every district's when there are none. */
export function chartPoints(indicator: IndicatorView): Observation[] {
  const cityWide = indicator.series.filter((o) => o.districtUnitId === null);
  return [...(cityWide.length > 0 ? cityWide : indicator.series)].sort((a, b) => day(a.measuredOn) - day(b.measuredOn));
}

/** A number as people write it: no trailing zeros, at most two decimals. */
export function formatValue(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The one-sentence summary the chart is labelled with. */
export function chartSummary(indicator: IndicatorView): string {
  const name = pick({ zh: indicator.name, en: indicator.nameEn });
  const latest = indicator.latest ? t("chartLatest", { value: formatValue(indicator.latest.value), unit: indicator.unit, date: indicator.latest.measuredOn }) : t("noDataYet");
  const target = indicator.target ? t("chartTarget", { value: formatValue(indicator.target.value), unit: indicator.unit, year: indicator.target.year }) : "";
  return [name, latest, target].filter(Boolean).join(t("listSeparator"));
}

/** The chart for an indicator; a short note instead when nothing approved is measured yet. */
export function indicatorChart(indicator: IndicatorView): HTMLElement {
  const points = chartPoints(indicator);
  if (points.length === 0) return el("p", { class: "chart-empty" }, t("noDataYet"));
  const target = indicator.target;
  const first = day(points[0]!.measuredOn);
  const last = Math.max(day(points[points.length - 1]!.measuredOn), target ? day(`${target.year}-12-31`) : 0);
  const span = Math.max(1, last - first);
  const top = Math.max(...points.map((p) => p.value), target?.value ?? 0, 1) * 1.15;
  const x = (date: string): number => PAD.left + ((day(date) - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number): number => HEIGHT - PAD.bottom - (Math.max(0, value) / top) * (HEIGHT - PAD.top - PAD.bottom);

  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "chart", role: "img", "aria-label": chartSummary(indicator) });
  const base = y(0);
  chart.append(
    svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: base, y2: base, class: "chart-axis" }),
    svg("text", { x: PAD.left - 6, y: base + 4, class: "chart-tick", "text-anchor": "end" }, "0"),
    svg("text", { x: PAD.left, y: HEIGHT - 8, class: "chart-tick" }, points[0]!.measuredOn.slice(0, 7)),
    svg("text", { x: WIDTH - PAD.right, y: HEIGHT - 8, class: "chart-tick", "text-anchor": "end" }, target ? String(target.year) : points[points.length - 1]!.measuredOn.slice(0, 7)),
  );
  if (target) {
    const ty = y(target.value);
    chart.append(
      svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: ty, y2: ty, class: "chart-target" }),
      svg("text", { x: PAD.left - 6, y: ty + 4, class: "chart-tick", "text-anchor": "end" }, formatValue(target.value)),
      svg("text", { x: WIDTH - PAD.right, y: ty - 6, class: "chart-target-label", "text-anchor": "end" }, t("targetShort", { year: target.year })),
    );
  }
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.measuredOn).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  chart.append(svg("path", { d: path, class: "chart-line" }));
  for (const p of points) chart.append(svg("circle", { cx: x(p.measuredOn), cy: y(p.value), r: 4.5, class: "chart-point" }));
  const end = points[points.length - 1]!;
  chart.append(svg("text", { x: x(end.measuredOn) + 8, y: y(end.value) - 8, class: "chart-value" }, `${formatValue(end.value)} ${indicator.unit}`));
  return el("figure", { class: "chart-figure" }, chart);
}
