/**
 * A small SVG bar chart of coverage shares: for the whole city and each district, one bar
 * for residential land and one for residential buildings, 0–100%. When a what-if plan
 * differs from now, a dark tick on each bar marks the share now, so the gain reads at a
 * glance. Plain SVG like the progress page's chart; the figure carries a text summary.
 */
import { el } from "../../shared/dom.ts";
import { t } from "./planner-messages.ts";
import type { Share } from "./planner-api.ts";

/** One group of bars: a name, the shares of the plan and (when different) of now. */
export interface ChartRow {
  readonly name: string;
  readonly land: Share;
  readonly buildings: Share;
  readonly before: { readonly land: Share; readonly buildings: Share } | null;
}

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 360;
const LABEL_W = 92;
const VALUE_W = 52;
const BAR_H = 14;
const ROW_GAP = 10;
const BAR_COLORS = { land: "#0b7285", buildings: "#5f3dc4" } as const;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A share as a percentage with one decimal: "33.9%". */
export function percentText(share: Share): string {
  return `${(share.share * 100).toFixed(1)}%`;
}

function legend(changed: boolean): HTMLElement {
  const item = (swatch: string, text: string): HTMLElement => el("li", {}, el("span", { class: `chart-swatch ${swatch}`, "aria-hidden": "true" }), text);
  return el(
    "ul",
    { class: "chart-legend", "aria-hidden": "true" },
    item("swatch-land", t("landShort")),
    item("swatch-buildings", t("buildingsShort")),
    changed ? item("swatch-before", t("plannerNow")) : null,
  );
}

function bar(chart: SVGSVGElement, y: number, share: Share, before: Share | null, color: string): void {
  const span = WIDTH - LABEL_W - VALUE_W;
  chart.append(svg("rect", { x: LABEL_W, y, width: span, height: BAR_H, rx: 3, class: "share-track" }));
  chart.append(svg("rect", { x: LABEL_W, y, width: Math.max(1, share.share * span), height: BAR_H, rx: 3, fill: color }));
  if (before && before.share !== share.share) {
    const x = LABEL_W + before.share * span;
    chart.append(svg("line", { x1: x, x2: x, y1: y - 3, y2: y + BAR_H + 3, class: "share-before" }));
  }
  chart.append(svg("text", { x: WIDTH, y: y + BAR_H - 2, class: "chart-value share-value", "text-anchor": "end" }, percentText(share)));
}

/** The chart; `summary` labels it for screen readers. */
export function shareChart(rows: readonly ChartRow[], summary: string): HTMLElement {
  const rowH = BAR_H * 2 + 4 + ROW_GAP;
  const height = 4 + rows.length * rowH;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: "chart share-chart", role: "img", "aria-label": summary });
  rows.forEach((row, i) => {
    const top = 4 + i * rowH;
    chart.append(svg("text", { x: 0, y: top + BAR_H + 6, class: "chart-tick share-name" }, row.name.length > 9 ? `${row.name.slice(0, 8)}…` : row.name));
    bar(chart, top, row.land, row.before?.land ?? null, BAR_COLORS.land);
    bar(chart, top + BAR_H + 4, row.buildings, row.before?.buildings ?? null, BAR_COLORS.buildings);
  });
  return el("figure", { class: "chart-figure share-figure" }, chart, legend(rows.some((r) => r.before !== null)));
}
