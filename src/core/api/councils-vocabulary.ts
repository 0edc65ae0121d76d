/**
 * The enums, limits and labels of children's councils (儿童议事厅) and polls for children,
 * without zod: the schemas of councils.ts and polls.ts are built from them and the web
 * imports them as values. Age bands are the only way a child's age is ever shown in public:
 * attendance and poll results are counts per band, never names.
 */
import { IDEA_KINDS } from "./voice-vocabulary.ts";

/** What a council belongs to: a community (社区), a school (a place), or a district (区县). */
export const COUNCIL_SCOPES = ["community", "school", "district"] as const;
/** What a council belongs to. */
export type CouncilScope = (typeof COUNCIL_SCOPES)[number];

/** Age bands, youngest first; a child is in the band of the age they reach this year. */
export const AGE_BANDS = ["under6", "6-8", "9-11", "12-14", "15-17"] as const;
/** One age band. */
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band of someone born in `birthYear`, on `today` (YYYY-MM-DD); adults fall in the oldest. */
export function ageBandOf(birthYear: number, today: string): AgeBand {
  const age = Number(today.slice(0, 4)) - birthYear;
  return age < 6 ? "under6" : age <= 8 ? "6-8" : age <= 11 ? "9-11" : age <= 14 ? "12-14" : "15-17";
}

/** Whether a child born in `birthYear` may be of an age within min..max today (birth year only is known). */
export function ageMayBeWithin(birthYear: number, today: string, min: number, max: number): boolean {
  const oldest = Number(today.slice(0, 4)) - birthYear;
  return oldest >= min && oldest - 1 <= max;
}

/** What an agenda item is about: a child's idea, a poll, or a free item. */
export const AGENDA_ITEM_KINDS = ["idea", "poll", "free"] as const;
/** One kind of agenda item. */
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** planned (time and place shown to members only), held (its record is public), cancelled. */
export const SESSION_STATES = ["planned", "held", "cancelled"] as const;
/** The state of a session. */
export type SessionState = (typeof SESSION_STATES)[number];

/** What a council decision asks for: the kinds of children's ideas (hazards on the way to school included). */
export const DECISION_KINDS = IDEA_KINDS;
/** One kind of decision. */
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** recorded (in the minutes), sent (filed with a unit through the ideas' accountability path). */
export const DECISION_STATES = ["recorded", "sent"] as const;

/** Pictures a poll option may use instead of an uploaded image; the web draws each. */
export const POLL_ICONS = [
  "slide", "swing", "seesaw", "sandpit", "climbing", "trampoline", "water-play", "football", "basketball", "table-tennis",
  "running-track", "bicycle", "skating", "shade-tree", "bench", "toilet", "drinking-water", "garden", "library", "reading-corner",
  "art", "music", "science", "quiet-room", "crossing", "lights", "other",
] as const;
/** One option picture. */
export type PollIcon = (typeof POLL_ICONS)[number];

/** open (votes taken and changeable), closed (results public). */
export const POLL_STATES = ["open", "closed"] as const;
/** The state of a poll. */
export type PollState = (typeof POLL_STATES)[number];

/** The limits of councils and polls, shared by forms and handlers. */
export const COUNCIL_LIMITS = {
  nameMax: 40,
  descriptionMax: 500,
  placeTextMax: 80,
  agendaMax: 12,
  itemTitleMax: 60,
  itemTextMax: 500,
  minutesMax: 5000,
  /** As an idea's title, which a sent decision becomes. */
  decisionTitleMax: 40,
  decisionTextMax: 1000,
  postMax: 300,
  /** Attendance per band, per session. */
  attendanceMax: 500,
} as const;

export const POLL_LIMITS = {
  questionMax: 80,
  optionLabelMax: 24,
  minOptions: 2,
  maxOptions: 8,
  minAge: 3,
  maxAge: 17,
  /** A poll runs at most this many days. */
  maxDays: 120,
} as const;

/** Labels shown in both languages. */
export const COUNCIL_SCOPE_LABELS: Record<CouncilScope, { zh: string; en: string }> = {
  community: { zh: "社区儿童议事会", en: "Community children's council" },
  school: { zh: "学校儿童议事会", en: "School children's council" },
  district: { zh: "区县儿童议事会", en: "District children's council" },
};

export const AGE_BAND_LABELS: Record<AgeBand, { zh: string; en: string }> = {
  under6: { zh: "6岁以下", en: "Under 6" },
  "6-8": { zh: "6–8岁", en: "6–8" },
  "9-11": { zh: "9–11岁", en: "9–11" },
  "12-14": { zh: "12–14岁", en: "12–14" },
  "15-17": { zh: "15–17岁", en: "15–17" },
};

/** The scope a guardian agrees to when a child joins a council; kept with the membership. */
export const COUNCIL_CONSENT_SCOPE = "children's council: membership under the nickname, the council's sessions and moderated discussion of its agenda; no name, school class or contact shown";
