import { describe, expect, it } from "vitest";
import { Guard, WordFilter, readLexicon } from "../safety/index.ts";
import { postingOutcome } from "./review-policy.ts";

const guard = new Guard(new WordFilter(readLexicon("data/safety/lexicon.json")));
const outcome = (author: "child" | "adult", text: string) => postingOutcome(author, guard.check(text, author));

describe("posting policy", () => {
  it("publishes an adult's clean review at once and holds a child's for a moderator", () => {
    expect(outcome("adult", "滑梯很干净，孩子玩得很开心")).toBe("published");
    expect(outcome("child", "滑梯很干净，我玩得很开心")).toBe("pending");
  });

  it("refuses a child's text with personal information without saving it", () => {
    expect(outcome("child", "我的电话是13812345678，一起玩")).toBe("refuse_personal");
    expect(outcome("child", "加我微信 wxid_abc123")).toBe("refuse_personal");
    // An adult's phone number (a shop's hotline, say) is not held for that alone.
    expect(outcome("adult", "预约电话13812345678")).toBe("published");
  });

  it("refuses blocked words from anyone", () => {
    const insult = "你是个傻逼";
    expect(guard.check(insult, "adult").verdict).toBe("block");
    expect(outcome("adult", insult)).toBe("refuse_blocked");
    expect(outcome("child", insult)).toBe("refuse_blocked");
  });

  it("holds anything the guard could not check", () => {
    expect(postingOutcome("adult", { verdict: "hold", reasons: [{ kind: "check_failed", action: "hold" }] })).toBe("pending");
    expect(postingOutcome("child", { verdict: "hold", reasons: [{ kind: "check_failed", action: "hold" }] })).toBe("pending");
  });
});
