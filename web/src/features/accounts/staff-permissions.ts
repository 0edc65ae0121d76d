/**
 * Which staff roles read what beyond their tabs. Each list mirrors a plan permission of
 * src/plan/plan-permissions.ts (which the browser cannot import); src/plan/plan-permissions.test.ts
 * checks them through features/staff/staff-tabs.ts, which re-exports them.
 */
import type { StaffRole } from "../../../../src/core/staff-roles.ts";

/** Roles that open single reports ("#report/<id>"): every plan role ("reports.read"). */
export const REPORT_READERS: readonly StaffRole[] = ["admin", "reporter", "reviewer", "leader"];

/** Roles whose dashboard and district views also chase late units ("overdue.read"). */
export const OVERDUE_READERS: readonly StaffRole[] = ["admin", "reviewer", "leader"];

/** Roles that open the mid-term and final evaluations (workbook, printable page, PDF) ("evaluations.read"). */
export const EVALUATION_READERS: readonly StaffRole[] = ["admin", "reviewer", "leader"];
