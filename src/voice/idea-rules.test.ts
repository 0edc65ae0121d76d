/**
 * The pure rules of ideas: which answer may follow which stage, overdue, the median, a
 * child's pin moved and coarsened, duplicates by their words, and the layer's grid against
 * a plain scan of the same ideas.
 */
import { describe, expect, it } from "vitest";
import { distanceMeters } from "../core/geo.ts";
import { IDEA_KINDS, IDEA_STAGES } from "../core/api/voice.ts";
import { IdeaLayer, type LayerIdea } from "./idea-layer.ts";
import { answerProblem, isOverdue, median } from "./idea-stages.ts";
import { countIdeas } from "./accountability-figures.ts";
import { dedupeKey } from "./idea-service.ts";
import { COARSE_M, FAR_COARSE_M, coarsen, publicPin } from "./pin-privacy.ts";

describe("answers", () => {
  const ok = { text: "", by: undefined };
  it("moves forward only, and a final answer stays final", () => {
    expect(answerProblem("new", { stage: "received", ...ok }, false)).toEqual({ problem: "not_sent" });
    expect(answerProblem("sent", { stage: "received", ...ok }, false)).toBeNull();
    expect(answerProblem("sent", { stage: "under_study", ...ok }, false)).toBeNull();
    expect(answerProblem("under_study", { stage: "under_study", ...ok }, false)).toBeNull();
    expect(answerProblem("under_study", { stage: "received", ...ok }, false)).toEqual({ problem: "backwards" });
    expect(answerProblem("in_progress", { stage: "not_adopted", text: "因为这里是消防通道" }, false)).toEqual({ problem: "backwards" });
    for (const final of ["done", "not_adopted", "merged"] as const) expect(answerProblem(final, { stage: "in_progress", ...ok }, true)).toEqual({ problem: "final" });
  });
  it("asks accepted for what and by when, not adopted for a reason, done for a photo", () => {
    expect(answerProblem("received", { stage: "accepted", text: "", by: "2027-01-01" }, false)).toEqual({ problem: "needs_text" });
    expect(answerProblem("received", { stage: "accepted", text: "种十棵树" }, false)).toEqual({ problem: "needs_date" });
    expect(answerProblem("received", { stage: "accepted", text: "种十棵树", by: "2027-01-01" }, false)).toBeNull();
    expect(answerProblem("sent", { stage: "not_adopted", text: "" }, false)).toEqual({ problem: "needs_text" });
    expect(answerProblem("accepted", { stage: "done", ...ok }, false)).toEqual({ problem: "needs_result_photo" });
    expect(answerProblem("accepted", { stage: "done", ...ok }, true)).toBeNull();
  });
  it("calls an unanswered public idea overdue after the deadline, counted from publication", () => {
    const idea = { status: "published", stage: "sent" as const, publishedAt: "2026-01-01T00:00:00Z", firstAnswerAt: null };
    expect(isOverdue(idea, "2026-01-30T00:00:00Z", 30)).toBe(false);
    expect(isOverdue(idea, "2026-02-01T00:00:00Z", 30)).toBe(true);
    expect(isOverdue({ ...idea, firstAnswerAt: "2026-01-20T00:00:00Z", stage: "received" }, "2026-03-01T00:00:00Z", 30)).toBe(false);
    expect(isOverdue({ ...idea, status: "pending" }, "2026-03-01T00:00:00Z", 30)).toBe(false);
  });
  it("takes the median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("a child's pin", () => {
  const home = { lon: 112.6, lat: 26.9 };
  it("moves to the nearest public place and then to the centre of its 100 m cell", () => {
    const park = { lon: 112.6012, lat: 26.9008, placeId: "p1", districtCode: "430406" };
    const pin = publicPin("child", home.lon, home.lat, [{ lon: 112.603, lat: 26.9, placeId: "p2", districtCode: null }, park]);
    expect(pin).toMatchObject({ how: "snapped", districtCode: "430406" });
    expect(pin).toMatchObject(coarsen(park.lon, park.lat, COARSE_M));
    expect(distanceMeters([pin.lon, pin.lat], [park.lon, park.lat])).toBeLessThan(COARSE_M);
  });
  it("is coarsened more widely when nothing public is near, and an adult's stays where it was put", () => {
    const far = publicPin("child", home.lon, home.lat, []);
    expect(far.how).toBe("far");
    expect(far).toMatchObject(coarsen(home.lon, home.lat, FAR_COARSE_M));
    expect(publicPin("adult", home.lon, home.lat, [])).toMatchObject({ how: "exact", lon: home.lon, lat: home.lat });
  });
  it("gives every point of one cell the same centre", () => {
    const a = coarsen(112.60001, 26.90001, COARSE_M);
    const b = coarsen(112.60002, 26.90002, COARSE_M);
    expect(a).toEqual(b);
  });
});

describe("duplicates", () => {
  it("are the same words whatever the spacing, punctuation and width", () => {
    expect(dedupeKey("想要滑梯！ 公园里没有")).toBe(dedupeKey("想要滑梯 公园里没有。"));
    expect(dedupeKey("ＡＢＣ slide")).toBe(dedupeKey("abc, slide"));
    expect(dedupeKey("想要滑梯")).not.toBe(dedupeKey("想要秋千"));
  });
});

describe("the ideas layer", () => {
  it("answers a bbox as a scan of every idea does, and forgets removed ideas", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const ideas: LayerIdea[] = Array.from({ length: 3000 }, (_, i) => ({ id: `i${i}`, kind: IDEA_KINDS[i % IDEA_KINDS.length]!, title: "t", stage: IDEA_STAGES[i % 3]!, supportCount: 0, lon: 112.5 + random() * 0.3, lat: 26.8 + random() * 0.3, onMap: true, publishedAt: "2026-01-01", regionId: "hengyang", unitId: null, districtCode: null, answerDays: null, doneAt: null }));
    const layer = new IdeaLayer();
    for (const idea of ideas) layer.put(idea);
    for (let i = 0; i < 100; i += 3) layer.remove(`i${i}`);
    const live = ideas.filter((_, i) => i >= 100 || i % 3 !== 0);
    for (let q = 0; q < 50; q++) {
      const [x, y, s] = [112.45 + random() * 0.35, 26.75 + random() * 0.35, random() * (q % 5 === 0 ? 2 : 0.05)];
      const bbox: [number, number, number, number] = [x, y, x + s, y + s];
      const kind = q % 2 === 0 ? undefined : IDEA_KINDS[q % IDEA_KINDS.length];
      const expected = live.filter((i) => i.lon >= x && i.lon <= x + s && i.lat >= y && i.lat <= y + s && (kind === undefined || i.kind === kind)).map((i) => i.id).sort();
      expect(layer.query(bbox, kind, 10_000).ideas.map((i) => i.id).sort()).toEqual(expected);
    }
    const capped = layer.query([112, 26, 113, 27], undefined, 10);
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.ideas).toHaveLength(10);
  });
});

