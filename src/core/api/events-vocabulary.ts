/**
 * The words of venues' events (活动, plan task 12) without zod, so the web page imports them
 * as values without bundling the validator. events.ts builds the contract from them.
 */

/** What an event is; the first four are the plan's own examples (task 12). */
export const EVENT_KINDS = ["public_class", "reading", "performance", "sports", "other"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What it costs: free, low-cost (an amount in yuan up to LOW_COST_MAX_YUAN), or paid. */
export const EVENT_PRICES = ["free", "low", "paid"] as const;
export type EventPrice = (typeof EVENT_PRICES)[number];

/** How a family gets a place: no booking, on site, through a link, by the venue's phone. */
export const EVENT_BOOKINGS = ["none", "on_site", "link", "phone"] as const;
export type EventBooking = (typeof EVENT_BOOKINGS)[number];

/** How an event repeats: not at all, every n weeks on chosen weekdays, every n months. */
export const EVENT_REPEATS = ["none", "weekly", "monthly"] as const;
export type EventRepeat = (typeof EVENT_REPEATS)[number];

/** Weekdays as iCalendar writes them, Monday first. */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Where an event is: published (shown), pending (the guard held its text; a moderator decides),
 * hidden or removed by a moderator, cancelled by its venue (still answered, marked cancelled).
 */
export const EVENT_STATUSES = ["published", "pending", "hidden", "removed", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Named ranges of days the list takes instead of from/to, in the region's time zone. */
export const EVENT_WHEN = ["today", "weekend", "week", "month"] as const;
export type EventWhen = (typeof EVENT_WHEN)[number];

/** Limits the server and the staff form share. */
export const EVENT_LIMITS = {
  titleMax: 80,
  descriptionMax: 2000,
  capacityNoteMax: 200,
  /** A low-cost event costs at most this many yuan for a child (the city may tune it). */
  lowCostMaxYuan: 30,
  /** The most days one list or calendar covers (a quarter). */
  maxRangeDays: 92,
  /** The most days the task-12 indicator counts over (two years). */
  maxIndicatorDays: 731,
  /** The most occurrences one list answers. */
  maxOccurrences: 500,
  defaultOccurrences: 200,
  /** The longest an event lasts, in minutes (a day). */
  maxDurationMinutes: 24 * 60,
  /** A repeating event ends within this many days of its first day. */
  maxRepeatDays: 731,
  maxExceptions: 100,
  /** "near me": the default and the largest radius in kilometres. */
  defaultNearKm: 5,
  maxNearKm: 50,
} as const;

/** The kinds' names in both languages (the plan's words first). */
export const EVENT_KIND_LABELS: Readonly<Record<EventKind, { zh: string; en: string }>> = {
  public_class: { zh: "公益体验课", en: "Free taster class" },
  reading: { zh: "阅读推广", en: "Reading" },
  performance: { zh: "文艺演出", en: "Performance" },
  sports: { zh: "体育竞赛", en: "Sports" },
  other: { zh: "其他活动", en: "Other" },
};

export const EVENT_PRICE_LABELS: Readonly<Record<EventPrice, { zh: string; en: string }>> = {
  free: { zh: "免费", en: "Free" },
  low: { zh: "低收费", en: "Low cost" },
  paid: { zh: "收费", en: "Paid" },
};

export const EVENT_BOOKING_LABELS: Readonly<Record<EventBooking, { zh: string; en: string }>> = {
  none: { zh: "无需预约", en: "No booking" },
  on_site: { zh: "现场报名", en: "Sign up on site" },
  link: { zh: "网上预约", en: "Book online" },
  phone: { zh: "电话预约", en: "Book by phone" },
};

export const EVENT_STATUS_LABELS: Readonly<Record<EventStatus, { zh: string; en: string }>> = {
  published: { zh: "已发布", en: "Published" },
  pending: { zh: "待审核", en: "Awaiting a moderator" },
  hidden: { zh: "已隐藏", en: "Hidden" },
  removed: { zh: "已删除", en: "Removed" },
  cancelled: { zh: "已取消", en: "Cancelled" },
};
