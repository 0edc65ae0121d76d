/**
 * Harm in everyday words, by shape (issue 18, third round): weapons brought to a quarrel,
 * blackmail, cruelty to animals and dares, grooming by flattery, gifts, a car or a live
 * stream, goods sold to children, drugs dressed as sweets, goodbyes, and the same in English.
 * Each shape has its innocent twin (advice, hyperbole, a toy, a family pick-up) that must pass.
 * The sentences are written for these tests, not taken from any labelled or held-out set.
 */
import { describe, expect, it } from "vitest";
import { findIntents } from "./intent-patterns.ts";

const categories = (text: string) => [...new Set(findIntents(text).map((h) => `${h.category}:${h.action}`))].sort();
const flagged = (text: string) => findIntents(text).length > 0;

describe("threats, cruelty and dares", () => {
  it("blocks weapons brought to a quarrel and blackmail", () => {
    expect(categories("周六约在球场，都揣上棍子")).toContain("violence:block");
    expect(categories("不转两百块过来，你的丑照明天就发到年级群")).toContain("violence:block");
    expect(categories("我知道你在哪个学校上学，小心点")).toContain("violence:block");
    expect(flagged("野餐带上水果和饮料")).toBe(false);
  });

  it("holds hurting animals and dangerous dares, not caring for them", () => {
    expect(categories("拿弹弓射树上的麻雀，打中就加分，好刺激")).toContain("violence:hold");
    expect(categories("把那只小猫从二楼丢下去试试")).toContain("violence:hold");
    expect(categories("你敢不敢半夜一个人去后山")).toContain("violence:hold");
    expect(categories("放学去高速路边上捡瓶子玩")).toContain("violence:hold");
    expect(flagged("我们给流浪狗喂了火腿肠，它摇尾巴")).toBe(false);
    expect(flagged("老师说不要在铁路上玩，火车很快")).toBe(false);
  });
});

describe("grooming, scams and goods for children", () => {
  it("holds flattery, gifts, a car and getting a child alone", () => {
    expect(categories("你比同龄人成熟，叔叔想和你单独聊聊")).toContain("sexual:hold");
    expect(categories("叫一声老公，我就给你充648")).toContain("sexual:hold");
    expect(categories("我开车到你学校门口等你，别跟老师讲")).toContain("sexual:hold");
    expect(categories("把你的定位发我，我想去找你")).toContain("sexual:hold");
    expect(flagged("妈妈开车来接我，我们去外婆家")).toBe(false);
    expect(flagged("老师说如果有人叫你删掉聊天记录，要告诉爸妈")).toBe(false);
  });

  it("holds drugs dressed as sweets and goods sold to children, not food that is delicious", () => {
    expect(categories("这种糖豆吃一粒就飘，二十一包")).toContain("drugs:block");
    expect(categories("那家小卖部不问年龄，初中生也能买酒")).toContain("drugs:hold");
    expect(flagged("今天吃了好多烤串，好开心")).toBe(false);
    expect(flagged("这颗草莓一口就甜到心里")).toBe(false);
    expect(flagged("未成年人不能喝酒，爸爸说的")).toBe(false);
  });

  it("holds fees to claim a prize, not a deposit for an audio guide", () => {
    expect(categories("恭喜抽中免费手办，付15元邮费就寄出")).toContain("fraud:hold");
    expect(flagged("租讲解器要交押金，还的时候退")).toBe(false);
  });

  it("keeps 开盒 for exposing a child, not for a blind box", () => {
    expect(categories("开盒这个小学生，把他爸妈电话挂出来")).toContain("bullying:block");
    expect(flagged("今天开盒抽到了隐藏款小兔子")).toBe(false);
  });
});

describe("bullying and despair", () => {
  it("holds ridicule, votes on who is ugliest and pranks that hurt", () => {
    expect(categories("咱们投票选出最胖的同学")).toContain("bullying:hold");
    expect(categories("把他的文具盒丢进垃圾桶")).toContain("bullying:hold");
    expect(categories("往她水杯里倒粉笔灰")).toContain("bullying:hold");
    expect(flagged("我把垃圾丢进了垃圾桶，妈妈夸我")).toBe(false);
  });

  it("holds goodbyes and hurting oneself", () => {
    expect(categories("这是我最后一次上线了，谢谢大家")).toContain("self_harm:hold");
    expect(categories("我把药都攒起来了")).toContain("self_harm:hold");
    expect(categories("难过的时候我会掐自己的手")).toContain("self_harm:hold");
  });
});

describe("English, read with its spaces", () => {
  it("finds grooming, threats, drugs and dares in English", () => {
    expect(categories("ur so mature for 12, this is our secret")).toContain("sexual:hold");
    expect(categories("ill beat you up after school")).toContain("violence:block");
    expect(categories("where can i buy vapes near school")).toContain("drugs:hold");
    expect(categories("who can hold their breath longest underwater")).toContain("violence:hold");
    expect(categories("everyone says he smells like garbage lol")).toContain("bullying:hold");
  });

  it("lets hyperbole and advice through", () => {
    expect(flagged("we're gonna kill it at the concert")).toBe(false);
    expect(flagged("i'll get you a drink from the shop")).toBe(false);
    expect(flagged("Mom says never meet people from games alone")).toBe(false);
  });
});

describe("more shapes of the same harms", () => {
  it("holds starving to be thin, paying while hiding it from adults, and a net friend paying the fare", () => {
    expect(categories("想变瘦就不要吃晚饭，饿晕就好了")).toContain("self_harm:hold");
    expect(categories("老师让交资料费，扫这个码就行，别问爸妈")).toContain("fraud:hold");
    expect(categories("网上认识的哥哥说放假带我去广州，机票他出")).toContain("sexual:hold");
    expect(flagged("爸爸扫码交了书本费，老师发了收据")).toBe(false);
  });

  it("holds pushing a classmate into water, not falling in by oneself", () => {
    expect(categories("把同桌推进池塘里看他出丑")).toContain("bullying:hold");
    expect(flagged("我不小心踩进了水坑，鞋子湿了")).toBe(false);
  });
});
