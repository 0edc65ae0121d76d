/**
 * The words of the locate feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  locate: "定位我",
  locating: "正在找你的位置…",
  locateDenied: "没有拿到位置权限。没关系，可以在上面选择城市，再在地图上找找看。",
  locateUnavailable: "暂时找不到你的位置，请稍后再试。",
  locateOutside: "你好像不在我们地图的城市里，先看看示范城市吧。",
  locateFound: "找到你啦！",
} as const;

/** The keys of the locate feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  locate: "Locate me",
  locating: "Finding you…",
  locateDenied: "We could not get your location. That's fine: pick a city above and explore the map.",
  locateUnavailable: "We cannot find your location right now. Please try again later.",
  locateOutside: "You seem to be outside our cities. Have a look at a sample city instead.",
  locateFound: "Found you!",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const LOCATE_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type LocateMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(LOCATE_MESSAGES);
