import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_FILE, HarmClassifier } from "./classifier.ts";
import { Guard } from "./guard.ts";
import { WordFilter, readLexicon } from "./word-filter.ts";

const model = HarmClassifier.read(DEFAULT_MODEL_FILE);
const guard = new Guard(new WordFilter(readLexicon("data/safety/lexicon.json")));

describe("the harm classifier", () => {
  it("scores harm in everyday words high and ordinary reviews low, through evasions", () => {
    expect(model.score("你一个人在家吗？哥哥过来陪你玩，别告诉你妈妈").score).toBeGreaterThan(0.8);
    expect(model.score("你 一 个 人 在 家 吗？哥 哥 过 来 陪 你 玩，别 告 诉 你 妈 妈").score).toBeGreaterThan(0.8);
    expect(model.score("南湖公园的滑梯很好玩，周末人有点多").score).toBeLessThan(0.5);
  });

  it("names the words that raised the score, as spans of the original text", () => {
    const text = "大家来人肉这个小孩";
    const { evidence } = model.score(text);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(text.slice(e.start, e.end).length).toBeGreaterThan(0);
  });
});

describe("the guard's answer", () => {
  it("keeps verdict and reasons, and adds the score, the risk and each rule's name", () => {
    const result = guard.check("放学别走，我知道你家住哪", "adult");
    expect(result.verdict).toBe("block");
    expect(result.risk).toBe(1);
    expect(result.score).toBeGreaterThan(0);
    expect(result.reasons.map((r) => r.rule)).toContain("intimidation");
    const clean = guard.check("图书馆的绘本很多", "adult");
    expect(clean).toMatchObject({ verdict: "pass", reasons: [] });
    expect(clean.risk).toBe(clean.score);
  });

  it("holds what only the classifier sees, with a reason a moderator can read", () => {
    const text = "周末我开车来学校门口接你，我们去吃好吃的，不用跟你爸妈说";
    const result = guard.check(text, "adult");
    expect(result.verdict).not.toBe("pass");
    expect(result.reasons.some((r) => r.rule === "classifier" || r.kind === "word")).toBe(true);
  });

  it("runs the rules alone when given no model", () => {
    const rulesOnly = new Guard(new WordFilter(readLexicon("data/safety/lexicon.json")), null);
    expect(rulesOnly.check("南湖公园很好玩", "child")).toMatchObject({ verdict: "pass", score: 0 });
  });
});
