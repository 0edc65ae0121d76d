/**
 * The words of live status (场馆实时状态): the badge and notice on a place's card and the
 * venue staff page, Chinese first and English second. `t` looks a key up here and falls back
 * to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  liveTitle: "场馆实时状态",
  liveOpen: "今日正常开放",
  liveClosedToday: "今日闭馆",
  liveTemporarilyClosed: "暂停开放 · {until} 恢复",
  liveCrowding_quiet: "人少",
  liveCrowding_busy: "人较多",
  liveCrowding_full: "已满，请稍后再来",
  liveCrowdingLabel: "人流",
  liveNotice: "场馆通知",
  liveSaidAt: "{time} 更新",
  liveReason: "原因：{reason}",
  venueTitle: "场馆状态管理",
  venueIntro: "告诉家长和孩子今天能不能来：开放、闭馆、暂停开放、人多不多，以及一条通知。状态到时会自动失效。",
  venuePlace: "场馆",
  venueNoPlaces: "你的账号还没有绑定场馆，请联系管理员。",
  venueNotVenue: "这个页面给场馆工作人员和管理员使用。",
  venueAdminPlace: "场馆编号（管理员可填写任一场馆）",
  venueLoadPlace: "查看",
  venueNow: "当前状态",
  venueNothing: "今天还没有发布状态，地图按营业时间显示。",
  venueOpening: "开放情况",
  venueSetOpen: "今日正常开放",
  venueSetClosedToday: "今日闭馆",
  venueSetTemporary: "暂停开放",
  venueReason: "原因（会公开显示）",
  venueUntil: "恢复开放时间",
  venueCrowding: "人流情况（2 小时后自动失效）",
  venueClearCrowding: "清除人流",
  venueNoticeText: "通知（最多 140 字，会公开显示，请勿填写个人信息）",
  venueNoticeUntil: "通知截止（最多 30 天，不填则今天结束）",
  venuePublish: "发布通知",
  venueClearNotice: "撤下通知",
  venueSaved: "已发布，打开的地图会马上更新",
  venueHistory: "最近的变更",
  venueHistoryCsv: "下载 CSV",
  venueFacet_opening: "开放",
  venueFacet_crowding: "人流",
  venueFacet_notice: "通知",
  venueCleared: "已清除",
  venueSignOut: "退出",
};

type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  liveTitle: "Live status",
  liveOpen: "Open as usual today",
  liveClosedToday: "Closed today",
  liveTemporarilyClosed: "Temporarily closed · reopens {until}",
  liveCrowding_quiet: "Quiet",
  liveCrowding_busy: "Busy",
  liveCrowding_full: "Full, come back later",
  liveCrowdingLabel: "Crowding",
  liveNotice: "Notice from the venue",
  liveSaidAt: "updated {time}",
  liveReason: "Reason: {reason}",
  venueTitle: "Venue status",
  venueIntro: "Tell families whether they can come today: open, closed, temporarily closed, how busy, and one notice. Statuses end by themselves.",
  venuePlace: "Venue",
  venueNoPlaces: "Your account is not bound to a venue yet; ask an administrator.",
  venueNotVenue: "This page is for venue staff and administrators.",
  venueAdminPlace: "Place id (administrators may set any place)",
  venueLoadPlace: "Show",
  venueNow: "Status now",
  venueNothing: "Nothing said today: the map follows the opening hours.",
  venueOpening: "Opening",
  venueSetOpen: "Open as usual today",
  venueSetClosedToday: "Closed today",
  venueSetTemporary: "Temporarily closed",
  venueReason: "Reason (shown to the public)",
  venueUntil: "Reopens at",
  venueCrowding: "Crowding (ends after 2 hours)",
  venueClearCrowding: "Clear crowding",
  venueNoticeText: "Notice (up to 140 characters, public; no personal information)",
  venueNoticeUntil: "Notice ends (at most 30 days; empty: end of today)",
  venuePublish: "Publish notice",
  venueClearNotice: "Take notice down",
  venueSaved: "Published; open maps update at once",
  venueHistory: "Recent changes",
  venueHistoryCsv: "Download CSV",
  venueFacet_opening: "Opening",
  venueFacet_crowding: "Crowding",
  venueFacet_notice: "Notice",
  venueCleared: "cleared",
  venueSignOut: "Sign out",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const LIVE_MESSAGES = { zh, en } as const;

export type LiveMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(LIVE_MESSAGES);
