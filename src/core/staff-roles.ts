/**
 * Roles of the staff who supervise the action plan, shared by server and browser so both
 * agree on who may do what.
 */
export const STAFF_ROLES = ["admin", "reporter", "reviewer", "leader", "moderator"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, { zh: string; en: string }> = {
  admin: { zh: "工作专班管理员", en: "Working-group administrator" },
  reporter: { zh: "单位填报员", en: "Unit reporter" },
  reviewer: { zh: "审核员", en: "Reviewer" },
  leader: { zh: "领导（只读）", en: "Leader (read-only)" },
  moderator: { zh: "内容审核员", en: "Moderator" },
};

/** Shortest password a staff account may have. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
