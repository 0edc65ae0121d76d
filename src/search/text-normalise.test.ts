import { describe, expect, it } from "vitest";
import { parseQuery } from "./query.ts";
import { editDistance, normalise, scriptRuns } from "./text-normalise.ts";

describe("normalise", () => {
  it("folds traditional characters, full-width letters, case, tones and accents", () => {
    expect(normalise("衡陽市婦幼保健院")).toBe("衡阳市妇幼保健院");
    expect(normalise("ＮＡＮＨＵ")).toBe("nanhu");
    expect(normalise("Nán Hú")).toBe("nan hu");
    expect(normalise("École du Parc")).toBe("ecole du parc");
  });

  it("drops everything that could be syntax or noise", () => {
    expect(normalise("' OR 1=1; --")).toBe("or 1 1");
    expect(normalise(".*[a-z]+$")).toBe("a z");
    expect(normalise("😀🎠")).toBe("");
    expect(normalise("南\u0000湖\u200b公园")).toBe("南 湖 公园");
    expect(normalise("\ud800abc")).toBe("abc");
  });
});

describe("query parsing", () => {
  it("keeps Latin words together and splits off Chinese words", () => {
    const q = parseQuery("nan hu gong yuan");
    expect(q.parts.map((p) => p.latin)).toEqual(["nanhugongyuan"]);
    expect(parseQuery("南湖 公园").parts.map((p) => p.han)).toEqual(["南湖", "公园"]);
  });

  it("reads the pinyin and initials of the Han part of a mixed query", () => {
    const [part] = parseQuery("南湖gy").parts;
    expect(part).toMatchObject({ han: "南湖", latin: "gy", hanPinyin: "nanhu", hanInitials: "nh" });
  });

  it("notes proximity words instead of searching for them", () => {
    const q = parseQuery("母婴室 附近");
    expect(q.wantsNearby).toBe(true);
    expect(q.parts.map((p) => p.text)).toEqual(["母婴室"]);
    expect(q.intents.length).toBeGreaterThan(0);
  });

  it("splits scripts", () => {
    expect(scriptRuns("南湖gy")).toEqual([{ han: true, text: "南湖" }, { han: false, text: "gy" }]);
  });
});

describe("editDistance", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("gongyaun", "gongyuan", 2)).toBe(1);
    expect(editDistance("jardin", "jardn", 2)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});
