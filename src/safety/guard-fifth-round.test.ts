/**
 * The guard's fifth round (issue 18): each case stands for a structure the guard did not
 * understand before, not a sentence to match (the sentences are written for this test, not
 * taken from any labelled, held-out or development set), with the false friends beside it.
 */
import { describe, expect, it } from "vitest";
import { findIntents } from "./intent-patterns.ts";
import { findPersonalInfo } from "./personal-info.ts";
import { readText } from "./normalise.ts";

const kinds = (text: string) => [...new Set(findPersonalInfo(text).map((h) => h.kind))].sort();
const intents = (text: string) => findIntents(text).map((h) => h.category);

describe("normalisation reads more sound-alikes of the contact words", () => {
  it("reads 丘丘, 秋秋 and 企鹅 as qq and 裙号 as 群号", () => {
    expect(readText("丘丘号").text).toBe("qq号");
    expect(readText("小企鹅").text).toBe("小qq");
    expect(readText("裙号").text).toBe("群号");
    expect(kinds("秋秋 7 3 6 2 8 1 9 4 5 来玩")).toEqual(["qq"]);
    expect(kinds("企鹅馆里的企鹅一共有12只")).toEqual([]);
  });
});

describe("numbers a few words from their contact word, in pieces, or end first", () => {
  it("takes a QQ number a few words after the word", () => {
    expect(kinds("扣扣号是我弟弟的生日再加两个八：20150612888")).toEqual(["qq"]);
    expect(kinds("QQ音乐会员一个月15元")).toEqual([]);
  });

  it("joins a mobile number told end first, or piece by piece", () => {
    expect(kinds("手机尾号6630，前面是一三九零七三四")).toEqual(["phone"]);
    expect(kinds("我电话前三位是159，后四位是2280，中间的你猜")).toEqual(["phone"]);
    expect(kinds("前三名是159分、后四名都不到2280分")).toEqual([]);
  });

  it("joins an ID number told in three pieces", () => {
    expect(kinds("身份证：地区430406，生日20121105，后四位是0017")).toEqual(["id_number"]);
  });

  it("reads financial numerals in a house number", () => {
    expect(kinds("我家门牌是先锋路叁拾贰号")).toEqual(["address"]);
  });
});

describe("accounts, e-mail and names in new shapes", () => {
  it("takes a WeChat key alone before a handle, and a handle a few words after the app", () => {
    expect(kinds("微：xiaoman0920")).toEqual(["wechat"]);
    expect(kinds("微信也能加，号是mimi_hy 后面是0921")).toEqual(["wechat"]);
  });

  it("takes an app search whose name holds digits or is the child's own", () => {
    expect(kinds("快手搜 跳舞的小橘子0734")).toEqual(["social_account"]);
    expect(kinds("小红书搜 小橘子在衡阳 都是我的画")).toEqual(["social_account"]);
    expect(kinds("在小红书搜衡阳亲子游，攻略很多")).toEqual([]);
  });

  it("takes an e-mail written apart or told in parts", () => {
    expect(kinds("mail: n u o n u o 0 9 @ q q . c o m")).toEqual(["email"]);
    expect(kinds("邮箱是duoduo2014，126的")).toEqual(["email"]);
    expect(kinds("报名表发到官方邮箱就行")).toEqual([]);
  });

  it("takes a real name given as such, or owned beside a school", () => {
    expect(kinds("小名叫豆豆，本名杜思远，在衡钢小学")).toContain("real_name_with_school");
    expect(kinds("育才小学 何雨桐 就是我")).toContain("real_name_with_school");
    expect(kinds("周末是我最喜欢的日子，实验小学放假了")).toEqual([]);
  });

  it("takes an address in pinyin, and a unit only where a home is meant", () => {
    expect(kinds("wo jia zhu zai jie fang lu 36 hao")).toEqual(["address"]);
    expect(kinds("第4单元的生字好多")).toEqual([]);
  });
});

