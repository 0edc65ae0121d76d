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
  routeFromSearched: "从“{name}”出发",
  routeFromNone: "从哪里出发？请选一个起点",
  routeLocatingStart: "正在找你的位置…",
  routeStartLocate: "定位我",
  routeStartPick: "在地图上选",
  routeStartSearch: "搜地点",
  routeStartQuery: "起点的名字，比如学校",
  routeStartGo: "搜索",
  routeStartSearching: "正在搜…",
  routeStartNoneFound: "没有找到，换个名字试试。",
  routePickHint: "点一下地图，那里就是起点",
  routeNeedStartDenied: "没有位置权限，不知道你在哪儿。选好起点就开始找路：定位我、在地图上点一下，或者搜一个地点。",
  routeNeedStartUnavailable: "暂时拿不到你的位置。选好起点就开始找路：在地图上点一下，或者搜一个地点。",
  routeSamePlace: "起点就是“{name}”，已经到啦。想从别处出发，就在上面换个起点。",
  routeNoRoutesTitle: "路线数据尚未导入",
  routeNoRoutesText: "{city}的街道数据还没有导入，暂时不能一步一步带路。可以先看看：",
  routeStraightLine: "离你的直线距离：{distance}",
  routeStraightUnknown: "点“定位我”，可以看看离你多远。",
  routeDistrict: "所在区县：{name}",
  routeTo: "到：{name}",
  routeLoading: "正在找最安全的路…",
  routeSafest: "最安全",
  routeShorter: "更近",
  routeChoices: "路线选择",
  routeAlternativeHint: "虚线是另一条路，点一下可以换。",
  routeWarnings: "注意安全",
  routeSteps: "一步一步走",
  routeNoStreets: "这个城市还没有街道数据，暂时不能规划路线。",
  routeStartOutside: "起点不在有街道数据的地方。在上面换个起点吧（在地图上选或者搜地点）。",
  routeNoWayFrom: "起点附近找不到可以走的路，在上面换个起点试试。",
  routeNoWayTo: "这个地点附近找不到可以走的路。",
  routeTooFar: "太远啦！这么远不适合走路或骑车，可以坐车去。",
  routeNoRoute: "这种方式走不通，换一种出行方式试试。",
  routeFailed: "路线加载失败，请检查网络后重试。",
  routeCardNoRoutes: "在哪儿、多远",
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
  routeFromSearched: "From “{name}”",
  routeFromNone: "Where from? Choose a start",
  routeLocatingStart: "Finding your location…",
  routeStartLocate: "Locate me",
  routeStartPick: "Pick on the map",
  routeStartSearch: "Search a place",
  routeStartQuery: "Name of the start, e.g. a school",
  routeStartGo: "Search",
  routeStartSearching: "Searching…",
  routeStartNoneFound: "Nothing found. Try another name.",
  routePickHint: "Tap the map where the route should start",
  routeNeedStartDenied: "Location is off, so we don't know where you are. Choose a start and we'll find the way: locate me, tap the map, or search a place.",
  routeNeedStartUnavailable: "Your location isn't available right now. Choose a start and we'll find the way: tap the map or search a place.",
  routeSamePlace: "The start is “{name}” itself: you're already there. To start from somewhere else, change the start above.",
  routeNoRoutesTitle: "Route data not yet imported",
  routeNoRoutesText: "Street data for {city} hasn't been imported yet, so we can't guide you step by step. What we can tell you:",
  routeStraightLine: "As the crow flies from you: {distance}",
  routeStraightUnknown: "Tap “Locate me” to see how far it is from you.",
  routeDistrict: "District: {name}",
  routeTo: "To: {name}",
  routeLoading: "Finding the safest way…",
  routeSafest: "Safest",
  routeShorter: "Shorter",
  routeChoices: "Route options",
  routeAlternativeHint: "The dashed line is another way; tap it to switch.",
  routeWarnings: "Watch out",
  routeSteps: "Step by step",
  routeNoStreets: "No street data for this city yet, so we can't plan a route.",
  routeStartOutside: "The start is outside the area we have streets for. Change the start above (pick on the map or search a place).",
  routeNoWayFrom: "There's no path near the start. Change the start above and try again.",
  routeNoWayTo: "There's no path near this place.",
  routeTooFar: "That's too far to walk or cycle. Try going by bus or car.",
  routeNoRoute: "There's no way through for this choice. Try another one.",
  routeFailed: "Could not load the route. Check the connection and try again.",
  routeCardNoRoutes: "Where is it, how far",
  routeStartSet: "Start set here.",
  routeStartHint: "Start set. Pick a place, then tap “How to get there”.",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const ROUTE_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type RouteMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(ROUTE_MESSAGES);
