/**
 * The words of the route feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  distanceKm: "{n} 公里",
  distanceM: "{n} 米",
  durationMinutes: "约 {n} 分钟",
  durationHours: "约 {h} 小时 {m} 分钟",
  routeTitle: "怎么去",
  routeBack: "返回地点",
  routeProfile: "谁出行",
  profileChildWalk: "儿童步行",
  profileStroller: "婴儿车",
  profileChildBike: "儿童骑行",
  profileAdultWalk: "成人步行",
  routeFromMine: "从你的位置出发",
  routeFromPressed: "从你在地图上选的地方出发",
  routeFromCentre: "从地图中心出发（长按或右键点地图可以换起点）",
  routeUseMine: "用我的位置",
  routeTo: "到：{name}",
  routeLoading: "正在找最安全的路…",
  routeSafest: "最安全",
  routeShorter: "更近",
  routeChoices: "路线选择",
  routeAlternativeHint: "虚线是另一条路，点一下可以换。",
  routeWarnings: "注意安全",
  routeSteps: "一步一步走",
  routeNoStreets: "这个城市还没有街道数据，暂时不能规划路线。",
  routeStartOutside: "起点不在有街道数据的地方。长按地图，在这个地点附近选个起点吧。",
  routeNoWayFrom: "起点附近找不到可以走的路，长按地图换个起点试试。",
  routeNoWayTo: "这个地点附近找不到可以走的路。",
  routeTooFar: "太远啦！这么远不适合走路或骑车，可以坐车去。",
  routeNoRoute: "这种方式走不通，换一种出行方式试试。",
  routeFailed: "路线加载失败，请检查网络后重试。",
  routeArrived: "你已经在这里啦！",
  routeStartSet: "起点已设在这里。",
  routeStartHint: "起点已设好。选一个地点，再点“怎么去”。",
} as const;

/** The keys of the route feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  distanceKm: "{n} km",
  distanceM: "{n} m",
  durationMinutes: "about {n} min",
  durationHours: "about {h} h {m} min",
  routeTitle: "How to get there",
  routeBack: "Back to the place",
  routeProfile: "Who is going",
  profileChildWalk: "Child on foot",
  profileStroller: "Stroller",
  profileChildBike: "Child on a bike",
  profileAdultWalk: "Adult on foot",
  routeFromMine: "From your location",
  routeFromPressed: "From the point you picked on the map",
  routeFromCentre: "From the map centre (long-press or right-click the map to pick a start)",
  routeUseMine: "Use my location",
  routeTo: "To: {name}",
  routeLoading: "Finding the safest way…",
  routeSafest: "Safest",
  routeShorter: "Shorter",
  routeChoices: "Route options",
  routeAlternativeHint: "The dashed line is another way; tap it to switch.",
  routeWarnings: "Watch out",
  routeSteps: "Step by step",
  routeNoStreets: "No street data for this city yet, so we can't plan a route.",
  routeStartOutside: "The start is outside the area we have streets for. Long-press the map near this place to pick a start.",
  routeNoWayFrom: "There's no path near the start. Long-press the map to pick another start.",
  routeNoWayTo: "There's no path near this place.",
  routeTooFar: "That's too far to walk or cycle. Try going by bus or car.",
  routeNoRoute: "There's no way through for this choice. Try another one.",
  routeFailed: "Could not load the route. Check the connection and try again.",
  routeArrived: "You're already here!",
  routeStartSet: "Start set here.",
  routeStartHint: "Start set. Pick a place, then tap “How to get there”.",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const ROUTE_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type RouteMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(ROUTE_MESSAGES);
