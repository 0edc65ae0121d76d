import { describe, expect, it } from "vitest";
import { findIntents } from "./intent-patterns.ts";

const categories = (text: string) => findIntents(text).map((h) => `${h.category}:${h.action}`);

describe("intent patterns", () => {
  it("finds bullying of a named child wherever it stands, through spaces and traditional forms", () => {
    expect(categories("我们班的王小明 是个 豬頭")).toEqual(["bullying:hold"]);
    expect(categories("明天谁都不要跟她说话")).toEqual(["bullying:hold"]);
    expect(categories("你长得真丑死了")).toEqual(["bullying:hold"]);
  });

  it("blocks threats and drug sales, holds grooming and a child's despair", () => {
    expect(categories("再说我就拿刀捅你")).toEqual(["violence:block"]);
    expect(categories("我知道你家住哪")).toEqual(["violence:block"]);
    expect(categories("要叶子私聊")).toEqual(["drugs:block"]);
    expect(categories("发张自拍给哥哥，哥哥给你买零食")).toContain("sexual:hold");
    expect(categories("这件事别告诉爸妈，叔叔给你发红包")).toEqual(["sexual:hold"]);
    expect(categories("最近觉得活着没意思")).toEqual(["self_harm:hold"]);
  });

  it("finds exposure, scams, unsafe meetings and cigarettes for children in everyday words", () => {
    expect(categories("大家来人 肉这个小孩，把他家地址挂出来")).toContain("bullying:block");
    expect(categories("把你妈妈手机上的验证码念给我听")).toContain("fraud:block");
    expect(categories("扫这个码进群，每天领红包")).toContain("fraud:hold");
    expect(categories("周六你偷偷出来见我，别告诉家长")).toContain("sexual:hold");
    expect(categories("我们去水库游泳吧")).toEqual(["violence:hold"]);
    expect(categories("这款电子烟水果味的，小学生也能抽，私聊")).toContain("drugs:hold");
    expect(categories("我真的撑不下去了")).toEqual(["self_harm:hold"]);
  });

  it("reads warnings and advice as such", () => {
    for (const text of [
      "奶奶说不要去水库游泳，太危险",
      "老师教我们不要把验证码告诉别人",
      "要打击人肉搜索和网络欺凌",
      "爸爸戒烟一个月了",
    ]) expect(categories(text), text).toEqual([]);
  });

  it("leaves ordinary words alone", () => {
    for (const text of [
      "我觉得自己是个笨蛋，第一次没找到路",
      "生日惊喜别告诉妈妈哦",
      "秋天的叶子好漂亮，我捡了三片",
      "他是个好人，帮我们捡了风筝",
      "图书馆的电子屏可以发照片给家里人",
      "我们都别跑太快，弟弟跟不上",
    ]) expect(categories(text), text).toEqual([]);
  });

  it("points at the words in the original text", () => {
    const text = "大家好，王小明是个猪头";
    const [hit] = findIntents(text);
    expect(text.slice(hit!.start, hit!.end)).toBe("王小明是个猪头");
  });
});
