import { describe, expect, it } from "vitest";
import { coverageQuery } from "./coverage.ts";
import { latLonField, latLonListField, parseLatLon } from "./fields.ts";
import { routeQuery } from "./routing.ts";
import { formatLatLon, formatLatLonList } from "./vocabulary.ts";

describe("the one position spelling, lat,lon", () => {
  it("reads lat,lon as [lon, lat] and writes it back the same way", () => {
    expect(parseLatLon("43.7384,7.4246")).toEqual([7.4246, 43.7384]);
    expect(formatLatLon([7.4246, 43.7384])).toBe("43.7384,7.4246");
    expect(latLonField.parse(formatLatLon([112.57, 26.89]))).toEqual([112.57, 26.89]);
    expect(latLonListField(10).parse(formatLatLonList([[7.42, 43.735], [7.41, 43.73]]))).toEqual([[7.42, 43.735], [7.41, 43.73]]);
  });

  it("refuses what is not a position, and more positions than allowed", () => {
    for (const text of ["", "43.7", "43.7,7.4,1", "91,7", "43,181", "a,b", "Infinity,0"]) expect(parseLatLon(text), text).toBeNull();
    expect(latLonListField(2).safeParse("1,1;2,2;3,3").success).toBe(false);
  });

  it("refuses unknown parameters, and coverage's old add= with a message naming site=", () => {
    expect(routeQuery.safeParse({ from: "43.7,7.4", to: "43.8,7.5", extra: "1" }).success).toBe(false);
    const old = coverageQuery.safeParse({ region: "monaco", add: "7.42,43.735" });
    expect(old.error?.issues[0]).toMatchObject({ path: ["add"], message: expect.stringContaining("site=lat,lon") });
    expect(coverageQuery.parse({ region: "monaco", site: "43.735,7.42" }).site).toEqual([[7.42, 43.735]]);
  });
});
