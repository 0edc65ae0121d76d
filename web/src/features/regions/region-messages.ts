/**
 * The words of the region picker and its notice, Chinese first and English second. `t` looks
 * a key up here and falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  regionNoStreets: "{city}的街道地图还没有导入，地点暂时标在所在区县的中心，也还不能规划路线。",
  regionTrySample: "想先试试完整的地图和路线？看看示例城市：",
  regionNoticeClose: "知道了",
} as const;

/** The keys of the regions feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  regionNoStreets: "The street map of {city} hasn't been imported yet: places are shown at the centre of their district, and routes can't be planned.",
  regionTrySample: "Want to try the full map and routes first? Have a look at a sample city:",
  regionNoticeClose: "Got it",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const REGION_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type RegionMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(REGION_MESSAGES);