describe("harm in everyday words", () => {
  it("holds a substance sold to children by its effect or its price", () => {
    expect(intents("那种“提神糖”吃了能飞，学生价")).toContain("drugs");
    expect(intents("烟弹到货了，放学校门口拿")).toContain("drugs");
    expect(intents("禁毒课讲了：毒品会装成糖果，千万不要吃")).toEqual([]);
  });

  it("holds despair said quietly and a hidden wound", () => {
    expect(intents("感觉活着也没什么意思")).toContain("self_harm");
    expect(intents("胳膊上的伤疤被老师看见了，我说是摔的")).toContain("self_harm");
    expect(intents("这家店太难吃了，再也不来了")).toEqual([]);
  });

  it("holds a lie to parents to meet, and a doxxing that found a home", () => {
    expect(intents("跟你爸妈说去补习班，其实来找我")).toContain("sexual");
    expect(intents("查到他家住哪了，周末去看看")).toContain("bullying");
  });

  it("lets a supervised roof, a kind nickname and a refused sale pass", () => {
    expect(intents("在楼顶天文台看月亮，老师陪着我们")).toEqual([]);
    expect(intents("同学给我起了个外号叫开心果，因为我爱笑")).toEqual([]);
    expect(intents("超市阿姨不卖烟给小孩，很负责")).toEqual([]);
  });

  it("reads English bullying, threats and drink by their structure", () => {
    expect(intents("we voted Jake the dumbest boy in class")).toContain("bullying");
    expect(intents("he said he'd bring his brother's knife tomorrow")).toContain("violence");
    expect(intents("we drank some of grandpa's wine at the party")).toContain("drugs");
  });
});

describe("shapes found by the later development sets", () => {
  it("takes a handle of letters and digits, or a long number, in a text that asks to be reached", () => {
    expect(kinds("想玩的加我：mumu_hy0811")).toEqual(["social_account"]);
    expect(kinds("有事找我 3928175640")).toEqual(["qq"]);
    expect(kinds("K1路和116路都到，iPhone15可以扫码")).toEqual([]);
  });

  it("takes a name standing between a school and a grade", () => {
    expect(kinds("衡钢中学 邓子墨 初三")).toContain("real_name_with_school");
  });

  it("counts a bare class only where a school is named, not the word 学校", () => {
    expect(kinds("学校组织我们去科技馆，二班的同学最认真")).toEqual([]);
    expect(kinds("石鼓小学二班的来集合")).toEqual(["school_class"]);
  });

  it("holds a wound made on purpose, and a dare or a sale in coded words", () => {
    expect(intents("我又割了手腕，不疼")).toContain("self_harm");
    expect(intents("懂的来，一包十块，不是那种糖")).toContain("drugs");
    expect(intents("谁敢从这跳下去，我给他20块")).toContain("violence");
    expect(intents("刚才切水果的时候划了手，妈妈给我包好了")).toEqual([]);
  });
});

describe("shapes found by a last probe", () => {
  it("takes a game id of digits, an app account followed by the child's page, and parts of a home in English", () => {
    expect(kinds("王者ID 28817365")).toEqual(["social_account"]);
    expect(kinds("我的抖音是 跳跳糖小姐姐 主页有我跳舞")).toEqual(["social_account"]);
    expect(kinds("we live in Flat 12, Block 3 of River Garden")).toEqual(["address"]);
    expect(kinds("we finished unit 3 and unit 4 of the English book")).toEqual([]);
    expect(kinds("我的抖音是用来看动画片的")).toEqual([]);
  });

  it("takes a bracketed class after 初/高 without 班, and a student number where a school is named", () => {
    expect(kinds("成章初三(5)")).toEqual(["school_class"]);
    expect(kinds("学号20240317，在白沙小学")).toEqual(["school_class"]);
    expect(kinds("I'm in class 6-1 at Huaxin Primary School")).toEqual(["school_class"]);
  });

  it("takes an ID number in two pieces ending in X, a WeChat 号码, and an estate named a few words on", () => {
    expect(kinds("身份证后六位 03102X，前面是430422201212")).toEqual(["id_number"]);
    expect(kinds("我的微信號碼是 hy_mumu_0707")).toEqual(["wechat"]);
    expect(kinds("我家的小区在蒸湘区，名字叫阳光家园")).toContain("address");
  });
});
