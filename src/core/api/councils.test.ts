/**
 * The councils' and polls' contract: age bands from a birth year, the age-range rule when
 * only the birth year is known, decision kinds kept equal to the ideas' kinds (a decision
 * becomes an idea), and the cross-field rules of the bodies.
 */
import { describe, expect, it } from "vitest";
import { AGE_BANDS, DECISION_KINDS, ageBandOf, ageMayBeWithin } from "./councils-vocabulary.ts";
import { agendaItemSchema, newCouncilSchema } from "./councils.ts";
import { newPollSchema } from "./polls.ts";
import { IDEA_KINDS } from "./voice.ts";

describe("age bands", () => {
  it("puts a child in the band of the age reached this year", () => {
    expect([2021, 2020, 2018, 2017, 2015, 2014, 2012, 2011, 2008].map((year) => ageBandOf(year, "2026-12-03"))).toEqual(["under6", "6-8", "6-8", "9-11", "9-11", "12-14", "12-14", "15-17", "15-17"]);
    expect(AGE_BANDS).toHaveLength(5);
  });

  it("lets a child vote when either age the birth year allows is in the range", () => {
    // Born 2017: 8 or 9 on 2026-12-03.
    expect([ageMayBeWithin(2017, "2026-12-03", 9, 12), ageMayBeWithin(2017, "2026-12-03", 6, 8), ageMayBeWithin(2017, "2026-12-03", 10, 12), ageMayBeWithin(2017, "2026-12-03", 3, 7)]).toEqual([true, true, false, false]);
  });
});

describe("the contract", () => {
  it("keeps decision kinds the ideas' kinds, so a sent decision is an idea of a known kind", () => {
    expect([...DECISION_KINDS]).toEqual([...IDEA_KINDS]);
  });

  it("asks a school council for its school and other councils for their division", () => {
    const base = { name: "实验小学议事会", regionId: "hengyang" };
    expect(newCouncilSchema.safeParse({ ...base, scope: "school" }).error?.issues[0]?.path).toEqual(["placeId"]);
    expect(newCouncilSchema.safeParse({ ...base, scope: "community" }).error?.issues[0]?.path).toEqual(["divisionCode"]);
    expect(newCouncilSchema.safeParse({ ...base, scope: "school", placeId: "osm:n1" }).success).toBe(true);
  });

  it("asks an idea or poll agenda item which one it is", () => {
    expect(agendaItemSchema.safeParse({ kind: "poll", title: "装什么" }).error?.issues[0]?.path).toEqual(["refId"]);
    expect(agendaItemSchema.safeParse({ kind: "free", title: "遮阴" }).success).toBe(true);
  });

  it("refuses a poll with an age range upside down, repeated options, or more than eight", () => {
    const poll = { question: "装什么好呢", minAge: 6, maxAge: 12, regionId: "hengyang", closesAt: "2030-01-01T00:00:00Z", options: [{ label: "滑梯" }, { label: "秋千" }] };
    expect(newPollSchema.safeParse(poll).success).toBe(true);
    expect(newPollSchema.safeParse({ ...poll, minAge: 13 }).error?.issues[0]?.path).toEqual(["maxAge"]);
    expect(newPollSchema.safeParse({ ...poll, options: [{ label: "滑梯" }, { label: "滑梯" }] }).error?.issues[0]?.path).toEqual(["options"]);
    expect(newPollSchema.safeParse({ ...poll, options: Array.from({ length: 9 }, (_, i) => ({ label: `选项${i}` })) }).success).toBe(false);
  });
});
