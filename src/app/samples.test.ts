/** Which samples a start loads: TONGXING_SAMPLES, every sample by default, a wrong value named. */
import { describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../platform/config.ts";
import { DEFAULT_SAMPLES, samplesToLoad } from "./samples.ts";

/** A configuration without the setting, so the environment given decides (as before config.ts carries it). */
const { TONGXING_SAMPLES: _unset, ...config } = loadConfig({}) as Config & { TONGXING_SAMPLES?: string };
const ids = (env: NodeJS.ProcessEnv) => samplesToLoad(config, env).map((s) => s.regionId);

describe("samples to load", () => {
  it("loads Monaco and Nanjing unless told otherwise", () => {
    expect(DEFAULT_SAMPLES).toBe("monaco,nanjing");
    expect(ids({})).toEqual(["monaco", "nanjing"]);
    expect(ids({ TONGXING_SAMPLES: "" })).toEqual(["monaco", "nanjing"]);
  });

  it("loads the listed ones in the samples' order, or none", () => {
    expect(ids({ TONGXING_SAMPLES: "monaco" })).toEqual(["monaco"]);
    expect(ids({ TONGXING_SAMPLES: "nanjing, monaco" })).toEqual(["monaco", "nanjing"]);
    expect(ids({ TONGXING_SAMPLES: "none" })).toEqual([]);
  });

  it("prefers the configuration's value once config.ts carries it", () => {
    expect(samplesToLoad(Object.assign(loadConfig({}), { TONGXING_SAMPLES: "nanjing" }), { TONGXING_SAMPLES: "monaco" }).map((s) => s.regionId)).toEqual(["nanjing"]);
  });

  it("names the setting when a value is not a sample", () => {
    expect(() => ids({ TONGXING_SAMPLES: "monaco,paris" })).toThrow(/TONGXING_SAMPLES: each a sample: monaco, nanjing/);
    expect(() => ids({ TONGXING_SAMPLES: "Monaco;" })).toThrow(/TONGXING_SAMPLES/);
  });

  it("gives Nanjing its Chinese name and time zone", () => {
    const nanjing = samplesToLoad(config, { TONGXING_SAMPLES: "nanjing" })[0]!;
    expect(nanjing).toMatchObject({ regionId: "nanjing", name: { zh: "南京·新街口", en: "Nanjing Xinjiekou" }, timeZone: "Asia/Shanghai" });
    expect(nanjing.file(config)).toMatch(/nanjing-xinjiekou-2021-06-12\.osm$/);
  });
});
