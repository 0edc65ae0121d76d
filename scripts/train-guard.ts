/**
 * Trains the guard's harm classifier (src/safety/classifier.ts) and writes
 * data/safety/guard-model.json. Deterministic: a fixed seed for the shuffles and the
 * training order, so the same data gives the same committed weights
 * (scripts/train-guard.test.ts retrains and compares).
 *
 * Data, all labelled harmful (1) or harmless (0):
 *  - data/safety/labelled-texts.json: texts that must pass (0) and harmful texts (1); texts
 *    held only for personal information are left out (the rules catch those);
 *  - data/safety/augmented-texts.json: harm in everyday words (bullying a named child,
 *    threats, 人肉, grooming, scams, self-harm, drugs/alcohol/smoking, unsafe meetings) and
 *    ordinary reviews and false friends, written for this model;
 *  - each of those again inside a harmless review sentence, so harm in a longer text counts;
 *  - harmless text at lower weights: the action plan's sentences, ordinary reviews made
 *    from parts and plain statements of fact (hours, prices, bus numbers, ages: guard-reviews.ts);
 *  - the COLD corpus (Apache-2.0, ../shared/data/safety/cold/train.csv: adult offensive
 *    language on race, region and gender) at SETTINGS.coldWeight, which is 0: every weight
 *    tried lowered recall at equal precision in cross-validation (data/safety/ATTRIBUTION.md).
 * The held-out sets are never read here.
 *
 * Run: node --import tsx scripts/train-guard.ts            write data/safety/guard-model.json
 *      node --import tsx scripts/train-guard.ts --cv       5-fold cross-validation, model alone
 *                                                          and with the rules, per threshold
 * With --cv, GUARD_SETTINGS='{"l2":0.001}' overrides settings for an experiment and
 * GUARD_CV_SHOW=0.75 prints the texts misjudged at that threshold (own data only).
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { DEFAULT_MODEL_FILE, HarmClassifier, type ModelFile, featuresOf } from "../src/safety/classifier.ts";
import { readText } from "../src/safety/normalise.ts";
import { Guard, WordFilter, readLexicon } from "../src/safety/index.ts";
import { englishReviews, factSentences, ordinaryReviews } from "./guard-reviews.ts";

export interface Example {
  text: string;
  y: 0 | 1;
  weight: number;
}

interface Labelled {
  text: string;
  expect: "pass" | "hold" | "block";
  kinds: string[];
}

const PERSONAL = new Set(["phone", "id_number", "address", "school_class", "qq", "wechat", "email", "real_name_with_school", "social_account"]);
const root = (path: string) => new URL(`../${path}`, import.meta.url).pathname;
export const DEFAULT_COLD = root("../shared/data/safety/cold/train.csv");

export const SETTINGS = { bits: 18, epochs: 10, rate: 0.1, l2: 0.003, coldWeight: 0, coldHarmful: true, planWeight: 0.5, reviews: 1500, facts: 400, reviewWeight: 0.3, negativeWeight: 1, seed: 20261202, threshold: 0.7, scale: 4096 };

/** A small seeded generator (mulberry32): the same order on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const readJson = (path: string) => JSON.parse(fs.readFileSync(root(path), "utf8")) as Labelled[];

/** The project's own examples: labelled set and augmented set, personal-only texts left out. */
export function domainExamples(): Example[] {
  const items = [...readJson("data/safety/labelled-texts.json"), ...readJson("data/safety/augmented-texts.json")];
  return items
    .filter((i) => i.expect === "pass" || i.kinds.some((k) => !PERSONAL.has(k)))
    .map((i) => ({ text: i.text, y: i.expect === "pass" ? 0 : 1, weight: 1 }));
}

/** Each example again inside a harmless sentence taken from the harmless examples. */
export function inContext(examples: readonly Example[], seed: number): Example[] {
  const random = seeded(seed);
  const harmless = examples.filter((e) => e.y === 0 && e.text.length >= 8);
  return examples.map((e) => {
    const other = harmless[Math.floor(random() * harmless.length)]!.text;
    return { ...e, text: random() < 0.5 ? `${other}。${e.text}` : `${e.text}，${other}`, weight: 0.5 };
  });
}

/** COLD's texts; with `harmful` false only its inoffensive ones (sensitive topics, said civilly). */
export function coldExamples(file: string, weight: number, harmful = true): Example[] {
  if (!fs.existsSync(file) || weight === 0) return [];
  const rows = parse(fs.readFileSync(file, "utf8"), { bom: true, columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<Record<string, string>>;
  return rows.filter((r) => r.TEXT && (harmful || r.label !== "1")).map((r) => ({ text: r.TEXT!, y: r.label === "1" ? 1 : 0, weight }));
}

/** Sentences of the city's action plan (data/plans/hengyang/plan.json): formal, harmless text about children. */
export function planExamples(weight: number): Example[] {
  if (weight === 0) return [];
  const sentences = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      for (const part of value.split(/[。；;]/)) if (part.length >= 8 && /\p{Script=Han}{4}/u.test(part)) sentences.add(part);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(JSON.parse(fs.readFileSync(root("data/plans/hengyang/plan.json"), "utf8")));
  return [...sentences].map((text) => ({ text, y: 0, weight }));
}

/** Logistic regression by AdaGrad over the hashed features; returns float weights and bias. */
export function fit(examples: readonly Example[], settings = SETTINGS): { weights: Float64Array; bias: number } {
  const size = 1 << settings.bits;
  const weights = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-6);
  let bias = 0;
  let biasSquares = 1e-6;
  const vectors = examples.map((e) => featuresOf(readText(e.text), settings.bits).map((f) => f.bucket));
  const classWeight = [settings.negativeWeight, 1];
  const order = examples.map((_, i) => i);
  const random = seeded(settings.seed);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (const i of shuffle(order, random)) {
      const example = examples[i]!;
      const buckets = vectors[i]!;
      let sum = bias;
      for (const b of buckets) sum += weights[b]!;
      const p = 1 / (1 + Math.exp(-sum));
      const g = (p - example.y) * example.weight * classWeight[example.y]!;
      for (const b of buckets) {
        const grad = g + settings.l2 * weights[b]!;
        squares[b]! += grad * grad;
        weights[b]! -= (settings.rate * grad) / Math.sqrt(squares[b]!);
      }
      biasSquares += g * g;
      bias -= (settings.rate * g) / Math.sqrt(biasSquares);
    }
  }
  return { weights, bias };
}

