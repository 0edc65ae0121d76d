/**
 * Builds Hengyang's action plan as data, data/plans/hengyang/plan.json, from the scraped plan
 * text (shared/seed/action-plan-2024-2028.txt) and the hand-curated
 * data/plans/hengyang/curation.json (English titles, units, indicators, spam decisions).
 * The text gives the goals, actions, tasks, their texts and units; the annex table is read too
 * and must agree with the body. The result is validated with planSchema before it is written.
 * Re-runnable: `node --import tsx scripts/build-hengyang-plan.ts [--out DIR]`.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type Plan, type PlanIndicator, planIndicatorSchema, planSchema, planUnitSchema } from "../src/core/plan.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED_FILE = path.resolve(REPO_ROOT, "../shared/seed/action-plan-2024-2028.txt");
const PLAN_DIR = path.join(REPO_ROOT, "data/plans/hengyang");
const DIVISIONS_FILE = path.join(REPO_ROOT, "data/regions/hengyang/divisions.csv");
/** The advertising words scraped into the plan text, escaped so they never appear in our files. */
const SPAM = "\u96f7\u901f\u4f53\u80b2,\u96f7\u901f\u76f4\u64ad";
/** The garbled character the annex puts before task 14's title. */
const GARBLE = "?";

const titled = z.object({ number: z.number().int().min(1), title: z.string().min(1), titleEn: z.string().min(1) });
const curationSchema = z.object({
  plan: z.object({
    id: z.string(),
    city: z.object({ zh: z.string(), en: z.string() }),
    title: z.object({ zh: z.string(), en: z.string() }),
    issuer: z.string(),
    period: z.object({ start: z.number(), end: z.number() }),
    milestoneYears: z.array(z.number()),
    sourceFile: z.string(),
    sourceNote: z.string(),
  }),
  cleaning: z.array(z.object({ followedBy: z.string().min(1), replacement: z.string(), reason: z.string().min(1) })),
  goals: z.array(titled),
  actions: z.array(titled),
  tasks: z.array(titled),
  units: z.array(planUnitSchema),
  indicators: z.array(planIndicatorSchema.omit({ sourceText: true }).extend({ quote: z.string().min(1) })),
});
type Curation = z.infer<typeof curationSchema>;

/** A task as the body of the plan states it, units still spelled as written. */
interface BodyTask {
  number: number;
  actionNumber: number;
  title: string;
  text: string;
  lead: string[];
  participating: string[];
}

/** What the body of the plan yields: the objectives paragraph and the goal, action, task tree. */
interface Body {
  objective: string;
  goals: Array<{ number: number; title: string }>;
  actions: Array<{ number: number; goalNumber: number; title: string }>;
  tasks: BodyTask[];
}

/** One row of the annex table; only a row that opens a goal or an action names it. */
interface AnnexRow {
  goalTitle?: string;
  actionTitle?: string;
  taskNumber: number;
  title: string;
  lead: string[];
  participating: string[];
}

const CHINESE_DIGITS = "一二三四五六七八九";

/** Reads 一 … 九十九 as a number. */
function chineseNumber(text: string): number {
  const digit = (s: string) => CHINESE_DIGITS.indexOf(s) + 1;
  const [tens = "", ones = ""] = text.includes("十") ? text.split("十") : ["", text];
  const value = (text.includes("十") ? (tens === "" ? 1 : digit(tens)) * 10 : 0) + (ones === "" ? 0 : digit(ones));
  if (value <= 0 || /[^一二三四五六七八九十]/.test(text)) fail(`not a Chinese number: ${text}`);
  return value;
}

function fail(message: string): never {
  throw new Error(`build-hengyang-plan: ${message}`);
}

/** Applies the curated spam decisions; every rule must be used and no spam may remain. */
function cleanText(raw: string, rules: Curation["cleaning"]): string {
  let text = raw;
  for (const rule of rules) {
    const pattern = SPAM + rule.followedBy;
    if (!text.includes(pattern)) fail(`cleaning rule before "${rule.followedBy}" matches nothing`);
    text = text.split(pattern).join(rule.replacement + rule.followedBy);
  }
  if (text.includes(SPAM)) fail("spam words remain that no cleaning rule decides");
  return text;
}

