/**
 * The words of guides (畅游攻略) and study routes (研学线路) without zod, so the browser
 * imports them as values: kinds, themes, costs, the limits of a guide and their labels in
 * both languages. The schemas of src/core/api/guides.ts are built from these.
 */

/** 畅游攻略 (a family day out) or 研学线路 (a school study trip). */
export const GUIDE_KINDS = ["tour", "study"] as const;
export type GuideKind = (typeof GUIDE_KINDS)[number];

export const GUIDE_THEMES = ["nature", "science", "red-culture", "rainy-day", "toddlers", "sport", "reading"] as const;
export type GuideTheme = (typeof GUIDE_THEMES)[number];

export const GUIDE_COSTS = ["free", "low", "paid"] as const;
export type GuideCost = (typeof GUIDE_COSTS)[number];

/** How a leg between two stops is travelled: on foot (child's pace or with a stroller), by bus, or a straight-line estimate where no streets were imported. */
export const GUIDE_LEG_MODES = ["walk", "stroller", "bus", "straight"] as const;
export type GuideLegMode = (typeof GUIDE_LEG_MODES)[number];

/** What the guide says of a stop's place now: served, closed (removed), or moved since the guide was written. */
export const GUIDE_STOP_STATES = ["open", "closed", "moved"] as const;
export type GuideStopState = (typeof GUIDE_STOP_STATES)[number];

export const GUIDE_LIMITS = {
  stopsMin: 2,
  stopsMax: 12,
  titleMax: 40,
  summaryMax: 400,
  noteMax: 200,
  teamMax: 24,
  ageMin: 0,
  ageMax: 18,
  minutesMin: 15,
  minutesMax: 720,
  /** Photos a stop may carry. */
  photosPerStop: 3,
  /** A place moved further than this (m) from where it was when the guide was written is "moved". */
  movedM: 150,
  /** A walk longer than this (m) is tried by bus where the region has transit. */
  busFromM: 1500,
} as const;

type Labels<T extends string> = Readonly<Record<T, { zh: string; en: string }>>;

export const GUIDE_KIND_LABELS: Labels<GuideKind> = {
  tour: { zh: "畅游攻略", en: "Day-out guide" },
  study: { zh: "研学线路", en: "Study route" },
};

export const GUIDE_THEME_LABELS: Labels<GuideTheme> = {
  nature: { zh: "自然", en: "Nature" },
  science: { zh: "科学", en: "Science" },
  "red-culture": { zh: "红色文化故事线", en: "Red culture story line" },
  "rainy-day": { zh: "雨天好去处", en: "Rainy day" },
  toddlers: { zh: "低龄幼儿", en: "Toddlers" },
  sport: { zh: "运动", en: "Sport" },
  reading: { zh: "阅读", en: "Reading" },
};

export const GUIDE_COST_LABELS: Labels<GuideCost> = {
  free: { zh: "免费", en: "Free" },
  low: { zh: "低收费", en: "Low cost" },
  paid: { zh: "收费", en: "Paid" },
};

export const GUIDE_LEG_LABELS: Labels<GuideLegMode> = {
  walk: { zh: "步行", en: "Walk" },
  stroller: { zh: "推婴儿车步行", en: "Walk with a stroller" },
  bus: { zh: "公交", en: "Bus" },
  straight: { zh: "步行（直线估算）", en: "Walk (straight-line estimate)" },
};

export const GUIDE_STOP_STATE_LABELS: Labels<GuideStopState> = {
  open: { zh: "开放", en: "Open" },
  closed: { zh: "此地点已关闭", en: "This place has closed" },
  moved: { zh: "此地点已搬迁", en: "This place has moved" },
};

/**
 * The plan units whose reporters write guides (with administrators): the culture and
 * tourism bureau (venues, the 小小推荐官 teams) and the education bureau (school study
 * trips). The server's rule is src/guides/guide-authors.ts; the form words it early.
 */
export const GUIDE_UNITS: readonly string[] = ["city-culture-tourism-radio-television-sports-bureau", "city-education-bureau"];
