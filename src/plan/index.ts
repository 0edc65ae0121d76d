/** Supervising the action plan: the plan as data, unit reports, progress, dashboards. */
export { PlanSupervision, loadBundledPlans, planDomain, type PlanDomainDeps } from "./plan-supervision.ts";
export { PlanBook, readPlanFile, savePlan, loadPlans } from "./plan-book.ts";
export { PERIOD_KINDS, type PeriodKind } from "./periods.ts";
export { buildDashboard, type Dashboard } from "./dashboard.ts";
export { ReportStore } from "./report-store.ts";
export { PLAN_PERMISSIONS, type PlanPermission, mayPlan, planRoles } from "./plan-permissions.ts";
export { planMigrations } from "./migrations.ts";
export { EVALUATION_STAGES } from "./evaluation.ts";
export { MAX_EVIDENCE_BYTES } from "./evidence-files.ts";
export { decisionSchema, newReportSchema, reportContentSchema } from "./report-service.ts";
export { REPORT_STATES, TASK_STATUSES } from "./report-workflow.ts";
export type { OverdueIdea, ParticipationFigures, ParticipationSource } from "./participation.ts";
export type { ActivityCount, ActivityFigures, ActivitySource } from "./activities.ts";
export { completedSchoolRouteChanges, SchoolProjectService } from "./school-projects-service.ts";
export { SCHOOL_PROJECT_PERMISSIONS, type SchoolProjectPermission, schoolProjectRoles } from "./school-projects-permissions.ts";
export type { CompletedCrossing } from "./school-projects-summary.ts";
