/**
 * The words of polls for children (polls.html and the poll cards), Chinese first and English
 * second, short enough for a child reading with a parent.
 */
import { lookup } from "../../shared/i18n.ts";

const zh = {
  pollsTitle: "小朋友投票",
  pollsKicker: "你来选！",
  pollsIntro: "城市要为孩子们建新的地方，想听听你的意见。点一张图片就是投票，截止以前还可以改。",
  openPolls: "正在投票",
  closedPolls: "投票结果",
  noOpenPolls: "现在没有正在进行的投票。",
  noClosedPolls: "还没有结束的投票。",
  forAges: "{min}–{max} 岁的小朋友",
  closesOn: "{date} 截止",
  closedOn: "已截止",
  areaLine: "地点：{area}",
  yourVote: "你选了：{label}。截止以前还可以改。",
  tapToVote: "点一张图片投票",
  voteFor: "投给 {label}",
  takeBack: "取消我的投票",
  voted: "投好了！",
  signInToVote: "在地图页的“我的”里登录以后就能投票。",
  goSignIn: "去登录",
  totalVotes: "一共 {n} 票",
  votesCount: "{n} 票",
  favourite: "最多人选",
  byAge: "各年龄段投票人数：{bands}",
  notForYou: "这个投票是给 {min}–{max} 岁的小朋友的。",
  mapLink: "回到地图",
  voteFailed: "没有投上：{message}",
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  pollsTitle: "Children's polls",
  pollsKicker: "You choose!",
  pollsIntro: "The city is building new places for children and wants to hear from you. Tap a picture to vote; you can change it until the poll closes.",
  openPolls: "Open polls",
  closedPolls: "Results",
  noOpenPolls: "No poll is open now.",
  noClosedPolls: "No poll has closed yet.",
  forAges: "For children aged {min}–{max}",
  closesOn: "Closes {date}",
  closedOn: "Closed",
  areaLine: "Where: {area}",
  yourVote: "You chose: {label}. You can change it until the poll closes.",
  tapToVote: "Tap a picture to vote",
  voteFor: "Vote for {label}",
  takeBack: "Take my vote back",
  voted: "Voted!",
  signInToVote: "Sign in under “Me” on the map page to vote.",
  goSignIn: "Sign in",
  totalVotes: "{n} votes in all",
  votesCount: "{n} votes",
  favourite: "Most chosen",
  byAge: "Votes by age: {bands}",
  notForYou: "This poll is for children aged {min}–{max}.",
  mapLink: "Back to the map",
  voteFailed: "The vote did not go through: {message}",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const POLLS_MESSAGES = { zh, en } as const;

/** A message of these words (or a shared one) in the current language. */
export const pt = lookup(POLLS_MESSAGES);
