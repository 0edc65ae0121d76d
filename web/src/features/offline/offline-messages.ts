/** The words of the offline app (banner, saving for offline), Chinese first and English second. */
import { lookup } from "../../shared/i18n.ts";

const zh = {
  offlineData: "离线数据，更新于 {time}",
  offlineNoCopy: "现在没有网络",
};

const en: Record<keyof typeof zh, string> = {
  offlineData: "Offline data from {time}",
  offlineNoCopy: "You are offline",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const OFFLINE_MESSAGES = { zh, en } as const;
export const tOffline = lookup(OFFLINE_MESSAGES);
