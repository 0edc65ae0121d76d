/**
 * The words of the children's councils pages (councils.html), Chinese first and English
 * second.
 */
import { lookup } from "../../shared/i18n.ts";

const zh = {
  councilsTitle: "儿童议事会",
  councilsKicker: "孩子们一起商量",
  councilsIntro: "在议事会里，孩子们一起讨论身边的事，决定以后转给负责单位。公开的记录只写各年龄段有几个人，不写孩子的名字。",
  noCouncils: "这里还没有儿童议事会。",
  members: "{n} 名成员",
  openCouncil: "看看这个议事会",
  allCouncils: "所有议事会",
  sessions: "议事会议",
  noSessions: "还没有会议。",
  planned: "计划中",
  held: "已召开",
  cancelled: "已取消",
  when: "时间：{when}",
  where: "地点：{where}",
  agenda: "议题",
  minutes: "会议纪要",
  attendance: "到会的小朋友",
  attendanceTotal: "共 {n} 人",
  decisions: "决定",
  decisionSent: "已转给负责单位",
  followIdea: "看看进展",
  thread: "大家的发言（{n}）",
  noPosts: "还没有发言。",
  writePost: "说说你的想法",
  post: "发言",
  postPending: "谢谢！管理员看过以后就会公开。",
  postPosted: "发言成功！",
  membersOnly: "议事会成员可以在这里发言。",
  joinTitle: "让孩子加入",
  chooseChild: "选择孩子",
  joinConsent: "我同意孩子以昵称加入这个议事会，参加会议和经过审核的讨论；不公开名字、学校班级和联系方式。",
  join: "同意并加入",
  joined: "孩子已加入！",
  noChildrenYet: "先在地图页的“我的”里为孩子创建账号，再来加入。",
  itemIdea: "孩子的想法",
  itemPoll: "投票",
  itemFree: "议题",
  seeLinked: "去看看",
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  councilsTitle: "Children's councils",
  councilsKicker: "Children deciding together",
  councilsIntro: "In a council, children talk about the places around them, and what they decide goes to the unit in charge. Public records count children by age; they never name them.",
  noCouncils: "No children's council here yet.",
  members: "{n} members",
  openCouncil: "See this council",
  allCouncils: "All councils",
  sessions: "Sessions",
  noSessions: "No sessions yet.",
  planned: "Planned",
  held: "Held",
  cancelled: "Cancelled",
  when: "When: {when}",
  where: "Where: {where}",
  agenda: "Agenda",
  minutes: "Minutes",
  attendance: "Children who came",
  attendanceTotal: "{n} in all",
  decisions: "Decisions",
  decisionSent: "Sent to the unit in charge",
  followIdea: "Follow it",
  thread: "What members said ({n})",
  noPosts: "Nothing said yet.",
  writePost: "Say what you think",
  post: "Post",
  postPending: "Thank you! It will be public once a moderator has read it.",
  postPosted: "Posted!",
  membersOnly: "Council members can post here.",
  joinTitle: "Enrol my child",
  chooseChild: "Choose a child",
  joinConsent: "I agree that my child joins this council under their nickname, for its sessions and moderated discussion; no name, school class or contact is shown.",
  join: "Agree and enrol",
  joined: "Your child has joined!",
  noChildrenYet: "First create your child's account under “Me” on the map page, then come back.",
  itemIdea: "Child's idea",
  itemPoll: "Poll",
  itemFree: "Item",
  seeLinked: "See it",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const COUNCILS_MESSAGES = { zh, en } as const;

/** A message of these words (or a shared one) in the current language. */
export const ct = lookup(COUNCILS_MESSAGES);
