/**
 * The shared vocabulary of families on the platform: member kinds, the age rules, and the
 * enums and limits of reviews, corrections, reports and moderation, so the browser and the
 * server agree on what may be sent.
 */

/** Adults sign themselves up; a "child" account is any minor (under 18). */
export const MEMBER_KINDS = ["adult", "child"] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** Under this age only a guardian can create the account (PIPL art. 31, the plan's task 31). */
export const GUARDIAN_REQUIRED_UNDER = 14;
/** From this age a person is an adult. */
export const ADULT_FROM = 18;

export const NICKNAME_MAX = 16;
/** A child's sign-in name: letters, digits, dot, dash, underscore; never a real name or phone. */
export const CHILD_LOGIN_PATTERN = /^[a-z][a-z0-9._-]{3,23}$/;
export const MEMBER_MIN_PASSWORD = 8;
export const MEMBER_MAX_PASSWORD = 200;

export const REVIEW_MAX_LENGTH = 500;
export const REVIEW_MIN_RATING = 1;
export const REVIEW_MAX_RATING = 5;
export const PHOTOS_PER_REVIEW = 3;
/** Largest photo accepted before it is resized. */
export const MAX_PHOTO_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Longest side of a stored photo, in pixels. */
export const PHOTO_MAX_SIDE = 1280;

/**
 * pending   waiting for a moderator (every child's text; an adult's text the word list holds)
 * published visible on the place card
 * hidden    taken off the card until a moderator decides (reports, a takedown notice)
 * removed   a moderator removed it; kept for the record, then purged
 * withdrawn its author or their guardian took it back; purged by the retention job
 */
export const REVIEW_STATUSES = ["pending", "published", "hidden", "removed", "withdrawn"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const CORRECTION_KINDS = ["closed", "moved", "facility_missing", "hours_wrong", "other"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
export const CORRECTION_STATUSES = ["open", "fixed", "rejected"] as const;
export const CORRECTION_DETAIL_MAX = 300;

export const REPORT_REASONS = ["bullying", "personal_info", "inappropriate", "spam", "false_info", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
/** Reports by different people that hide an item until a moderator looks at it. */
export const REPORTS_TO_HIDE = 3;

export const MODERATION_ACTIONS = ["approve", "hide", "remove", "warn", "suspend"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
export const TAKEDOWN_KINDS = ["bullying", "doxxing", "other"] as const;
export type TakedownKind = (typeof TAKEDOWN_KINDS)[number];
export const APPEAL_MAX_LENGTH = 500;
export const REASON_MAX_LENGTH = 300;

/** Age in whole years on `today` (YYYY-MM-DD) of someone born in `birthYear`, at its youngest. */
export function youngestAge(birthYear: number, today: string): number {
  return Number(today.slice(0, 4)) - birthYear - 1;
}

/** Labels shown in both languages. */
export const CORRECTION_LABELS: Record<CorrectionKind, { zh: string; en: string }> = {
  closed: { zh: "已关闭或不存在", en: "Closed or gone" },
  moved: { zh: "位置不对", en: "Wrong location" },
  facility_missing: { zh: "设施不对（如没有母婴室）", en: "Facility wrong (e.g. no baby room)" },
  hours_wrong: { zh: "开放时间不对", en: "Opening hours wrong" },
  other: { zh: "其他", en: "Other" },
};

export const REPORT_LABELS: Record<ReportReason, { zh: string; en: string }> = {
  bullying: { zh: "欺负或伤害别人", en: "Bullying or hurting someone" },
  personal_info: { zh: "泄露个人信息", en: "Personal information" },
  inappropriate: { zh: "不适合儿童", en: "Not suitable for children" },
  spam: { zh: "广告或垃圾信息", en: "Advertising or spam" },
  false_info: { zh: "内容不真实", en: "Not true" },
  other: { zh: "其他", en: "Other" },
};
