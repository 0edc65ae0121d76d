/**
 * Personal information in the shapes children actually write (issue 18, third round): each
 * case stands for a structure, not a sentence to match: pieces and reversed numbers,
 * keycaps and plus signs, short keys with a colon, ids written apart "without the spaces",
 * game and app nicknames, a home's floor and room, estate numbers, grades in pinyin, a
 * name standing beside a school. The false friends beside them must pass.
 */
import { describe, expect, it } from "vitest";
import { findPersonalInfo } from "./personal-info.ts";

const kinds = (text: string) => [...new Set(findPersonalInfo(text).map((h) => h.kind))].sort();

describe("numbers told in pieces, backwards or dressed up", () => {
  it("joins a mobile number given in pieces where the text says so", () => {
    expect(kinds("前面的车是12路，后面的是135路")).toEqual([]);
    expect(kinds("号码开头是158，接着是0734，然后是6620")).toEqual(["phone"]);
    expect(kinds("想约的话：前面186，后面 2299 3300")).toEqual(["phone"]);
  });

  it("reads a number written backwards when the text says to reverse it", () => {
    expect(kinds("把这串倒过来就是我手机：0033 9922 681")).toEqual(["phone"]);
    expect(kinds("倒着数 10 9 8 7，火箭发射！")).toEqual([]);
  });

  it("reads keycap digits, penguins and plus signs as numbers and contact words", () => {
    expect(kinds("扣 4⃣2⃣7⃣1⃣9⃣3⃣8⃣0⃣")).toEqual(["qq"]);
    expect(kinds("有空🐧我 61839274")).toEqual(["qq"]);
    expect(kinds("+v xingxing_0809 看简介")).toEqual(["wechat"]);
    expect(kinds("3+2=5，我算对了")).toEqual([]);
  });

  it("finds phones in Chinese capitals, pinyin numerals and full-width digits", () => {
    expect(kinds("电话 壹伍玖 零柒叁肆 捌捌柒柒")).toEqual(["phone"]);
    expect(kinds("打给我：幺八六 七七六六 五五四四")).toEqual(["phone"]);
    expect(kinds("手机１８６－００１１－２２３３")).toEqual(["phone"]);
  });
});

describe("accounts written apart or under another name", () => {
  it("takes a short key with a colon, spaces and all", () => {
    expect(kinds("V：m i a o m i a o 1 2 3")).toEqual(["wechat"]);
    expect(kinds("ks: tu tu 2015 关注下")).toEqual(["social_account"]);
    expect(kinds("xhs：bunny.hy")).toEqual(["social_account"]);
  });

  it("takes an id the text says to join up", () => {
    expect(kinds("加我的号 pp 2 0 1 4 qq（连起来写）")).toContain("social_account");
    expect(kinds("公园里没有空格也没有长椅")).toEqual([]);
  });

  it("reads the sound-alikes of 微信 and the apps", () => {
    expect(kinds("维信：nuonuo2016")).toEqual(["wechat"]);
    expect(kinds("斗音号：xiaoju_0734")).toEqual(["social_account"]);
    expect(kinds("卫星发射中心的模型好酷")).toEqual([]);
  });

  it("finds game and app nicknames a child gives out to be added", () => {
    expect(kinds("光遇昵称是“小月亮”，来加好友")).toEqual(["social_account"]);
    expect(kinds("快手搜 胖虎爱吃糖 头像是我")).toEqual(["social_account"]);
    expect(kinds("在抖音搜雁峰公园能看到好多视频")).toEqual([]);
  });

  it("finds English handles after a follow or an add", () => {
    expect(kinds("add me on insta @ mochi.cat_11")).toEqual(["social_account"]);
    expect(kinds("We follow the museum's news every week")).toEqual([]);
  });
});

describe("homes, schools and names by their structure", () => {
  it("finds a floor and a room, and an estate's building-unit-room, where a home is meant", () => {
    expect(kinds("我家住在菜市场对面那栋的6楼603")).toEqual(["address"]);
    expect(kinds("我们家在金源小区 7-1-402")).toEqual(["address"]);
    expect(kinds("图书馆4楼401阅览室周末开放")).toEqual([]);
    expect(kinds("儿童医院2号楼是门诊")).toEqual([]);
  });

  it("keeps a public venue's English address", () => {
    expect(kinds("The science museum is at 88 Jiefang Road")).toEqual([]);
    expect(kinds("We live at 9 Hengyang Road, come and play")).toEqual(["address"]);
  });

  it("finds grade and class in pinyin, compressed and bracketed", () => {
    expect(kinds("我是liu年级2ban的")).toEqual(["school_class"]);
    expect(kinds("我在二中，我们班是初一8")).toContain("school_class");
    expect(kinds("育才中学 八(3) 的来报到")).toEqual(["school_class"]);
    expect(kinds("孩子在五中读初二，想找学伴")).toEqual(["school_class"]);
    expect(kinds("五中的运动会初二跑得最快")).toEqual([]);
  });

  it("finds a full name standing beside a school, not a teacher, a day or a place", () => {
    expect(kinds("何俊熙，解放路小学，周末常去图书馆")).toEqual(["real_name_with_school"]);
    expect(kinds("黎 可 欣  石鼓区二中")).toEqual(["real_name_with_school"]);
    expect(kinds("我外孙许嘉豪在附小读书")).toEqual(["real_name_with_school"]);
    expect(kinds("周六，实验小学开放参观")).toEqual([]);
    expect(kinds("李老师在三中教英语")).toEqual([]);
    expect(kinds("黄沙湾小学的操场很大")).toEqual([]);
  });
});

describe("public numbers and addresses, and pieces that make a private one", () => {
  it("passes a venue's desk or hotline, holds a home's landline", () => {
    expect(kinds("美术馆预约电话 0734-8123987，周一不开门")).toEqual([]);
    expect(kinds("有事打我家座机 0734-8123987")).toEqual(["phone"]);
  });

  it("passes a venue's own street address, holds a home's", () => {
    expect(kinds("青少年宫地址：蒸湘区长湖路35号")).toEqual([]);
    expect(kinds("我家住长湖路35号，离青少年宫很近")).toEqual(["address"]);
    expect(kinds("坐到解放大道，3号出口出来就是")).toEqual([]);
  });

  it("joins an ID number told in two pieces", () => {
    expect(kinds("身份证前面是430405201412，后六位是150027")).toEqual(["id_number"]);
  });

  it("finds a Chinese nickname with digits after @ or an app's name, and a classmate's name by where they live", () => {
    expect(kinds("微博搜我 @星星糖2014")).toEqual(["social_account"]);
    expect(kinds("我的小红书是橙子爱跳舞2015")).toEqual(["social_account"]);
    expect(kinds("我同桌姓林叫林小雨，她住我们小区")).toContain("real_name_with_school");
    expect(kinds("@所有人 明天九点集合")).toEqual([]);
  });

  it("holds a grade and class only when it is someone's", () => {
    expect(kinds("四年级三班的合唱得了一等奖")).toEqual([]);
    expect(kinds("我是四年级三班的")).toEqual(["school_class"]);
  });
});
