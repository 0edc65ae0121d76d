/**
 * The words of the place-card feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  ageRange: "适合年龄",
  ageRangeValue: "{min}–{max} 岁",
  ageFrom: "{min} 岁以上",
  ageUpTo: "{max} 岁以下",
  allAges: "未注明年龄限制",
  openingHours: "开放时间",
  openClosesAt: "营业中 · {time} 关门",
  openNoChange: "营业中",
  closedOpensAt: "已关门 · {time} 开门",
  hoursUnknown: "营业时间未知",
  address: "地址",
  demonstration: "示范点",
  demonstrationValue: "{type} · {year} 年",
  locationUnconfirmed: "位置待确认",
  locationDistrict: "只知道所在区县，地图上的位置是区县中心。",
  locationApproximate: "位置是大概的。",
  source: "数据来源",
  licence: "许可",
  noFacilities: "设施未知",
  licenceOdbl: "开放数据库许可（ODbL 1.0），© OpenStreetMap 贡献者",
  sourceCityData: "城市公开资料，同行整理",
  licenceByCity: "由城市提供",
  licenceInNotes: "见该城市的数据说明",
  routeButton: "怎么去",
} as const;

/** The keys of the place-card feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  ageRange: "Ages",
  ageRangeValue: "{min}–{max} years",
  ageFrom: "{min} years and up",
  ageUpTo: "Up to {max} years",
  allAges: "No age limit stated",
  openingHours: "Opening hours",
  openClosesAt: "Open now · closes {time}",
  openNoChange: "Open now",
  closedOpensAt: "Closed · opens {time}",
  hoursUnknown: "Opening hours unknown",
  address: "Address",
  demonstration: "Demonstration site",
  demonstrationValue: "{type} · {year}",
  locationUnconfirmed: "Location to be confirmed",
  locationDistrict: "Only the district is known; the map shows the district centre.",
  locationApproximate: "The position is approximate.",
  source: "Source",
  licence: "Licence",
  noFacilities: "Facilities unknown",
  licenceOdbl: "Open Database License (ODbL 1.0), © OpenStreetMap contributors",
  sourceCityData: "City's public documents, compiled by Tongxing",
  licenceByCity: "Provided by the city",
  licenceInNotes: "See the city's data notes",
  routeButton: "How to get there",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const PLACE_CARD_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type PlaceCardMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(PLACE_CARD_MESSAGES);
