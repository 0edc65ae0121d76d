/**
 * The words of the plan widgets the progress page and the staff features share, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../i18n.ts";
import type { MessageKey } from "../messages.ts";

const zh = {
  tasksByLight: "共 {n} 项任务，按进展分类",
  shareOfTasks: "占 {n}%",
  lightGreen: "正常",
  lightYellow: "预警",
  lightRed: "滞后",
  lightGrey: "暂无数据",
  goalTitle: "目标{n}：{title}",
  actionTitle: "行动{n}：{title}",
  noIndicatorData: "还没有审核通过的指标数据。",
  indicatorsWaiting: "尚无数据的指标（{n} 项）",
  targetShort: "{year} 年目标",
  shareOfTarget: "已达目标的 {n}%",
  chartLatest: "最新 {value} {unit}（{date}）",
  chartTarget: "目标 {value} {unit}（{year} 年）",
  chooseIndicator: "选择指标",
  periodBanner: "本期：{period}（{start} 至 {end}），报送截止 {due}",
  periodLate: "已逾期 {n} 天",
  periodNotOwed: "系统从 {date} 开始报送，{period} 及以前各期暂无数据，不算逾期。",
  lateReport: "{unit} · {period} 报告逾期 {n} 天",
  lateMore: "另有 {n} 个单位逾期",
} as const;

/** The keys of the plan widgets the progress page and the staff features share; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  tasksByLight: "{n} tasks by progress",
  shareOfTasks: "{n}%",
  lightGreen: "On track",
  lightYellow: "Warning",
  lightRed: "Behind",
  lightGrey: "No data",
  goalTitle: "Goal {n}: {title}",
  actionTitle: "Action {n}: {title}",
  noIndicatorData: "No approved indicator data yet.",
  indicatorsWaiting: "Indicators without data ({n})",
  targetShort: "{year} target",
  shareOfTarget: "{n}% of the target",
  chartLatest: "latest {value} {unit} ({date})",
  chartTarget: "target {value} {unit} by {year}",
  chooseIndicator: "Choose an indicator",
  periodBanner: "Period {period} ({start} to {end}), reports due {due}",
  periodLate: "{n} days overdue",
  periodNotOwed: "Reporting in the system started on {date}; {period} and earlier periods have no data and are not late.",
  lateReport: "{unit} · {period} report {n} days late",
  lateMore: "{n} more units late",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const PLAN_UI_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type PlanUiMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(PLAN_UI_MESSAGES);

/** A report's state in both languages; "none" is a report not yet started. */
export const REPORT_STATE_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  none: { zh: "未填报", en: "Not started" },
  draft: { zh: "草稿", en: "Draft" },
  submitted: { zh: "待审核", en: "Submitted" },
  returned: { zh: "已退回", en: "Sent back" },
  approved: { zh: "已通过", en: "Approved" },
};

/** What a unit can say of its task's progress, in both languages. */
export const TASK_STATUS_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  not_started: { zh: "尚未启动", en: "Not started" },
  on_track: { zh: "按计划推进", en: "On track" },
  at_risk: { zh: "有风险", en: "At risk" },
  delayed: { zh: "滞后", en: "Delayed" },
  completed: { zh: "已完成", en: "Completed" },
};

/** The steps of a report's history, in both languages. */
export const REPORT_ACTION_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  create: { zh: "创建", en: "Created" },
  edit: { zh: "修改", en: "Edited" },
  submit: { zh: "提交", en: "Submitted" },
  return: { zh: "退回", en: "Sent back" },
  approve: { zh: "审核通过", en: "Approved" },
};
