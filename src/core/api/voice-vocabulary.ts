/**
 * The words and limits of children's ideas without zod, so that web code importing them
 * (the ideas panel, staff pages) does not bundle the validator. voice.ts re-exports them.
 */

/**
 * Hazards on the way to school (儿童友好学径): reported through the ideas' child-safe path and
 * answered on the same record; the school-route analysis counts them near crossings and streets.
 */
export const HAZARD_KINDS = ["no_crossing", "broken_light", "cars_on_footway", "no_footway", "dark_underpass"] as const;
/** One kind of hazard. */
export type HazardKind = (typeof HAZARD_KINDS)[number];

/** What an idea is about: a wish for a place, or a hazard on the way to school. */
export const IDEA_KINDS = ["play_space", "shade", "toilet", "safe_crossing", "quiet_space", "accessibility", "cleanliness", "other", ...HAZARD_KINDS] as const;
/** One kind of idea. */
export type IdeaKind = (typeof IDEA_KINDS)[number];

/** The kinds' names in both languages, as a child reads them. */
export const IDEA_KIND_LABELS: Readonly<Record<IdeaKind, { zh: string; en: string }>> = {
  play_space: { zh: "玩的地方", en: "Place to play" },
  shade: { zh: "遮阳", en: "Shade" },
  toilet: { zh: "厕所", en: "Toilet" },
  safe_crossing: { zh: "安全过马路", en: "Safe crossing" },
  quiet_space: { zh: "安静的地方", en: "Quiet place" },
  accessibility: { zh: "无障碍", en: "Accessibility" },
  cleanliness: { zh: "干净卫生", en: "Clean and tidy" },
  other: { zh: "其他", en: "Other" },
  no_crossing: { zh: "上学路上没有斑马线", en: "No crossing on the way to school" },
  broken_light: { zh: "红绿灯坏了", en: "Broken traffic light" },
  cars_on_footway: { zh: "车停在人行道上", en: "Cars on the footway" },
  no_footway: { zh: "没有人行道", en: "No footway" },
  dark_underpass: { zh: "地下通道太暗", en: "Dark underpass" },
};

/** Whether a kind is a hazard on the way to school. */
export function isHazardKind(kind: string): kind is HazardKind {
  return (HAZARD_KINDS as readonly string[]).includes(kind);
}

/**
 * Where an idea is on its way to a decision:
 *   new          public (or waiting for a moderator), not yet sent to a unit
 *   sent         staff sent it to a plan task's lead unit; the unit has not answered yet
 *   received → under_study → accepted → in_progress → done   the unit's dated answers
 *   not_adopted  the unit will not do it, with a reason a child can read
 *   merged       staff merged it into another idea, which carries its supports on
 */
export const IDEA_STAGES = ["new", "sent", "received", "under_study", "accepted", "in_progress", "done", "not_adopted", "merged"] as const;
/** One stage of an idea. */
export type IdeaStage = (typeof IDEA_STAGES)[number];
/** The stages a unit's answer can move an idea to. */
export const IDEA_ANSWER_STAGES = ["received", "under_study", "accepted", "in_progress", "done", "not_adopted"] as const;
/** One answer a unit gives. */
export type IdeaAnswerStage = (typeof IDEA_ANSWER_STAGES)[number];

/** The stages' names in both languages, in a child's words. */
export const IDEA_STAGE_LABELS: Readonly<Record<IdeaStage, { zh: string; en: string }>> = {
  new: { zh: "等待转给负责单位", en: "Waiting to be sent on" },
  sent: { zh: "已转给负责单位", en: "Sent to the people in charge" },
  received: { zh: "负责单位已收到", en: "They got it" },
  under_study: { zh: "正在研究", en: "They are looking into it" },
  accepted: { zh: "采纳了！", en: "Yes, they will do it!" },
  in_progress: { zh: "正在做", en: "Work has started" },
  done: { zh: "做好了！", en: "Done!" },
  not_adopted: { zh: "这次没有采纳", en: "Not this time" },
  merged: { zh: "和相同的想法合在一起了", en: "Joined with the same idea" },
};

/** Moderation status, as for reviews (src/core/community.ts REVIEW_STATUSES). */
export const IDEA_STATUSES = ["pending", "published", "hidden", "removed", "withdrawn"] as const;

/** How the public list is ordered. */
export const IDEA_SORTS = ["newest", "supported", "near"] as const;

export const IDEA_TITLE_MAX = 40;
export const IDEA_TEXT_MAX = 500;
export const IDEA_COMMENT_MAX = 300;
export const IDEA_ANSWER_MAX = 500;
export const IDEA_PHOTOS_MAX = 3;
/** Most features one layer answer carries; beyond it the answer says `truncated`. */
export const IDEA_LAYER_MAX = 2000;
