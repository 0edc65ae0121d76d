/**
 * Who may do what with school-route projects (学径改造), in one table beside the plan's own
 * (plan-permissions.ts, whose authorization matrix covers reports and sites): the route
 * guards and src/app/access-table.ts read it. Every plan role reads projects and their
 * photos; reporters write their own unit's projects only (the service checks the unit), and
 * the working group's administrators and reviewers write any unit's. Leaders read, as they
 * do reports; moderators work on children's content and hold nothing of the plan.
 */
import type { StaffRole } from "../core/staff-roles.ts";

/** Each school-project permission with the roles that hold it. */
export const SCHOOL_PROJECT_PERMISSIONS = {
  /** List and read projects, their photos and the task-22 summary. */
  "school-projects.read": ["admin", "reporter", "reviewer", "leader"],
  /** Create and change a project and add its photos (a reporter: its own unit's). */
  "school-projects.write": ["admin", "reviewer", "reporter"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type SchoolProjectPermission = keyof typeof SCHOOL_PROJECT_PERMISSIONS;

/** The roles holding a permission, as the guards want them. */
export function schoolProjectRoles(permission: SchoolProjectPermission): readonly StaffRole[] {
  return SCHOOL_PROJECT_PERMISSIONS[permission];
}
