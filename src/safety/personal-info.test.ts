import { describe, expect, it } from "vitest";
import { findPersonalInfo } from "./personal-info.ts";
import { idChecksumValid } from "./personal-numbers.ts";

const kinds = (text: string) => [...new Set(findPersonalInfo(text).map((h) => h.kind))];
const found = (text: string) => findPersonalInfo(text).map((h) => `${h.kind}:${text.slice(h.start, h.end)}`);

describe("personal information by structure", () => {
  it("finds phones in any shape and points at them", () => {
    expect(found("打我电话 l39 O0OO 1234")).toEqual(["phone:l39 O0OO 1234"]);
    expect(found("139I234S678")).toEqual(["phone:139I234S678"]);
    expect(kinds("电话 ① ③ ⑧ ⓪ ⓪ ⓪ ⓪ ① ② ③ ④")).toEqual(["phone"]);
    expect(found("13812345678，一起玩")).toEqual(["phone:13812345678"]);
    expect(kinds("座机 (0734) 812-3456")).toEqual(["phone"]);
  });

  it("checks ID numbers by GB 11643 and by their birth date", () => {
    expect(idChecksumValid("11010519491231002X")).toBe(true);
    expect(idChecksumValid("110105194912310021")).toBe(false);
    expect(findPersonalInfo("身份证 110105 19491231 002X")[0]).toMatchObject({ kind: "id_number", why: "ID number, checksum valid" });
    expect(kinds("这本书的编号是978753271234512345")).toEqual([]);
  });

  it("reads Chinese addresses by their parts, and English street addresses", () => {
    expect(kinds("我家在XX镇幸福村五组")).toEqual(["address"]);
    expect(kinds("湖南省衡阳市衡南县茶市镇石山村")).toEqual(["address"]);
    expect(kinds("家住蒸湘区华新街道红湘社区")).toEqual(["address"]);
    expect(kinds("我住三栋二单元五零一")).toEqual(["address"]);
    expect(kinds("I live at 25 Maple Street, come visit")).toContain("address");
    expect(kinds("my home is 1208 W. Oak Ave")).toEqual(["address"]);
  });

  it("finds school and class through gaps and abbreviations, and a name beside them", () => {
    expect(kinds("我 在 实 验 小 学 五 年 级 三 班")).toEqual(["school_class"]);
    expect(kinds("我在八中初二11班")).toEqual(["school_class"]);
    expect(kinds("三年二班的王小明")).toEqual(["school_class", "real_name_with_school"]);
    expect(kinds("I'm in Grade 5, Class 3 at Huaxin Primary School")).toContain("school_class");
  });

  it("finds social accounts written with a space or a look-alike", () => {
    expect(kinds("加我 v x：kid 2013")).toEqual(["wechat"]);
    expect(kinds("加我薇 xiaoyu2014")).toEqual(["wechat"]);
    expect(kinds("抖音号 abc 12345")).toEqual(["social_account"]);
    expect(kinds("B站UID 12345678")).toEqual(["social_account"]);
    expect(kinds("小红书搜 lele2013")).toEqual(["social_account"]);
    expect(kinds("my email: sunny[at]hotmail[dot]com")).toEqual(["email"]);
  });

  it("leaves public places, counts, dates and app names alone", () => {
    for (const text of [
      "南湖公园在雁峰区", "衡阳市雁峰区的公园很多", "周末去西渡镇看外婆", "我们学校有8个班", "我读五年级", "公园门口有12路公交车",
      "图书馆3楼有少儿阅览室", "我在抖音上看到这个公园的樱花开了", "可以用微信支付门票吗？", "WeChat pay works at the gate",
      "营业时间08:00-20:00", "2025年6月1日儿童节", "今年公园接待游客12345678人次", "Nice park, but the water fountains don't work.",
    ]) expect(kinds(text), text).toEqual([]);
  });
});