/** The model file for fitted weights: 16-bit integers, base64. */
export function toModelFile(fitted: { weights: Float64Array; bias: number }, trainedOn: Record<string, number>, settings = SETTINGS): ModelFile {
  const ints = new Int16Array(fitted.weights.length);
  for (let i = 0; i < ints.length; i++) ints[i] = Math.max(-32767, Math.min(32767, Math.round(fitted.weights[i]! * settings.scale)));
  return {
    version: 1,
    bits: settings.bits,
    threshold: settings.threshold,
    scale: settings.scale,
    bias: Math.round(fitted.bias * 1e6) / 1e6,
    weights: Buffer.from(ints.buffer).toString("base64"),
    trainedOn,
    note: "Made by scripts/train-guard.ts from labelled-texts.json, augmented-texts.json and the COLD corpus (Apache-2.0; see data/safety/ATTRIBUTION.md).",
  };
}

/** Ordinary reviews made from parts (guard-reviews.ts). */
export function reviewExamples(settings = SETTINGS): Example[] {
  const random = seeded(settings.seed + 2);
  const reviews = [...ordinaryReviews(settings.reviews, random), ...englishReviews(Math.round(settings.reviews / 10), random)];
  return [...reviews, ...factSentences(settings.facts, seeded(settings.seed + 3))].map((text) => ({ text, y: 0, weight: settings.reviewWeight }));
}

/** Everything the committed model is trained on, in a fixed order. */
export function trainingSet(coldFile = DEFAULT_COLD): { examples: Example[]; counts: Record<string, number> } {
  const domain = domainExamples();
  const context = inContext(domain, SETTINGS.seed + 1);
  const cold = coldExamples(coldFile, SETTINGS.coldWeight, SETTINGS.coldHarmful);
  const plan = planExamples(SETTINGS.planWeight);
  const reviews = reviewExamples();
  return { examples: [...domain, ...context, ...plan, ...reviews, ...cold], counts: { domain: domain.length, inContext: context.length, plan: plan.length, reviews: reviews.length, cold: cold.length } };
}

export function train(coldFile = DEFAULT_COLD): ModelFile {
  const { examples, counts } = trainingSet(coldFile);
  return toModelFile(fit(examples), counts);
}

/** k-fold cross-validation on the project's own examples (COLD always in training). */
function crossValidate(coldFile: string, settings = SETTINGS, folds = 5): void {
  const domain = shuffle(domainExamples(), seeded(7));
  const cold = [...planExamples(settings.planWeight), ...reviewExamples(settings), ...coldExamples(coldFile, settings.coldWeight, settings.coldHarmful).filter((_, i) => i % 2 === 0)];
  const scored: Array<{ y: number; score: number; text: string; rules: boolean }> = [];
  const rules = new Guard(new WordFilter(readLexicon(root("data/safety/lexicon.json"))), null);
  for (let k = 0; k < folds; k++) {
    const test = domain.filter((_, i) => i % folds === k);
    const trainPart = domain.filter((_, i) => i % folds !== k);
    const model = HarmClassifier.fromFile(toModelFile(fit([...trainPart, ...inContext(trainPart, 1), ...cold], settings), {}, settings));
    for (const e of test) scored.push({ y: e.y, score: model.score(e.text).score, text: e.text, rules: rules.check(e.text, "child").verdict !== "pass" });
  }
  if (process.env.GUARD_CV_SHOW) for (const s of scored) if ((s.rules || s.score >= Number(process.env.GUARD_CV_SHOW)) !== (s.y === 1)) console.log(s.y ? "miss" : "false", s.score.toFixed(2), s.text);
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    const flagged = scored.filter((s) => s.score >= t);
    const tp = flagged.filter((s) => s.y === 1).length;
    const both = scored.filter((s) => s.rules || s.score >= t);
    const bothTp = both.filter((s) => s.y === 1).length;
    const positives = scored.filter((s) => s.y === 1).length;
    console.log(`threshold ${t}: model alone recall ${(tp / positives).toFixed(3)} precision ${(tp / Math.max(1, flagged.length)).toFixed(3)}; with the rules recall ${(bothTp / positives).toFixed(3)} precision ${(bothTp / Math.max(1, both.length)).toFixed(3)} (${scored.length} texts)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf("--cold");
  const coldFile = at > 0 ? process.argv[at + 1]! : DEFAULT_COLD;
  if (process.argv.includes("--cv")) crossValidate(coldFile, { ...SETTINGS, ...(JSON.parse(process.env.GUARD_SETTINGS ?? "{}") as Partial<typeof SETTINGS>) });
  else {
    const model = train(coldFile);
    fs.writeFileSync(DEFAULT_MODEL_FILE, `${JSON.stringify(model, null, 1)}\n`);
    console.log(`wrote ${DEFAULT_MODEL_FILE}: ${JSON.stringify(model.trainedOn)}`);
  }
}
