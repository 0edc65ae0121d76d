/** TONGXING_DEFAULT_REGION: the plan's city unless set, checked like a region id. */
import { describe, expect, it } from "vitest";
import { PLAN_REGION, defaultRegionSetting, loadConfig } from "./config.ts";

describe("the region the map opens on", () => {
  it("is the city the plan belongs to unless set", () => {
    expect(PLAN_REGION).toBe("hengyang");
    expect(loadConfig({}).TONGXING_DEFAULT_REGION).toBe("hengyang");
    expect(loadConfig({ TONGXING_DEFAULT_REGION: "monaco" }).TONGXING_DEFAULT_REGION).toBe("monaco");
    expect(defaultRegionSetting({ TONGXING_DEFAULT_REGION: "" })).toBe("hengyang");
  });

  it("refuses what is not a region id, naming the variable", () => {
    expect(() => loadConfig({ TONGXING_DEFAULT_REGION: "Monaco!" })).toThrow(/TONGXING_DEFAULT_REGION/);
    expect(defaultRegionSetting({ TONGXING_DEFAULT_REGION: "Monaco!" })).toBe("hengyang");
  });
});
