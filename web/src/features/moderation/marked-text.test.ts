import { describe, expect, it } from "vitest";
import { markPieces } from "./marked-text.ts";

const span = (start: number, end: number, rule: string) => ({ kind: "word", rule, category: null, start, end });

describe("marked text for moderators", () => {
  it("cuts the text into plain and marked pieces, in order", () => {
    expect(markPieces("我的电话是13812345678哦", [span(5, 16, "mobile number")])).toEqual([
      { text: "我的电话是" }, { text: "13812345678", rules: ["mobile number"] }, { text: "哦" },
    ]);
  });

  it("merges overlapping spans into one mark naming every rule, and ignores spans outside the text", () => {
    const pieces = markPieces("大家来人肉这个小孩", [span(3, 5, "exposing a child (人肉)"), span(0, 4, "classifier"), span(8, 40, "bad")]);
    expect(pieces).toEqual([{ text: "大家来人肉", rules: ["classifier", "exposing a child (人肉)"] }, { text: "这个小孩" }]);
  });
});