function parseDocument(text: string): { number: string; issuedOn: string; publishedOn: string } {
  const number = /^(\S+〔\d{4}〕\d+号)$/m.exec(text)?.[1] ?? fail("no document number line");
  const issued = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/m.exec(text) ?? fail("no date of issue line");
  const publishedOn = /^公布时间 \| (\d{4}-\d{2}-\d{2}) \|/m.exec(text)?.[1] ?? fail("no publication date");
  const pad = (s: string) => s.padStart(2, "0");
  return { number, issuedOn: `${issued[1]}-${pad(issued[2]!)}-${pad(issued[3]!)}`, publishedOn };
}

const splitUnits = (list: string) => list.replace(/。$/, "").split("、").map((name) => name.trim());
const stripGoalNumber = (title: string) => title.replace(/^\([一二三四五六七八九十]+\)\s*/, "").trim();
const ACTION_LINE = /^行动([一二三四五六七八九十]+):(.+)$/;
const TASK_LINE = /^任务(\d+):(.+)$/;
const LEAD_LINE = /^牵头单位:(.+)$/;
const PARTICIPATING_LINE = /^参与单位:(.+)$/;

/** The lines between the last occurrence of `from` before the annex and the next `to`. */
function section(lines: readonly string[], from: string, to: string): string[] {
  const annex = lines.indexOf("附件");
  const start = lines.lastIndexOf(from, annex === -1 ? undefined : annex);
  const end = lines.indexOf(to, start);
  if (start === -1 || end === -1) fail(`no section from ${from} to ${to}`);
  return lines.slice(start + 1, end);
}

/** Reads one task: its heading, its paragraph, then the lead and participating unit lines. */
function parseTask(lines: readonly string[], at: number, actionNumber: number): BodyTask {
  const heading = TASK_LINE.exec(lines[at]!) ?? fail(`not a task heading: ${lines[at]}`);
  const lead = LEAD_LINE.exec(lines[at + 2] ?? "") ?? fail(`task ${heading[1]} has no lead unit line`);
  const participating = PARTICIPATING_LINE.exec(lines[at + 3] ?? "") ?? fail(`task ${heading[1]} has no participating unit line`);
  return {
    number: Number(heading[1]),
    actionNumber,
    title: heading[2]!.trim(),
    text: lines[at + 1]!.trim(),
    lead: splitUnits(lead[1]!),
    participating: splitUnits(participating[1]!),
  };
}

/**
 * Reads the body. A goal heading is the line before an action heading; the last one lacks its
 * "(六)" in the scraped text, so goals are numbered by position, not by their label.
 */
function parseBody(lines: readonly string[]): Body {
  const objective = section(lines, "二、行动目标", "三、主要内容").join("\n").trim();
  const content = section(lines, "三、主要内容", "四、实施保障");
  const body: Body = { objective, goals: [], actions: [], tasks: [] };
  content.forEach((line, index) => {
    const action = ACTION_LINE.exec(line);
    if (action) {
      const previous = content[index - 1] ?? "";
      if (!PARTICIPATING_LINE.test(previous)) body.goals.push({ number: body.goals.length + 1, title: stripGoalNumber(previous) });
      body.actions.push({ number: chineseNumber(action[1]!), goalNumber: body.goals.length, title: action[2]!.trim() });
    }
    if (TASK_LINE.test(line)) body.tasks.push(parseTask(content, index, body.actions.length));
  });
  return body;
}

/** Reads the annex pipe table; rows that continue a goal or an action have fewer cells. */
function parseAnnex(lines: readonly string[]): AnnexRow[] {
  const start = lines.findIndex((line) => line.startsWith("---|"));
  const end = lines.findIndex((line, index) => index > start && line.startsWith("备注"));
  if (start === -1 || end === -1) fail("no annex table");
  return lines.slice(start + 1, end).map((line) => {
    const cells = line.split("|").map((cell) => cell.trim());
    while (cells.at(-1) === "") cells.pop();
    if (cells.length < 4 || cells.length > 6) fail(`annex row with ${cells.length} cells: ${line}`);
    const goalTitle = cells.length === 6 ? stripGoalNumber(cells.shift()!).replace(/\(\d+项\)$/, "") : undefined;
    const actionTitle = cells.length === 5 ? cells.shift()!.replace(/^[一二三四五六七八九十]+、/, "") : undefined;
    const [task, title, lead, participating] = cells as [string, string, string, string];
    const taskNumber = Number(/^任务(\d+)$/.exec(task)?.[1] ?? fail(`bad annex task cell ${task}`));
    const row = { taskNumber, title: title.replace(GARBLE, ""), lead: splitUnits(lead), participating: splitUnits(participating) };
    return { ...row, ...(goalTitle === undefined ? {} : { goalTitle }), ...(actionTitle === undefined ? {} : { actionTitle }) };
  });
}

