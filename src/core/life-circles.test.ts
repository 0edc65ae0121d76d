import { describe, expect, it } from "vitest";
import { ACCESS_STANDARDS } from "./life-circles.ts";

describe("life-circle standards", () => {
  it("give each basis in Chinese and in English", () => {
    for (const standard of ACCESS_STANDARDS) {
      expect(standard.basis.zh, standard.id).toMatch(/[\u4e00-\u9fff]/);
      expect(standard.basis.en, standard.id).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(ACCESS_STANDARDS.find((s) => s.id === "kindergarten-5")!.basis.zh).toContain("300米");
  });
});
