/**
 * What "我的" says when something happens to an idea, in words a seven-year-old reads with a
 * parent. A guardian told about their child's idea reads the same news about the child.
 * Pure: the event, the stage and the idea's title in, both languages out.
 */
import type { IdeaStage } from "../core/api/voice.ts";
import type { NotificationEvent } from "./idea-records.ts";

type Words = { zh: string; en: string };

const ANSWERS: Partial<Record<IdeaStage, (t: string) => Words>> = {
  received: (t) => ({ zh: `负责的叔叔阿姨收到了你的想法“${t}”。`, en: `The people in charge got your idea "${t}".` }),
  under_study: (t) => ({ zh: `大人们正在认真研究你的想法“${t}”。`, en: `The grown-ups are looking carefully at your idea "${t}".` }),
  accepted: (t) => ({ zh: `好消息！你的想法“${t}”被采纳了，快去看看他们打算怎么做。`, en: `Good news! Your idea "${t}" was accepted. See what they will do.` }),
  in_progress: (t) => ({ zh: `你的想法“${t}”开始动工啦！`, en: `Work on your idea "${t}" has started!` }),
  done: (t) => ({ zh: `做好了！你的想法“${t}”变成了真的，快去看照片。`, en: `Done! Your idea "${t}" came true. Look at the photo.` }),
  not_adopted: (t) => ({ zh: `你的想法“${t}”这次没有被采纳，大人们写下了原因，谢谢你的好点子。`, en: `Your idea "${t}" was not chosen this time. They wrote down why. Thank you for your idea.` }),
};

const EVENTS: Record<Exclude<NotificationEvent, "answer">, (t: string) => Words> = {
  published: (t) => ({ zh: `你的想法“${t}”已经在地图上啦，大家都能看到。`, en: `Your idea "${t}" is on the map now for everyone to see.` }),
  triaged: (t) => ({ zh: `你的想法“${t}”已经转给负责的单位了。`, en: `Your idea "${t}" was sent to the people in charge.` }),
  merged: (t) => ({ zh: `有小朋友和你想的一样！你的想法“${t}”和相同的想法合在一起了，支持的人更多啦。`, en: `Someone had the same idea! Your idea "${t}" joined it, so more people support it.` }),
  refused: (t) => ({ zh: `你的想法“${t}”这次没能发出来，可以改一改再试试。`, en: `Your idea "${t}" could not be shown this time. You can change it and try again.` }),
};

/** The message of one notification; `supporter` when the reader supported someone else's idea. */
export function notificationWords(event: NotificationEvent, stage: IdeaStage | null, title: string, who: { forChild: string | null; supporter: boolean }): Words {
  const base = event === "answer" ? (ANSWERS[stage ?? "received"] ?? ANSWERS.received!)(title) : EVENTS[event](title);
  if (who.forChild) return { zh: `【${who.forChild}】${base.zh.replaceAll("你的想法", "孩子的想法")}`, en: `[${who.forChild}] ${base.en.replaceAll("Your idea", "Your child's idea").replaceAll("your idea", "your child's idea")}` };
  if (who.supporter) return { zh: base.zh.replaceAll("你的想法", "你支持的想法"), en: base.en.replaceAll("Your idea", "The idea you support").replaceAll("your idea", "the idea you support") };
  return base;
}
