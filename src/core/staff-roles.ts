/**
 * Roles of the staff who supervise the action plan, shared by server and browser so both
 * agree on who may do what.
 */
/** A venue's staff ("venue") are bound to the places they run, and act on those only. */
export const STAFF_ROLES = ["admin", "reporter", "reviewer", "leader", "moderator", "venue"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, { zh: string; en: string }> = {
  admin: { zh: "工作专班管理员", en: "Working-group administrator" },
  reporter: { zh: "单位填报员", en: "Unit reporter" },
  reviewer: { zh: "审核员", en: "Reviewer" },
  leader: { zh: "领导（只读）", en: "Leader (read-only)" },
  moderator: { zh: "内容审核员", en: "Moderator" },
  venue: { zh: "场馆工作人员", en: "Venue staff" },
};

/**
 * Staff passwords: at least the family members' rules (not on the common lists, not
 * containing the sign-in or display name), longer, and not easy to guess by the zxcvbn-like
 * estimate; administrators, who can create accounts and read the audit trail, more so.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const ADMIN_MIN_PASSWORD_LENGTH = 14;
/** Estimated guesses a password must need: zxcvbn's score 3 for staff, score 4 for administrators. */
export const MIN_PASSWORD_GUESSES = 1e8;
export const ADMIN_MIN_PASSWORD_GUESSES = 1e10;
export const MAX_PASSWORD_LENGTH = 200;
/** The most places one venue account runs. */
export const MAX_VENUE_PLACES = 50;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
