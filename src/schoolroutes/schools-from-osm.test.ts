/** The kind of school read from OSM tags and names, in Chinese, French and English. */
import { describe, expect, it } from "vitest";
import { schoolKind, schoolsFromOsm } from "./schools-from-osm.ts";

describe("schools from OSM", () => {
  it("tells kindergartens, primary and secondary schools apart by tags and names", () => {
    const kind = (name: string, extra: Record<string, string> = {}) => schoolKind({ amenity: "school", name, ...extra });
    expect(schoolKind({ amenity: "kindergarten", name: "五老村幼儿园" })).toBe("kindergarten");
    expect(kind("长江路小学")).toBe("primary");
    expect(kind("清华附小")).toBe("primary");
    expect(kind("城关镇第一中心小学")).toBe("primary");
    expect(kind("南京五中")).toBe("secondary");
    expect(kind("衡阳市第八中学")).toBe("secondary");
    expect(kind("清华附中")).toBe("secondary");
    expect(kind("南京外国语学校国际部及初三年级校区")).toBe("secondary");
    expect(kind("Lycée Albert-1er")).toBe("secondary");
    expect(kind("École de Fontvieille")).toBe("primary");
    expect(kind("Some School", { "isced:level": "2;3" })).toBe("secondary");
    expect(kind("诗雅艺术学校")).toBe("primary");
  });

  it("leaves out universities and childcare that is not a kindergarten", () => {
    expect(schoolKind({ amenity: "school", name: "摩納哥國際大學" })).toBeNull();
    expect(schoolKind({ amenity: "school", name: "International University of Monaco" })).toBeNull();
    expect(schoolKind({ amenity: "childcare", name: "托管班" })).toBeNull();
    expect(schoolKind({ amenity: "library", name: "图书馆" })).toBeNull();
  });

  it("takes an outline's centre and its entrances as gates", () => {
    const node = (id: number, lon: number, lat: number, tags: Record<string, string> = {}) => ({ type: "node" as const, id, lon, lat, tags });
    const schools = schoolsFromOsm([
      node(1, 0, 0), node(2, 0.001, 0, { entrance: "main" }), node(3, 0.001, 0.001), node(4, 0, 0.001, { entrance: "yes", access: "private" }),
      { type: "way", id: 10, refs: [1, 2, 3, 4, 1], tags: { amenity: "school", name: "雁峰小学" } },
    ]);
    expect(schools).toHaveLength(1);
    expect(schools[0]).toMatchObject({ id: "way/10", name: "雁峰小学", kind: "primary", gates: [[0.001, 0]] });
    expect(schools[0]!.lon).toBeCloseTo(0.0005, 6);
  });
});
