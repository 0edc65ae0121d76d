/**
 * The words of the dashboard feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  dashboardTitle: "进展总览",
  reportedOf: "已报送 {done}/{total} 个单位",
  unitReports: "各单位报送情况",
  expected: "应报",
  submittedCount: "待审核",
  approvedCount: "已通过",
  overdueCount: "逾期",
  overdueTitle: "逾期和即将到期",
  overdueIdeasTitle: "孩子们的想法：逾期未答复",
  nothingOverdueIdeas: "没有逾期未答复的想法。",
  overdueIdeaItem: "{unit} · 已等 {days} 天",
  overdueIdeaUnsent: "待工作组分派",
  nothingOverdue: "没有逾期的报告。",
  overdueSummary: "逾期 {overdue} 份 · 即将到期 {soon} 份",
  owedItem: "任务 {task} · {period} · 截止 {due}",
  indicatorTrend: "指标趋势",
  districtViewTitle: "区县视图",
  districtPick: "选择区县",
  districtNone: "行动计划里没有区县单位。",
  districtIndicators: "{unit} · 分区县指标",
  districtIndicatorsNote: "按区县设定目标的指标。数值来自审核通过的报告和示范点评估。",
  districtNoIndicators: "行动计划没有按区县设定的指标。",
  districtReports: "应报送的报告",
  districtNoReports: "{unit}没有需要报送或逾期的报告。只有牵头单位按期报送任务进展。",
  districtDue: "截止 {due}",
  districtTasks: "承担的任务",
  districtTasksNote: "“各县(市)区”参与的任务，区县配合牵头单位推进。状态为任务整体进展。",
  daysLate: "已逾期 {n} 天",
  overdueScroll: "逾期报告清单，按单位列出（可滚动）",
  evaluationTitle: "评估报告",
  evaluationMidTerm: "中期评估（2025 年）",
  evaluationFinal: "终期评估（2028 年）",
  evaluationXlsx: "下载表格（xlsx）",
  evaluationPage: "打印版网页",
  evaluationPdf: "下载 PDF",
  evaluationNote: "按当前已审核通过的数据生成；表格第一页写明计算方法。",
} as const;

/** The keys of the dashboard feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  dashboardTitle: "Overview",
  reportedOf: "{done} of {total} units reported",
  unitReports: "Reports by unit",
  expected: "Expected",
  submittedCount: "To review",
  approvedCount: "Approved",
  overdueCount: "Overdue",
  overdueTitle: "Overdue and due soon",
  overdueIdeasTitle: "Children's ideas awaiting an answer past the deadline",
  nothingOverdueIdeas: "No idea waits past the deadline.",
  overdueIdeaItem: "{unit} · waiting {days} days",
  overdueIdeaUnsent: "to be sent on by the working group",
  nothingOverdue: "No reports are overdue.",
  overdueSummary: "{overdue} overdue · {soon} due soon",
  owedItem: "Task {task} · {period} · due {due}",
  indicatorTrend: "Indicator trend",
  districtViewTitle: "District view",
  districtPick: "County or district",
  districtNone: "The action plan names no counties or districts.",
  districtIndicators: "{unit} · indicators set per county",
  districtIndicatorsNote: "Indicators with a target for each county. Values come from approved reports and site assessments.",
  districtNoIndicators: "The action plan sets no indicators per county.",
  districtReports: "Reports it owes",
  districtNoReports: "{unit} owes no reports and has none overdue. Only the lead units report on a task each period.",
  districtDue: "due {due}",
  districtTasks: "Tasks it takes part in",
  districtTasksNote: "Tasks of “all counties and districts”: the county helps the lead units. The status is the task's as a whole.",
  daysLate: "{n} days overdue",
  overdueScroll: "List of overdue reports by unit (scrolls)",
  evaluationTitle: "Evaluation reports",
  evaluationMidTerm: "Mid-term evaluation (2025)",
  evaluationFinal: "Final evaluation (2028)",
  evaluationXlsx: "Workbook (xlsx)",
  evaluationPage: "Printable page",
  evaluationPdf: "PDF",
  evaluationNote: "Made from the data approved so far; the workbook's first sheet states the method.",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const DASHBOARD_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type DashboardMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(DASHBOARD_MESSAGES);
