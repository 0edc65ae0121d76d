/** The words of the moderation and correction views, in Chinese and English. */
import { lookup } from "../../shared/i18n.ts";

const zh = {
  moderationTitle: "内容审核",
  queue_pending: "待审核",
  queue_hidden: "被举报隐藏",
  queue_appeals: "申诉",
  queue_takedowns: "投诉下架",
  oldest: "最久：{age}",
  none: "无",
  empty: "没有等待审核的内容。",
  minor: "未成年人",
  reports: "{n} 次举报",
  heldFor: "系统标记：{kinds}",
  risk: "风险 {risk}（模型分 {score}）",
  riskOrder: "按风险从高到低排列，风险相同时等得久的在前。",
  spanTitle: "{rule}",
  aboutPlace: "评价的地点：",
  placeGone: "（地点已不在地图上）",
  reason: "理由（会记录）",
  reasonNeeded: "请先写理由。",
  action_approve: "通过",
  action_hide: "隐藏",
  action_remove: "删除",
  action_warn: "警告作者",
  action_suspend: "暂停账号7天",
  done: "已处理",
  appealsTitle: "申诉",
  uphold: "维持原决定",
  overturn: "恢复内容",
  noticesTitle: "投诉与下架",
  takeDown: "下架",
  reject: "驳回",
  correctionsTitle: "信息纠错队列",
  noCorrections: "没有待处理的纠错。",
  reported: "报告的位置：{lon}, {lat}",
  note: "处理说明",
  newHours: "新的开放时间（OSM 格式，可选）",
  moveToReported: "移到报告的位置",
  removePlace: "删除这个地点",
  fixed: "已更正",
  minutes: "{n} 分钟",
  hours: "{n} 小时",
  days: "{n} 天",
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  moderationTitle: "Moderation",
  queue_pending: "Pending",
  queue_hidden: "Hidden by reports",
  queue_appeals: "Appeals",
  queue_takedowns: "Takedown notices",
  oldest: "Oldest: {age}",
  none: "none",
  empty: "Nothing waiting for moderation.",
  minor: "Minor",
  reports: "{n} reports",
  heldFor: "Flagged: {kinds}",
  risk: "Risk {risk} (model score {score})",
  riskOrder: "Riskiest first; among equal risks, the longest waiting first.",
  spanTitle: "{rule}",
  aboutPlace: "Review of: ",
  placeGone: "(the place is no longer on the map)",
  reason: "Reason (recorded)",
  reasonNeeded: "Write a reason first.",
  action_approve: "Approve",
  action_hide: "Hide",
  action_remove: "Remove",
  action_warn: "Warn author",
  action_suspend: "Suspend 7 days",
  done: "Done",
  appealsTitle: "Appeals",
  uphold: "Uphold",
  overturn: "Restore",
  noticesTitle: "Notices and takedowns",
  takeDown: "Take down",
  reject: "Reject",
  correctionsTitle: "Data-quality queue",
  noCorrections: "No corrections waiting.",
  reported: "Reported position: {lon}, {lat}",
  note: "Note",
  newHours: "New opening hours (OSM syntax, optional)",
  moveToReported: "Move to the reported position",
  removePlace: "Remove this place",
  fixed: "Fixed",
  minutes: "{n} min",
  hours: "{n} h",
  days: "{n} days",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const MODERATION_MESSAGES = { zh, en } as const;

/** A message of these words (or a shared one) in the current language, placeholders filled. */
export const mt = lookup(MODERATION_MESSAGES);

export type ModerationMessageKey = Key;

/** "3 h", "2 days": how long something has waited. */
export function ageText(since: string, now: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(now) - Date.parse(since)) / 60_000));
  if (minutes < 60) return mt("minutes", { n: minutes });
  if (minutes < 48 * 60) return mt("hours", { n: Math.round(minutes / 60) });
  return mt("days", { n: Math.round(minutes / 1440) });
}