/** Maps every spelling the plan uses (names and aliases) to its unit id. */
function unitResolver(units: Curation["units"]): (spelling: string) => string {
  const ids = new Map<string, string>();
  for (const unit of units) for (const spelling of [unit.name, ...unit.aliases]) ids.set(spelling, unit.id);
  return (spelling) => ids.get(spelling) ?? fail(`unit "${spelling}" is in no curated unit's name or aliases`);
}

/** Fails unless the annex, the table of contents and the curation agree with the body. */
function checkAgreement(body: Body, annex: readonly AnnexRow[], lines: readonly string[], curation: Curation): void {
  const unitId = unitResolver(curation.units);
  const same = (a: readonly string[], b: readonly string[]) => a.map(unitId).join() === b.map(unitId).join();
  if (annex.length !== body.tasks.length) fail(`annex has ${annex.length} rows, body ${body.tasks.length} tasks`);
  body.tasks.forEach((task, index) => {
    const row = annex[index]!;
    const action = body.actions[task.actionNumber - 1]!;
    const goal = body.goals[action.goalNumber - 1]!;
    if (row.taskNumber !== task.number || row.title !== task.title) fail(`annex row ${index + 1} is not task ${task.number} ${task.title}`);
    // The annex names a goal or action only on the row that opens it (and never opens action 13).
    if ((row.actionTitle ?? action.title) !== action.title || (row.goalTitle ?? goal.title) !== goal.title) {
      fail(`annex row for task ${task.number} opens a goal or action the body does not`);
    }
    if (!same(row.lead, task.lead) || !same(row.participating, task.participating)) fail(`annex units of task ${task.number} differ from the body`);
  });
  const contents = lines.slice(lines.indexOf("目 录"), lines.indexOf("四、实施保障"));
  for (const title of [...body.goals, ...body.actions].map((item) => item.title)) {
    if (!contents.some((line) => line.endsWith(title))) fail(`"${title}" is not in the table of contents`);
  }
  const curated = [[curation.goals, body.goals], [curation.actions, body.actions], [curation.tasks, body.tasks]] as const;
  for (const [items, parsed] of curated) {
    if (items.length !== parsed.length) fail(`curation has ${items.length} entries where the plan has ${parsed.length}`);
    items.forEach((item, index) => {
      const plan = parsed[index]!;
      if (item.number !== plan.number || item.title !== plan.title) fail(`curated "${item.title}" is not the plan's "${plan.title}"`);
    });
  }
}

