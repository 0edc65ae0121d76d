/**
 * Checks the committed data/plans/hengyang/plan.json against the plan text it was built from:
 * the tree of goals, actions and tasks, the annex's units, the verbatim texts and indicators,
 * no trace of the spam or the garble, and a byte-identical rebuild.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Plan, type PlanIndicator, planSchema } from "../src/core/plan.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PLAN_DIR = path.join(REPO_ROOT, "data/plans/hengyang");
const SEED_FILE = path.resolve(REPO_ROOT, "../shared/seed/action-plan-2024-2028.txt");
/** The advertising word scraped into the plan text, escaped so it never appears in our own files. */
const SPAM_WORD = "\u96f7\u901f";

interface CleaningRule {
  followedBy: string;
  replacement: string;
}

const planText = fs.readFileSync(path.join(PLAN_DIR, "plan.json"), "utf8");
const plan: Plan = planSchema.parse(JSON.parse(planText));
const curation = JSON.parse(fs.readFileSync(path.join(PLAN_DIR, "curation.json"), "utf8")) as { cleaning: CleaningRule[] };
const rawSeed = fs.readFileSync(SEED_FILE, "utf8");
const spam = `${SPAM_WORD}\u4f53\u80b2,${SPAM_WORD}\u76f4\u64ad`;
const cleanSeed = curation.cleaning.reduce(
  (text, rule) => text.replaceAll(spam + rule.followedBy, rule.replacement + rule.followedBy),
  rawSeed,
);

/** The annex rows as [task number, title, lead spellings, participating spellings]. */
function annexRows(): Array<[number, string, string[], string[]]> {
  const lines = rawSeed.split("\n");
  const start = lines.findIndex((line) => line.startsWith("---|"));
  const end = lines.findIndex((line) => line.startsWith("备注"));
  const split = (cell: string) => cell.replace(/。$/, "").split("、");
  return lines.slice(start + 1, end).map((line) => {
    const cells = line.split("|").map((cell) => cell.trim()).filter((cell) => cell !== "");
    const [task, title, lead, participating] = cells.slice(-4) as [string, string, string, string];
    return [Number(task.replace("任务", "")), title, split(lead), split(participating)];
  });
}

const unitIdBySpelling = new Map(plan.units.flatMap((unit) => [unit.name, ...unit.aliases].map((name) => [name, unit.id] as const)));
const CHINESE_NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** Whether a target number is written in the sentence, in Arabic digits or, when small, in Chinese. */
function writtenIn(sentence: string, value: number): boolean {
  return sentence.includes(String(value)) || (Number.isInteger(value) && value <= 10 && sentence.includes(CHINESE_NUMERALS[value]!));
}

const indicator = (id: string): PlanIndicator | undefined => plan.indicators.find((item) => item.id === id);

describe("plan.json structure", () => {
  it("has the 6 goals, 14 actions and 35 tasks of the plan, in order", () => {
    expect(plan.goals.map((goal) => goal.id)).toEqual(["goal-1", "goal-2", "goal-3", "goal-4", "goal-5", "goal-6"]);
    expect(plan.actions).toHaveLength(14);
    expect(plan.tasks.map((task) => task.number)).toEqual(Array.from({ length: 35 }, (_, index) => index + 1));
    expect(plan.goals[0]!.title).toBe("推进社会政策友好,倡导全社会践行儿童友好理念");
    expect(plan.goals[5]!.title).toBe("推进产业创新友好,助力儿童友好产业发展");
    expect(plan.tasks.find((task) => task.number === 33)!.actionId).toBe("action-13");
  });

  it("keeps the document facts", () => {
    expect(plan.id).toBe("hengyang-2024-2028");
    expect(plan.document).toMatchObject({ number: "衡政办发〔2024〕25号", issuedOn: "2024-12-27" });
    expect(plan.period).toEqual({ start: 2024, end: 2028 });
    expect(plan.milestoneYears).toEqual([2025, 2028]);
  });

  it("names the 12 county-level divisions of counties.geojson as members of 各县(市)区", () => {
    const counties = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "data/regions/hengyang/counties.geojson"), "utf8")) as { features: Array<{ id: string }> };
    const members = plan.units.filter((unit) => unit.memberOf === "county-districts").map((unit) => unit.divisionCode);
    expect(members.sort()).toEqual(counties.features.map((feature) => feature.id).sort());
  });
});

