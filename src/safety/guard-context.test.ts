/**
 * The guard's verdict where context decides: a held listed word (毒品, 赌博) in a text about
 * keeping away from it passes; the same word offered does not. Contact signs (🐧, ➕, keycap
 * digits) are read through the one canonical reading, so a child's text is held for them.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_FILE, HarmClassifier } from "./classifier.ts";
import { Guard } from "./guard.ts";
import { RISK_HOLD_SCORE } from "./refusal.ts";
import { readText } from "./normalise.ts";
import { WordFilter, readLexicon } from "./word-filter.ts";

const rules = new Guard(new WordFilter(readLexicon("data/safety/lexicon.json")), null);
const verdict = (text: string) => rules.check(text, "child").verdict;

describe("guard in context", () => {
  it("passes a held word in a lesson or an exhibition about keeping away from it", () => {
    expect(verdict("科普馆的禁毒角展出了毒品的样子，真吓人")).toBe("pass");
    expect(verdict("老师讲了赌博的危害，我们都要远离")).toBe("pass");
    expect(verdict("谁知道哪里能弄到毒品")).not.toBe("pass");
  });

  it("reads contact signs and plus signs as words, and keycaps as one number", () => {
    expect(readText("🐧 123").text).toBe("qq123");
    expect(readText("➕V").text).toBe("加v");
    expect(readText("1+1").text).toBe("11");
    const keycaps = readText("5⃣6⃣7⃣");
    expect(keycaps.text).toBe("567");
    expect(keycaps.gap).toEqual([false, false, false]);
    expect(verdict("我的扣 3⃣9⃣1⃣8⃣2⃣7⃣4⃣")).toBe("hold");
  });
});

describe("initials that are a name's abbreviation", () => {
  it("passes initials that spell the pinyin of the words before them, or are called an abbreviation", () => {
    expect(verdict("我们小组叫飞马队（FMD），拿了第一")).toBe("pass");
    expect(verdict("接力队（JLD）今天训练了")).toBe("pass");
    expect(verdict("天马队（TMD）赢了")).toBe("pass");
    expect(verdict("体育馆的拼音缩写是TYG，我记住了")).toBe("pass");
    expect(verdict("你就是个SB")).not.toBe("pass");
    expect(verdict("sb的缩写是什么，反正你就是sb")).not.toBe("pass");
  });
});

describe("one threshold", () => {
  it("holds an adult's post at the committed model's own threshold", () => {
    expect(HarmClassifier.read(DEFAULT_MODEL_FILE).threshold).toBe(RISK_HOLD_SCORE);
  });
});