describe("the accountability figures", () => {
  const idea = (id: string, extra: Partial<LayerIdea>): LayerIdea => ({ id, kind: "shade", title: id, stage: "new", supportCount: 0, lon: 112.6, lat: 26.9, onMap: true, publishedAt: "2026-01-01T00:00:00Z", regionId: "hengyang", unitId: null, districtCode: null, answerDays: null, doneAt: null, ...extra });
  it("counts by stage, unit and district, the adopted, the overdue and the median days to answer", () => {
    const ideas = [
      idea("a", { stage: "done", unitId: "u1", districtCode: "430406", answerDays: 3, doneAt: "2026-03-01" }),
      idea("b", { stage: "accepted", unitId: "u1", districtCode: "430406", answerDays: 10 }),
      idea("c", { stage: "not_adopted", unitId: "u2", answerDays: 20 }),
      idea("d", { stage: "sent", unitId: "u2", publishedAt: "2026-01-01T00:00:00Z" }),
      idea("e", { stage: "new", publishedAt: "2026-02-20T00:00:00Z" }),
      idea("f", { stage: "new", regionId: "monaco" }),
    ];
    const names = { unitName: (id: string | null) => (id ? `unit ${id}` : null), districtName: (code: string | null) => (code === "430406" ? "雁峰区" : null) };
    const f = countIdeas(ideas, names, { region: "hengyang", deadlineDays: 30, now: new Date("2026-03-01T00:00:00Z") });
    expect(f).toMatchObject({ total: 5, adopted: 2, overdue: 1, medianDaysToFirstAnswer: 10, byStage: { done: 1, accepted: 1, not_adopted: 1, sent: 1, new: 1 } });
    expect(f.byUnit.find((g) => g.id === "u2")).toMatchObject({ name: "unit u2", total: 2, answered: 1, overdue: 1 });
    expect(f.byDistrict.find((g) => g.id === "430406")).toMatchObject({ name: "雁峰区", total: 2, adopted: 2, done: 1 });
    expect(f.done.map((d) => d.id)).toEqual(["a"]);
    expect(countIdeas(ideas, names, { deadlineDays: 30 }).total).toBe(6);
  });
});
