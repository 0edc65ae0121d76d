/**
 * The words of the staff feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  staffTitle: "督导评估",
  staffViews: "工作视图",
  tabTasks: "本单位填报",
  tabQueue: "审核队列",
  tabDashboard: "总览",
  tabSites: "示范点评估",
  tabDistricts: "区县视图",
  tabModeration: "内容审核",
  tabCorrections: "信息纠错",
  tabIdeas: "孩子的想法",
  tabAnswers: "想法答复",
  tabPolls: "儿童投票",
  tabCouncils: "儿童议事会",
  tabVenue: "我的场馆",
  venueIntro: "你负责的地点。在这里进入今日状态和活动发布。",
  venueStatus: "今日状态",
  venueEvents: "活动",
  venueOnMap: "在地图上看",
} as const;

/** The keys of the staff feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  staffTitle: "Supervision",
  staffViews: "Staff views",
  tabTasks: "Our reports",
  tabQueue: "Review queue",
  tabDashboard: "Overview",
  tabSites: "Site assessment",
  tabDistricts: "Districts",
  tabModeration: "Moderation",
  tabCorrections: "Corrections",
  tabIdeas: "Children's ideas",
  tabAnswers: "Idea answers",
  tabPolls: "Children's polls",
  tabCouncils: "Children's councils",
  tabVenue: "My venue",
  venueIntro: "The places you run. Set today's status and publish events from here.",
  venueStatus: "Today's status",
  venueEvents: "Events",
  venueOnMap: "See on the map",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const STAFF_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type StaffMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(STAFF_MESSAGES);
