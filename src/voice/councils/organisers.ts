/**
 * Who runs councils and starts polls. Until the staff roles gain an "organiser" (组织者)
 * role, a unit user (a reporter, who belongs to a unit) or an administrator organises; the
 * lists below take "organiser" in as soon as STAFF_ROLES has it, with no change here.
 */
import { STAFF_ROLES, type StaffRole } from "../../core/staff-roles.ts";

/** The roles, present or coming, that may organise a council or ask children a question. */
const ORGANISING = ["admin", "reporter", "organiser"];

/** Staff roles that may create and run councils (each council then only by its organiser, unit or an admin). */
export const ORGANISER_ROLES: readonly StaffRole[] = STAFF_ROLES.filter((role) => ORGANISING.includes(role));
/**
 * Staff roles that may start a poll (a planner from a coverage suggestion is a unit user or
 * an admin); each poll is then run by its maker, their unit or an admin.
 */
export const POLL_CREATOR_ROLES: readonly StaffRole[] = ORGANISER_ROLES;

/** What a rule about one council or poll reads of the staff user. */
export interface Organiser {
  id: string;
  role: StaffRole;
  unitId: string | null;
}

/** Whether `user` runs a thing made by `ownerId` of `ownerUnit`: its maker, a colleague of the same unit, or an administrator. */
export function runs(user: Organiser, ownerId: string | null, ownerUnit: string | null): boolean {
  if (user.role === "admin") return true;
  return user.id === ownerId || (user.unitId !== null && user.unitId === ownerUnit);
}