/** Fails unless every district unit with a division code names a division of data/regions/hengyang. */
function checkDivisions(units: Curation["units"]): void {
  const rows = fs.readFileSync(DIVISIONS_FILE, "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
  const names = new Map(rows.filter((row) => row[1] === "county").map((row) => [row[0]!, row[2]!]));
  for (const unit of units) {
    if (unit.divisionCode === undefined) continue;
    const name = names.get(unit.divisionCode) ?? fail(`unit ${unit.id}: no county-level division ${unit.divisionCode}`);
    if (unit.memberOf !== undefined && name !== unit.name) fail(`unit ${unit.id} is ${unit.name} but division ${unit.divisionCode} is ${name}`);
  }
}

/** Splits a task text at "到2025年" / "至2028年": each milestone runs to the next one or the end. */
function milestonesOf(text: string, years: readonly number[]): Record<string, string> {
  const marks = [...text.matchAll(/[到至](\d{4})年/g)].filter((match) => years.includes(Number(match[1])));
  const milestones: Record<string, string> = {};
  marks.forEach((mark, index) => {
    if (milestones[mark[1]!] !== undefined) fail(`two ${mark[1]} milestones in "${text.slice(0, 20)}…"`);
    milestones[mark[1]!] = text.slice(mark.index, marks[index + 1]?.index ?? text.length).trim();
  });
  return milestones;
}

/** The one sentence (ending in 。) of a task text that contains the curated quote. */
function sentenceWith(text: string, quote: string, indicatorId: string): string {
  const found = (text.match(/[^。]+。?/g) ?? []).filter((sentence) => sentence.includes(quote));
  if (found.length !== 1) fail(`indicator ${indicatorId}: quote found in ${found.length} sentences, not 1`);
  return found[0]!;
}

function buildIndicators(curation: Curation, body: Body): PlanIndicator[] {
  return curation.indicators.map(({ quote, ...indicator }) => {
    const texts = indicator.taskNumbers.map((number) => body.tasks[number - 1]?.text ?? fail(`indicator ${indicator.id}: no task ${number}`));
    const sourceText = sentenceWith(texts.join(""), quote, indicator.id);
    return { ...indicator, sourceText };
  });
}

/** The tasks with unit ids, milestones and the ids of the indicators that name them. */
function buildTasks(body: Body, curation: Curation, indicators: readonly PlanIndicator[]): Plan["tasks"] {
  const unitId = unitResolver(curation.units);
  return body.tasks.map((task) => ({
    number: task.number,
    actionId: `action-${task.actionNumber}`,
    goalId: `goal-${body.actions[task.actionNumber - 1]!.goalNumber}`,
    title: task.title,
    titleEn: curation.tasks[task.number - 1]!.titleEn,
    text: task.text,
    leadUnitIds: task.lead.map(unitId),
    participatingUnitIds: task.participating.map(unitId),
    milestones: milestonesOf(task.text, curation.plan.milestoneYears),
    indicatorIds: indicators.filter((indicator) => indicator.taskNumbers.includes(task.number)).map((indicator) => indicator.id),
  }));
}

/** Cleans and parses the text, checks it against the annex and curation, and validates the result. */
function buildPlan(raw: string, curation: Curation): Plan {
  const text = cleanText(raw, curation.cleaning);
  const lines = text.split("\n").map((line) => line.trim());
  const body = parseBody(lines);
  checkAgreement(body, parseAnnex(lines), lines, curation);
  checkDivisions(curation.units);
  if (!text.includes(curation.plan.issuer)) fail(`issuer ${curation.plan.issuer} is not in the cleaned text`);
  const indicators = buildIndicators(curation, body);
  const { plan: meta } = curation;
  return planSchema.parse({
    id: meta.id,
    city: meta.city,
    title: meta.title,
    document: { ...parseDocument(text), issuer: meta.issuer },
    period: meta.period,
    milestoneYears: meta.milestoneYears,
    objective: body.objective,
    goals: body.goals.map((goal) => ({
      id: `goal-${goal.number}`, number: goal.number, title: goal.title, titleEn: curation.goals[goal.number - 1]!.titleEn, text: "",
    })),
    actions: body.actions.map((action) => ({
      id: `action-${action.number}`, number: action.number, goalId: `goal-${action.goalNumber}`,
      title: action.title, titleEn: curation.actions[action.number - 1]!.titleEn,
    })),
    tasks: buildTasks(body, curation, indicators),
    units: curation.units,
    indicators,
    source: { file: meta.sourceFile, sha256: crypto.createHash("sha256").update(raw).digest("hex"), note: meta.sourceNote },
  });
}

function outputDirectory(args: readonly string[]): string {
  const at = args.indexOf("--out");
  if (at === -1) return PLAN_DIR;
  return path.resolve(args[at + 1] ?? fail("--out needs a directory"));
}

function main(): void {
  const curation = curationSchema.parse(JSON.parse(fs.readFileSync(path.join(PLAN_DIR, "curation.json"), "utf8")));
  const plan = buildPlan(fs.readFileSync(SEED_FILE, "utf8"), curation);
  const outDir = outputDirectory(process.argv.slice(2));
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "plan.json"), JSON.stringify(plan, null, 2) + "\n");
  console.log(
    `wrote ${path.relative(REPO_ROOT, path.join(outDir, "plan.json"))}: ${plan.goals.length} goals, ${plan.actions.length} actions, ` +
      `${plan.tasks.length} tasks, ${plan.units.length} units, ${plan.indicators.length} indicators`,
  );
}

main();
