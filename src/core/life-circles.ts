/**
 * Walking thresholds for planners, preset from the life circles of GB 50180-2018 (城市居住区
 * 规划设计标准): the 5-, 10- and 15-minute circles and the facility each should hold within
 * a walk, plus child-friendly space thresholds for play and parks. Minutes are walked at
 * a child's pace on the real street network (the child-walk routing profile), not as the
 * crow flies.
 */
export interface AccessStandard {
  id: string;
  /** Place kinds that satisfy it (see kinds.ts). */
  kinds: readonly string[];
  minutes: number;
  /** The standard's distance, for the legend: GB 50180 states both. */
  metres: number;
  label: { zh: string; en: string };
  /** What the threshold rests on, in both languages (the planner shows the reader's). */
  basis: { zh: string; en: string };
}

export const ACCESS_STANDARDS: readonly AccessStandard[] = [
  { id: "kindergarten-5", kinds: ["kindergarten", "childcare"], minutes: 5, metres: 300, label: { zh: "幼儿园（5分钟生活圈）", en: "Kindergarten (5-minute circle)" }, basis: { zh: "GB 50180-2018《城市居住区规划设计标准》，5分钟生活圈：幼儿园服务半径不大于300米", en: "GB 50180-2018, 5-minute life circle: kindergarten within 300 m" } },
  { id: "school-10", kinds: ["school"], minutes: 10, metres: 500, label: { zh: "小学（10分钟生活圈）", en: "Primary school (10-minute circle)" }, basis: { zh: "GB 50180-2018《城市居住区规划设计标准》，10分钟生活圈：小学服务半径不大于500米", en: "GB 50180-2018, 10-minute life circle: primary school within 500 m" } },
  { id: "school-15", kinds: ["school"], minutes: 15, metres: 1000, label: { zh: "中学（15分钟生活圈）", en: "Middle school (15-minute circle)" }, basis: { zh: "GB 50180-2018《城市居住区规划设计标准》，15分钟生活圈：初中服务半径不大于1000米", en: "GB 50180-2018, 15-minute life circle: middle school within 1,000 m" } },
  { id: "playground-5", kinds: ["playground", "play_equipment"], minutes: 5, metres: 300, label: { zh: "儿童游乐场（5分钟）", en: "Playground (5 minutes)" }, basis: { zh: "GB 50180-2018《城市居住区规划设计标准》，5分钟生活圈：每个居住街坊配置儿童活动场地", en: "GB 50180-2018, 5-minute circle: children's play space in every neighbourhood" } },
  { id: "park-10", kinds: ["park", "garden"], minutes: 10, metres: 500, label: { zh: "公园绿地（10分钟）", en: "Park (10 minutes)" }, basis: { zh: "GB 50180-2018《城市居住区规划设计标准》，10分钟生活圈：公园绿地", en: "GB 50180-2018, 10-minute circle: park and green space" } },
  { id: "clinic-15", kinds: ["clinic", "hospital", "children_hospital", "paediatrics"], minutes: 15, metres: 1000, label: { zh: "社区卫生服务（15分钟）", en: "Clinic (15 minutes)" }, basis: { zh: "GB 50180-2018《城市居住区规划设计标准》，15分钟生活圈：社区卫生服务中心", en: "GB 50180-2018, 15-minute circle: community health service centre" } },
  { id: "baby-room-10", kinds: ["baby_room"], minutes: 10, metres: 500, label: { zh: "母婴室（10分钟）", en: "Mother-and-baby room (10 minutes)" }, basis: { zh: "行动计划任务19：公共场所设置母婴室", en: "Plan task 19: mother-and-baby rooms in public places" } },
];

export const MIN_ACCESS_MINUTES = 1;
export const MAX_ACCESS_MINUTES = 30;