describe("plan.json against the text", () => {
  it("has every annex row with the same title and units, after alias mapping", () => {
    const rows = annexRows();
    expect(rows).toHaveLength(35);
    for (const [number, title, lead, participating] of rows) {
      const task = plan.tasks[number - 1]!;
      expect(title.replace(/^\?/, "")).toBe(task.title);
      expect(lead.map((name) => unitIdBySpelling.get(name))).toEqual(task.leadUnitIds);
      expect(participating.map((name) => unitIdBySpelling.get(name))).toEqual(task.participatingUnitIds);
    }
    expect(plan.tasks[29]!.leadUnitIds).toEqual(["city-market-regulation-bureau"]);
  });

  it("keeps every task's text verbatim from the cleaned text, and its milestones within it", () => {
    const lines = new Set(cleanSeed.split("\n"));
    for (const task of plan.tasks) {
      expect(lines.has(task.text), `task ${task.number}`).toBe(true);
      for (const milestone of Object.values(task.milestones)) expect(task.text).toContain(milestone);
    }
    expect(plan.tasks[4]!.milestones["2025"]).toMatch(/^到2025年,全市学前三年教育毛入园率达92%/);
    expect(plan.tasks[23]!.milestones["2025"]).toMatch(/^至2025年/);
  });

  it("holds no spam word and no garble", () => {
    for (const file of fs.readdirSync(PLAN_DIR)) expect(fs.readFileSync(path.join(PLAN_DIR, file), "utf8"), file).not.toContain(SPAM_WORD);
    expect(planText).not.toContain("?");
    expect(planText).not.toContain("\ufffd");
    expect(cleanSeed).not.toContain(SPAM_WORD);
    expect(plan.tasks[13]!.title).toBe("加强孤儿和事实无人抚养儿童保障");
  });

  it("reads every indicator from a sentence of its task's milestone that states its targets", () => {
    for (const item of plan.indicators) {
      expect(cleanSeed, item.id).toContain(item.sourceText);
      const task = plan.tasks[item.taskNumbers[0]! - 1]!;
      expect(task.text, item.id).toContain(item.sourceText);
      if (item.target2025 !== undefined) {
        expect(writtenIn(item.sourceText, item.target2025), item.id).toBe(true);
        expect(task.milestones["2025"], item.id).toContain(item.sourceText);
      }
      if (item.target2028 !== undefined) {
        expect(writtenIn(item.sourceText, item.target2028), item.id).toBe(true);
        expect(task.milestones["2028"], item.id).toContain(item.sourceText);
      }
      if (item.baseline !== undefined) expect(writtenIn(item.sourceText, item.baseline.value), item.id).toBe(true);
    }
  });

  it("has the indicators the plan is known for, with their targets", () => {
    const expected: Array<[string, "target2025" | "target2028", number, string]> = [
      ["preschool-gross-enrolment-rate", "target2025", 92, "%"],
      ["inclusive-kindergarten-coverage", "target2025", 88.8, "%"],
      ["childcare-places-per-thousand", "target2025", 4.5, "个/千人"],
      ["paediatricians-per-thousand-children", "target2028", 0.8, "人/千名儿童"],
      ["paediatric-beds-per-thousand-children", "target2028", 2.8, "张/千名儿童"],
      ["demonstration-schools", "target2028", 100, "所"],
      ["demonstration-communities", "target2028", 100, "个"],
      ["child-friendly-parks", "target2028", 30, "个"],
      ["school-route-projects", "target2028", 40, "项"],
      ["child-friendly-hospitals", "target2028", 20, "所"],
    ];
    for (const [id, year, value, unit] of expected) {
      expect(indicator(id), id).toMatchObject({ [year]: value, unit, scope: "city" });
    }
    expect(indicator("demonstration-parks-per-county")).toMatchObject({ target2025: 1, scope: "per-county" });
    expect(indicator("under-five-mortality-rate")).toMatchObject({ target2028: 6, comparator: "<=", direction: "decrease" });
  });
});

describe("the build", () => {
  it("writes a byte-identical plan.json when run again", () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-plan-"));
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-hengyang-plan.ts", "--out", outDir], { cwd: REPO_ROOT, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      expect(fs.readFileSync(path.join(outDir, "plan.json"), "utf8")).toBe(planText);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
