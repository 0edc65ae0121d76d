/**
 * Who may do what in plan supervision, in one table: the route guards, the report workflow
 * (`refusal`, `mayRead`) and the authorization-matrix test all read it, and
 * docs/PLAN-SUPERVISION.md's role table says the same in words. A role missing from a row
 * gets 403. Moderators handle children's content (reviews, corrections), not the plan, so
 * they are in no row; the unit and state rules of a report come on top of its row.
 */
import { AUDIT_READERS } from "../accounts/index.ts";
import type { StaffRole } from "../core/staff-roles.ts";

const WORKING_GROUP = ["admin", "reviewer", "leader"] as const;
const PLAN_STAFF = ["admin", "reporter", "reviewer", "leader"] as const;

/** Each plan permission with the roles that hold it. */
export const PLAN_PERMISSIONS = {
  /** List, read, history and evidence downloads (a reporter: its unit's; others: once submitted). */
  "reports.read": PLAN_STAFF,
  /** Start, edit, attach evidence to and submit a report (its own unit's). */
  "reports.write": ["reporter"],
  /** Return a submitted report with a comment, or approve it. */
  "reports.decide": ["admin", "reviewer"],
  "dashboard.read": PLAN_STAFF,
  "overdue.read": WORKING_GROUP,
  /** Mid-term and final evaluation as workbook, page and PDF. */
  "evaluations.read": WORKING_GROUP,
  "values.export": WORKING_GROUP,
  "values.import": ["admin"],
  /** Demonstration-site assessments: read them, score a place. */
  "sites.read": PLAN_STAFF,
  "sites.assess": ["admin", "reviewer"],
  /** The audit trail (GET /api/audit): the accounts domain's rule, listed here for the matrix. */
  "audit.read": AUDIT_READERS,
} as const satisfies Record<string, readonly StaffRole[]>;

export type PlanPermission = keyof typeof PLAN_PERMISSIONS;

/** The roles holding a permission, as the guards want them. */
export function planRoles(permission: PlanPermission): readonly StaffRole[] {
  return PLAN_PERMISSIONS[permission];
}

/** True when the role holds the permission. */
export function mayPlan(role: StaffRole, permission: PlanPermission): boolean {
  return planRoles(permission).includes(role);
}
