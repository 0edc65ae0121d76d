import { describe, expect, it } from "vitest";
import { inLanguage } from "../../shared/testing/language.ts";
import { hasLatin, nearbyWhat, nothingFoundText, shortDistance, suggestionNames } from "./search-format.ts";

const name = { zh: "南湖公园", en: "Nanhu Park", pinyin: "nan hu gong yuan" };

describe("search words", () => {
  it("gives short distances in tens of metres, then kilometres", () => {
    expect(shortDistance(3)).toBe("10 m");
    expect(shortDistance(456)).toBe("460 m");
    expect(shortDistance(2345)).toBe("2.3 km");
    expect(shortDistance(23_456)).toBe("23 km");
    expect(shortDistance(null)).toBeNull();
    expect(shortDistance(Number.NaN)).toBeNull();
  });

  it("shows the Chinese name first, with pinyin only when the query was typed in Latin letters", () => {
    expect(hasLatin("nhgy")).toBe(true);
    expect(hasLatin("南湖")).toBe(false);
    expect(suggestionNames({ name }, "南湖", "?")).toEqual({ main: "南湖公园", mainLang: "zh-CN", secondary: "Nanhu Park", secondaryLang: "en" });
    expect(suggestionNames({ name }, "nhgy", "?").secondary).toBe("Nanhu Park · nan hu gong yuan");
  });

  it("shows the English name first in English, and the fallback when the place has no name", () => {
    const names = inLanguage("en", () => suggestionNames({ name }, "park", "?"));
    expect(names.main).toBe("Nanhu Park");
    expect(names.secondary).toBe("南湖公园 · nan hu gong yuan");
    expect(names.secondaryLang).toBe("zh-CN");
    expect(suggestionNames({ name: { zh: null, en: null, pinyin: null } }, "x", "无名地点").main).toBe("无名地点");
  });

  it("says what was not found and what is nearby instead", () => {
    expect(nearbyWhat(["leisure", "leisure"])).toBe("休闲地点");
    expect(nearbyWhat(["leisure", "no-such-category"])).toBe("休闲地点");
    expect(nearbyWhat([])).toBe("好去处");
    expect(nothingFoundText("xyz", [])).toBe("没有找到“xyz”，看看附近的好去处吧");
    expect(inLanguage("en", () => nearbyWhat(["leisure"]))).toBe("leisure places");
  });
});
