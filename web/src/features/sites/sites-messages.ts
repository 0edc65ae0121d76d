/**
 * The words of the sites feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  siteTitle: "示范点评估",
  siteIntro: "按评估表逐项打分：总分达到 {pass} 分、且带 ★ 的安全项都不为 0 分，即评为示范点。",
  sitePlaceStep: "1. 选择地点",
  sitePlaceSearch: "按名称查找",
  sitePlaceSearchHint: "输入名称、拼音或英文名",
  sitePlaces: "地点（{n} 个）",
  sitePlacesMore: "还有 {n} 个地点没有列出，请输入名称缩小范围。",
  siteNoPlaces: "没有找到名称相符的地点。",
  sitePlaceNeeded: "请先选择要评估的地点。",
  siteChosen: "评估地点：{name}",
  siteFormStep: "2. 评估打分",
  siteType: "示范点类型",
  siteRubricFor: "{title} · 对应任务 {task}",
  siteSafetyItem: "★ 安全项",
  siteSafetyHint: "★ 安全项只要有一项为 0 分，总分再高也不达标。",
  siteBasis: "依据：{basis}",
  siteMaxScore: "满分 {n}",
  siteTotal: "总分",
  sitePassLine: "达标线 {pass} 分",
  siteScored: "已评 {done}/{n} 项",
  sitePasses: "达标",
  siteFails: "未达标",
  siteIncomplete: "还有 {n} 项未评分",
  siteBelowPass: "总分低于 {pass} 分",
  siteSafetyZero: "安全项为 0 分：{names}",
  siteComment: "评估意见",
  siteCommentHint: "现场看到的情况、需要改进的地方",
  siteAssessedOn: "评估日期",
  siteBadgeNote: "请注意：评估达标（总分 ≥ {pass} 且安全项不为 0）后，该地点会立即在公众地图上显示“{type}”示范点标识，并自动计入任务 {task} 的指标（全市和所在区县），不需要单位另行填报。以最近一次评估为准：未达标的评估会撤下该地点原有的示范点标识。",
  siteSubmit: "提交评估",
  siteSubmitting: "正在提交…",
  siteScoreInvalid: "“{name}”的得分应是 0 到 {max} 之间的整数。",
  siteDateInvalid: "评估日期不能晚于今天（{today}）。",
  siteResultPassed: "{place} 评估达标（{total} 分），已评为{type}示范点。",
  siteResultBadge: "公众地图上已经显示该地点的示范点标识，并已计入任务 {task} 的指标。",
  siteResultFailed: "{place} 评估未达标（{total} 分）。",
  siteResultNoBadge: "该地点在地图上不显示示范点标识。",
  siteSeeMap: "在地图上查看",
  siteHistory: "评估记录",
  siteNoHistory: "这个地点还没有评估记录。",
  siteHistoryItem: "{date} · {type} · {total} 分",
  siteLatest: "当前有效",
  siteByMe: "本人评估",
  siteByName: "评估人：{name}",
  siteScoresDetail: "各项得分",
  siteCurrentBadge: "示范点：{value}",
} as const;

/** The keys of the sites feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  siteTitle: "Demonstration site assessment",
  siteIntro: "Score the place on each criterion of the rubric. A total of {pass} or more, with no safety item (★) at 0, makes it a demonstration site.",
  sitePlaceStep: "1. Choose the place",
  sitePlaceSearch: "Find by name",
  sitePlaceSearchHint: "Name, pinyin or English name",
  sitePlaces: "Places ({n})",
  sitePlacesMore: "{n} more not listed: type a name to narrow the list.",
  siteNoPlaces: "No place has a matching name.",
  sitePlaceNeeded: "First choose the place to assess.",
  siteChosen: "Assessing: {name}",
  siteFormStep: "2. Score it",
  siteType: "Type of site",
  siteRubricFor: "{title} · task {task}",
  siteSafetyItem: "★ Safety item",
  siteSafetyHint: "One safety item (★) at 0 fails the site, whatever the total.",
  siteBasis: "Basis: {basis}",
  siteMaxScore: "max {n}",
  siteTotal: "Total",
  sitePassLine: "pass mark {pass}",
  siteScored: "{done} of {n} scored",
  sitePasses: "Passes",
  siteFails: "Does not pass",
  siteIncomplete: "{n} still to score",
  siteBelowPass: "total below {pass}",
  siteSafetyZero: "safety item at 0: {names}",
  siteComment: "Comment",
  siteCommentHint: "What you saw, what should improve",
  siteAssessedOn: "Date assessed",
  siteBadgeNote: "Please note: when the assessment passes (total ≥ {pass}, no safety item at 0), the place shows the “{type}” demonstration badge on the public map at once and counts toward task {task}'s indicators (city-wide and for its county); no unit needs to report it. The latest assessment decides: one that fails takes an earlier badge away.",
  siteSubmit: "Submit the assessment",
  siteSubmitting: "Submitting…",
  siteScoreInvalid: "The score for “{name}” must be a whole number from 0 to {max}.",
  siteDateInvalid: "The date cannot be later than today ({today}).",
  siteResultPassed: "{place} passed ({total} points) and is now a demonstration site: {type}.",
  siteResultBadge: "The public map now shows the place's demonstration badge, and it counts toward task {task}'s indicators.",
  siteResultFailed: "{place} did not pass ({total} points).",
  siteResultNoBadge: "The place shows no demonstration badge on the map.",
  siteSeeMap: "See it on the map",
  siteHistory: "Assessments",
  siteNoHistory: "No assessments of this place yet.",
  siteHistoryItem: "{date} · {type} · {total} points",
  siteLatest: "In force",
  siteByMe: "By you",
  siteByName: "Assessed by {name}",
  siteScoresDetail: "Scores by criterion",
  siteCurrentBadge: "Demonstration site: {value}",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const SITES_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type SitesMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(SITES_MESSAGES);
