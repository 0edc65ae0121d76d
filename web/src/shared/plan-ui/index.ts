/**
 * What the public progress page and the staff features share about the plan: the traffic
 * light badge and counts, the goal → action → task tree, indicator cards and picker, number
 * formatting, report states and times in words, and the plan data and report vocabulary (plan-data.ts). Staff features import
 * this module only, never the progress page's files.
 */
export * from "./plan-data.ts";
export { indicatorChart, formatValue, chartPoints, chartSummary } from "./indicator-chart.ts";
export { indicatorCard, indicatorCards, indicatorPicker, uniqueIndicators } from "./indicator-list.ts";
export { lightBadge, lightCounts, lightText } from "./light-badge.ts";
export { planTree, type TaskExtra } from "./plan-tree.ts";
export { stateBadge, stateText, taskStatusText, timeText } from "./report-badges.ts";
export { type ChasedPeriod, type LateReport, lateLine, periodBanner } from "./period-banner.ts";
