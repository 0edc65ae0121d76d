/**
 * The life of a unit's report and who may move it: a reporter of the unit drafts and
 * submits; a reviewer (or the working-group administrator) returns it with comments or
 * approves it; a returned report is edited and submitted again, each submission a new
 * revision with the earlier ones kept. Pure rules, no I/O, so every boundary is tested.
 */
import type { StaffRole } from "../core/staff-roles.ts";
import { REPORT_STATES, TASK_STATUSES } from "../core/api/plan.ts";
import { type Localized, say } from "../platform/errors.ts";
import { mayPlan } from "./plan-permissions.ts";

/** The states and statuses are the API contract's (src/core/api/plan.ts). */
export { REPORT_STATES, TASK_STATUSES };
export type ReportState = (typeof REPORT_STATES)[number];

export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A state in the words of a refusal ("已审核通过的报告不能再修改"). */
const STATE_ZH: Record<ReportState, string> = { draft: "草稿", submitted: "已提交", returned: "已退回", approved: "已审核通过" };

export const REPORT_ACTIONS = ["create", "edit", "submit", "return", "approve", "import"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface Actor {
  role: StaffRole;
  unitId: string | null;
}

/** Why an action is refused, or null when it is allowed. */
export function refusal(action: ReportAction, actor: Actor, report: { unitId: string; state: ReportState | null }): { status: 403 | 409; message: Localized } | null {
  const ownUnit = mayPlan(actor.role, "reports.write") && actor.unitId === report.unitId;
  switch (action) {
    case "create":
    case "edit":
    case "submit":
      if (!ownUnit) return { status: 403, message: say("只有本单位的填报员可以填写本单位的报告", "only a reporter of the unit may write its report") };
      if (action === "create") return report.state === null ? null : { status: 409, message: say("本单位这项任务这一期已经有报告了", "this unit already has a report for this task and period") };
      return report.state === "draft" || report.state === "returned" ? null : { status: 409, message: say(`${STATE_ZH[report.state ?? "draft"]}的报告不能再修改`, `a ${report.state} report cannot be changed`) };
    case "import":
      return mayPlan(actor.role, "values.import") ? null : { status: 403, message: say("只有工作专班可以导入数据", "only the working group imports values") };
    case "return":
    case "approve":
      if (!mayPlan(actor.role, "reports.decide")) return { status: 403, message: say("只有审核员或工作专班可以审核报告", "only a reviewer or the working group may decide on a report") };
      return report.state === "submitted" ? null : { status: 409, message: say(`只有已提交的报告可以审核，这份报告${STATE_ZH[report.state ?? "draft"]}`, `only a submitted report can be decided, this one is ${report.state}`) };
  }
}

/** The state after an allowed action. */
export function nextState(action: ReportAction, current: ReportState | null): ReportState {
  if (action === "create") return "draft";
  if (action === "edit") return current ?? "draft";
  if (action === "submit") return "submitted";
  return action === "return" ? "returned" : "approved";
}

/**
 * Who may read a report: a reporter only their own unit's; reviewers and leaders every
 * report once submitted (a draft is the unit's own workspace); the working group all;
 * a role without "reports.read" (a moderator) none.
 */
export function mayRead(actor: Actor, report: { unitId: string; state: ReportState }): boolean {
  if (!mayPlan(actor.role, "reports.read")) return false;
  if (actor.role === "reporter") return actor.unitId === report.unitId;
  return actor.role === "admin" || report.state !== "draft";
}
