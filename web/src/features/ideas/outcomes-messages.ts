/**
 * The words of the public "what happened to our ideas" page (ideas.html), Chinese first and
 * English second.
 */
import { lookup } from "../../shared/i18n.ts";

const zh = {
  outcomesTitle: "我们的想法怎么样了",
  outcomesKicker: "孩子们的金点子",
  outcomesNote: "孩子们在地图上提出的想法，转给负责单位以后，每一步回复都有日期。负责单位要在 {days} 天内回复。",
  totalIdeas: "想法总数",
  adoptedIdeas: "被采纳",
  doneIdeas: "已经做好",
  medianDays: "第一次回复一般要（中位数）",
  medianValue: "{n} 天",
  overdueIdeas: "超时没回复",
  byStage: "每一步有多少个想法",
  byUnit: "各负责单位",
  byDistrict: "各区县",
  colName: "名称",
  colTotal: "想法",
  colAnswered: "已回复",
  colAdopted: "采纳",
  colDone: "做好",
  colOverdue: "超时",
  doneList: "做好了的想法",
  noneDone: "还没有做好的想法，再等等！",
  before: "以前",
  after: "现在",
  doneOn: "{date} 做好",
  noFigure: "—",
  shareIdea: "去地图上提想法",
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  outcomesTitle: "What happened to our ideas",
  outcomesKicker: "Children's ideas",
  outcomesNote: "Ideas children put on the map go to the people in charge, and every answer is dated. They must answer within {days} days.",
  totalIdeas: "Ideas",
  adoptedIdeas: "Adopted",
  doneIdeas: "Done",
  medianDays: "First answer takes (median)",
  medianValue: "{n} days",
  overdueIdeas: "Not answered in time",
  byStage: "How many ideas are at each step",
  byUnit: "By unit in charge",
  byDistrict: "By district",
  colName: "Name",
  colTotal: "Ideas",
  colAnswered: "Answered",
  colAdopted: "Adopted",
  colDone: "Done",
  colOverdue: "Overdue",
  doneList: "Ideas that are done",
  noneDone: "No idea is done yet. Wait and see!",
  before: "Before",
  after: "Now",
  doneOn: "Done on {date}",
  noFigure: "—",
  shareIdea: "Share an idea on the map",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const OUTCOMES_MESSAGES = { zh, en } as const;

/** A message of these words (or a shared one) in the current language. */
export const ot = lookup(OUTCOMES_MESSAGES);
