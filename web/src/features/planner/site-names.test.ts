import { describe, expect, it } from "vitest";
import { inLanguage } from "../../shared/testing/language.ts";
import { proposedText } from "./planner-panel.ts";
import { siteLabel } from "./site-names.ts";

describe("names of proposed sites", () => {
  it("names a site after a close place, else its district, else the distance to the nearest place", () => {
    expect(siteLabel({ name: "南湖公园", distanceM: 120, districtName: "雁峰区" })).toBe("南湖公园附近");
    expect(siteLabel({ name: "南湖公园", distanceM: 1800, districtName: "雁峰区" })).toBe("雁峰区");
    expect(siteLabel({ name: "Parc Princesse Antoinette", distanceM: 654, districtName: null })).toBe("距Parc Princesse Antoinette约 650 米");
    expect(inLanguage("en", () => siteLabel({ name: "Jardin des Enfants", distanceM: 90, districtName: null }))).toBe("near Jardin des Enfants");
    expect(siteLabel(null)).toBeNull();
  });

  it("writes a proposed site with its name, and plainly while the name is not known", () => {
    expect(proposedText({ addedNames: ["南湖公园附近", null] }, 0)).toBe("拟建点 1：南湖公园附近");
    expect(proposedText({ addedNames: ["南湖公园附近", null] }, 1)).toBe("拟建点 2");
  });
});
