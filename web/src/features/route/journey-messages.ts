/**
 * The words of journeys by bus and on foot, Chinese first and English second. `t` looks a key
 * up here, then in the route panel's words, then in the words every page shares.
 */
import { lookup } from "../../shared/i18n.ts";
import { ROUTE_MESSAGES, type RouteMessageKey } from "./route-messages.ts";

const zh = {
  wayLabel: "怎么去",
  wayWalk: "步行",
  wayTransit: "坐公交",
  wayNoBus: "没有合适的公交",
  wayAsking: "正在查…",
  departLabel: "出发时间",
  departNow: "现在出发",
  departAt: "{time} 出发",
  departTomorrow: "明天 {time} 出发",
  departChange: "改时间",
  departUseNow: "现在",
  journeyLoading: "正在找公交路线…",
  journeyChoices: "公交路线",
  journeyTimes: "{from}–{to}",
  journeyTransfers0: "不用换乘",
  journeyTransfers1: "换乘 1 次",
  journeyTransfers: "换乘 {n} 次",
  journeyWalkTotal: "步行 {distance}",
  journeyEstimated: "时间为估计值",
  journeyEstimatedNote: "这条线路没有公布时刻表，时间是按大约多久一班估计的，请提前到站。",
  journeyWalkOnly: "全程步行",
  journeyStepsTitle: "一段一段走",
  legWalkTo: "步行 {distance}，到{name}",
  legWalkToEnd: "步行 {distance}，到目的地",
  legWalkDetails: "怎么走（{n} 步）",
  legBoard: "在{stop}上车",
  legTowards: "开往{headsign}",
  legRide: "坐 {n} 站，在{stop}下车",
  legRideOne: "坐 1 站，在{stop}下车",
  legDepartAt: "{time} 发车",
  legDepartAbout: "约 {time} 发车",
  legHeadway: "每 {n} 分钟左右一班",
  legHeadwayEstimated: "约每 {n} 分钟一班（估计）",
  legStraightLine: "这一段没有街道数据，画的是直线",
  legNotStepFree: "上下车有台阶",
  legStepFree: "无障碍上下车",
  schoolBadge: "校车线路",
  schoolServes: "服务学校：{names}",
  departuresShow: "这一站的下一班车",
  departuresHide: "收起发车信息",
  departuresTitle: "{stop}的下一班车",
  departuresLoading: "正在查发车时间…",
  departuresNone: "接下来没有车从这一站发车。",
  departuresFailed: "发车信息加载失败，请稍后再试。",
  departureAbout: "约 {time}",
  noJourneyNoData: "这个城市还没有公交数据，先看看步行路线吧。",
  noJourneyNoStop: "起点或终点附近没有公交站。",
  noJourneyNoService: "这一天没有公交运营，换个日子或时间试试。",
  noJourneyOutsideDates: "这个时间不在时刻表的日期里，换个时间试试。",
  noJourneyNoConnection: "这个时间找不到合适的公交，换个出发时间试试。",
  noJourneyWalkBetter: "走过去更快，不用坐公交。",
  journeyFailed: "公交路线加载失败，请检查网络后重试。",
  journeyNotHere: "这里暂时查不了公交路线。",
} as const;

/** The keys of the journey words; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  wayLabel: "How to go",
  wayWalk: "Walk",
  wayTransit: "Bus",
  wayNoBus: "No suitable bus",
  wayAsking: "Checking…",
  departLabel: "Leaving",
  departNow: "Leaving now",
  departAt: "Leaving at {time}",
  departTomorrow: "Leaving tomorrow at {time}",
  departChange: "Change time",
  departUseNow: "Now",
  journeyLoading: "Finding bus journeys…",
  journeyChoices: "Bus journeys",
  journeyTimes: "{from}–{to}",
  journeyTransfers0: "No change",
  journeyTransfers1: "1 change",
  journeyTransfers: "{n} changes",
  journeyWalkTotal: "{distance} on foot",
  journeyEstimated: "Times are estimates",
  journeyEstimatedNote: "This line publishes no timetable: times are estimated from how often it runs. Be at the stop early.",
  journeyWalkOnly: "Walk all the way",
  journeyStepsTitle: "Leg by leg",
  legWalkTo: "Walk {distance} to {name}",
  legWalkToEnd: "Walk {distance} to the destination",
  legWalkDetails: "How to walk ({n} steps)",
  legBoard: "Get on at {stop}",
  legTowards: "towards {headsign}",
  legRide: "Ride {n} stops, get off at {stop}",
  legRideOne: "Ride 1 stop, get off at {stop}",
  legDepartAt: "Leaves at {time}",
  legDepartAbout: "Leaves at about {time}",
  legHeadway: "About every {n} min",
  legHeadwayEstimated: "About every {n} min (estimate)",
  legStraightLine: "No street data here: the line is straight",
  legNotStepFree: "Steps to get on and off",
  legStepFree: "Step-free boarding",
  schoolBadge: "School line",
  schoolServes: "Serves: {names}",
  departuresShow: "Next buses from this stop",
  departuresHide: "Hide departures",
  departuresTitle: "Next buses from {stop}",
  departuresLoading: "Checking departures…",
  departuresNone: "No more buses leave this stop today.",
  departuresFailed: "Could not load departures. Try again later.",
  departureAbout: "about {time}",
  noJourneyNoData: "No bus data for this city yet. Try the walking route.",
  noJourneyNoStop: "There's no bus stop near the start or the destination.",
  noJourneyNoService: "No buses run that day. Try another day or time.",
  noJourneyOutsideDates: "That time is outside the timetable's dates. Try another time.",
  noJourneyNoConnection: "No suitable bus at that time. Try leaving at another time.",
  noJourneyWalkBetter: "Walking there is quicker than the bus.",
  journeyFailed: "Could not load bus journeys. Check the connection and try again.",
  journeyNotHere: "Bus journeys can't be planned here yet.",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const JOURNEY_MESSAGES = { zh, en } as const;

/** A key of these words, of the route panel's or of the shared ones. */
export type JourneyMessageKey = OwnKey | RouteMessageKey;

const own = lookup(JOURNEY_MESSAGES);
const route = lookup(ROUTE_MESSAGES);

/** A message in the current language with `{name}` placeholders filled in. */
export function t(key: JourneyMessageKey, vars?: Readonly<Record<string, string | number>>): string {
  return key in zh ? own(key as OwnKey, vars) : route(key as RouteMessageKey, vars);
}
