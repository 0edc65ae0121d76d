/**
 * The printable page of the parents' map on a made-up school: Chinese first with English
 * below, the crossings numbered with what to do at each, names from OSM escaped.
 */
import { describe, expect, it } from "vitest";
import type { SchoolAnswer } from "../core/api/schoolroutes.ts";
import { schoolMapPage, schoolMapPicturePage } from "./school-map-page.ts";

const crossing = (rank: number, control: SchoolAnswer["crossings"][number]["control"], name: string | null): SchoolAnswer["crossings"][number] => ({
  id: `node/${rank}`, rank, position: [7.42, 43.73], control, island: false, calming: false, camera: false,
  road: { name, roadClass: "secondary", maxspeedKmh: 50, main: true }, areaM2: 1200 - rank, schools: ["way/1"], hazards: 0, score: 10 - rank,
});

const answer = (name: string): SchoolAnswer => ({
  region: "monaco",
  school: {
    id: "way/1", name, kind: "primary", catchment: "nearest", position: [7.42, 43.73], gates: [], district: null, onNetwork: true, homes: 120, areaM2: 45000,
    safeShare: 0.625, medianMetres: 480, maxMetres: 900, crossings: { signals: 1, zebra: 2, unmarked: 0, none: 3 }, cameraShare: null,
  },
  routes: { type: "FeatureCollection", features: [] },
  homes: [],
  hazards: [],
  crossings: [crossing(4, "none", "Boulevard <Albert>"), crossing(9, "zebra", null), crossing(12, "signals", "Rue Grimaldi")],
  streets: [],
});

describe("schoolMapPage", () => {
  it("lists the crossings in order with the advice for their control, and the figures", () => {
    const page = schoolMapPage(answer("École"), "<svg></svg>", "buildings");
    expect(page.startsWith("<!doctype html>")).toBe(true);
    const advice = ["这里没有过街设施，请家长陪同", "走斑马线，先看左右来车", "等绿灯再过"].map((a) => page.indexOf(a));
    expect(advice.every((at, i) => at > 0 && (i === 0 || at > advice[i - 1]!))).toBe(true);
    expect(page).toContain("无名道路");
    expect(page).toContain("63%");
    expect(page).toContain("480 m");
    expect(page).toContain("© OpenStreetMap contributors, ODbL");
    expect(page).toMatch(/not a head count/);
    expect(page).not.toContain("假设");
  });

  it("escapes the school's and the roads' names", () => {
    const page = schoolMapPage(answer("<script>alert(1)</script>"), "<svg></svg>", "land");
    expect(page).not.toContain("<script>");
    expect(page).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(page).toContain("Boulevard &#60;Albert&#62;");
    expect(schoolMapPicturePage("<svg></svg>", "<b>")).toContain("<title>&#60;b&#62;</title>");
  });

  it("says when what-if changes are shown, with the safe share before them", () => {
    const changed = answer("École");
    const page = schoolMapPage({ ...changed, school: { ...changed.school, baseSafeShare: 0.5 }, whatIf: { applied: [] } }, "<svg></svg>", "buildings");
    expect(page).toContain("本图包含假设的过街改造");
    expect(page).toContain("50%");
  });
});
