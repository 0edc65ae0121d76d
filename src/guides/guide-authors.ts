/**
 * Who may write a guide as staff, and under which name it is credited. The plan (plan task
 * 23: guides beside places; task 26: study trips) gives guides to the culture and tourism
 * bureau (市文旅广体局, which runs the venues and the 小小推荐官 teams) and to the education
 * bureau (市教育局, which runs school study trips); so a unit reporter of one of those two
 * units may write guides, and so may an administrator (the task force). Other units'
 * reporters, reviewers, leaders and moderators may not: a moderator judges children's
 * guides and should not write the ones they judge. Venue staff publish events, not guides.
 */
import type { StaffUser } from "../accounts/index.ts";
import { GUIDE_UNITS } from "../core/api/guides-vocabulary.ts";

export { GUIDE_UNITS };

/** Whether this staff user may write guides. */
export function mayWriteGuides(user: Pick<StaffUser, "role" | "unitId">): boolean {
  if (user.role === "admin") return true;
  return user.role === "reporter" && user.unitId !== null && GUIDE_UNITS.includes(user.unitId);
}

/** The name a staff guide is credited under: the unit's, or the task force's for an administrator. */
export function staffAuthorName(user: Pick<StaffUser, "role" | "unitId">, unitName: (id: string) => string | null): string {
  if (user.role === "reporter" && user.unitId) return unitName(user.unitId) ?? user.unitId;
  return "儿童友好城市创建工作专班";
}
