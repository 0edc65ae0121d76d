import { describe, expect, it } from "vitest";
import { originalSpan, readText } from "./normalise.ts";

describe("the guard's canonical reading", () => {
  it("folds full-width, traditional and case, and drops spaces, symbols and emoji between characters", () => {
    expect(readText("ＱＱ 號 😀 是").text).toBe("qq号是");
    expect(readText("实 验 小 学 五 年 级 三 班").text).toBe("实验小学五年级三班");
    expect(readText("傻​逼").text).toBe("傻逼");
  });

  it("reads look-alike digits as digits inside a dictated number only", () => {
    expect(readText("139I234S678").numeric).toBe("13912345678");
    expect(readText("l39 O0OO 1234").numeric).toBe("13900001234");
    expect(readText("幺三八 一二三四 五六七八").numeric).toBe("13812345678");
    expect(readText("①③⑧①②③④⑤⑥⑦⑧").numeric).toBe("13812345678");
    // A short run keeps its words: 一起, "so" and "lol" are not numbers.
    expect(readText("我们一起去 so fun lol").numeric).toBe("我们一起去sofunlol");
  });

  it("reads the key words' look-alikes and sounds as the words", () => {
    expect(readText("加我 v x kid2013").text).toBe("加我微信kid2013");
    expect(readText("威信号 abc").text).toBe("微信号abc");
    expect(readText("扣扣").text).toBe("qq");
    expect(readText("weixin").text).toBe("微信");
  });

  it("maps every canonical stretch back to the original words", () => {
    const text = "电话：１３８ 1234 5678 哦";
    const reading = readText(text);
    const start = reading.text.indexOf("138");
    const span = originalSpan(reading, start, start + 11);
    expect(text.slice(span.start, span.end)).toBe("１３８ 1234 5678");
    const wx = "加我 V x：kid";
    const r = readText(wx);
    const at = r.text.indexOf("微信");
    const s = originalSpan(r, at, at + 2);
    expect(wx.slice(s.start, s.end)).toBe("V x");
  });
});
