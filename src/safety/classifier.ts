/**
 * The learned half of the guard: a logistic regression over hashed features of the
 * canonical reading (normalise.ts), so spacing, symbols, full-width and traditional forms
 * and the key words' look-alikes score as the plain text would:
 *  - character 1-, 2- and 3-grams (with the text's edges), which carry words without a
 *    dictionary ("人肉", "别告诉", "一个人来");
 *  - a few word features: second person next to a harmful verb, a named child (a common
 *    surname with one or two characters), secrecy, money, a meeting, digits, and two that
 *    speak for innocence: advice and warnings ("千万别", "如果有人"), and hyperbole ("笑死我了",
 *    "杀了这道题").
 * Features are hashed (FNV-1a) into `1 << bits` buckets; the weights are trained by
 * scripts/train-guard.ts (fixed seed, reproducible) and committed in
 * data/safety/guard-model.json as 16-bit integers. A score is P(harmful) in [0, 1]; the
 * guard holds text at or above the model's `threshold` and names the features that counted.
 */
import fs from "node:fs";
import { z } from "zod";
import { type Reading, originalSpan, readText } from "./normalise.ts";

export const modelFileSchema = z.object({
  version: z.literal(1),
  bits: z.number().int().min(8).max(22),
  threshold: z.number().min(0).max(1),
  scale: z.number().positive(),
  bias: z.number(),
  /** Base64 of little-endian Int16 weights, one per bucket, times `scale`. */
  weights: z.string(),
  trainedOn: z.record(z.string(), z.number()).optional(),
  note: z.string().optional(),
});
export type ModelFile = z.infer<typeof modelFileSchema>;

/** One feature: its hash bucket and the canonical symbols it covers (word features cover none). */
export interface Feature {
  bucket: number;
  start: number;
  end: number;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金廖贾夏韦方邹熊孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万武钱戴严莫孔汤";
const WORD_FEATURES: ReadonlyArray<readonly [string, RegExp]> = [
  ["you-verb", /你(?:等着|小心|敢|再|给我|去死|滚|别想|完了|跑不掉)/u],
  ["named-child", new RegExp(`[${SURNAMES}][\\p{Script=Han}]{1,2}(?:就是|是个|又|天天|身上|长得|说话|家)`, "u")],
  ["secret", /(?:别|不要|不能|不准|千万别)(?:告诉|跟|让)(?:你)?(?:爸|妈|家长|老师|大人|家里|别人)/u],
  ["money", /(?:转账|付款|红包|验证码|银行卡|支付|充值|定金|手续费|返利|押金)/u],
  ["meet", /(?:见面|出来|来找我|来我家|接你|等你|一个人来|偷偷)/u],
  // Five digits written together; "8:30-17:30" is two times, not a number (see hasLongNumber).
  ["digits", /\d{5,}/u],
  ["child-body", /(?:照片|自拍|视频|裙子|衣服|睡衣|泳装|洗澡)/u],
  ["death", /(?:死|跳下|割|遗书|结束|消失)/u],
  // Advice and hyperbole read like harm word by word; these let the model learn that they are not.
  ["advice", /(?:不要|千万别|千万不要|不能|别|提醒|如果有人|遇到|远离|小心|注意|骗子|骗局|安全课|防)/u],
  ["hyperbole", /(?:(?:笑|累|饿|困|热|冷|急|渴|吓|美|乐)死(?:我)?了|(?:杀|干)(?:掉|了)这(?:道|个|些)(?:题|作业|关)|要命|killing me|dead tired|starving)/u],
];

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const step = (hash: number, code: number) => Math.imul(hash ^ code, FNV_PRIME);
/** FNV-1a state after "1:", "2:", "3:": each n-gram's hash continues from its prefix. */
const PREFIX = [0, 1, 2, 3].map((n) => (n === 0 ? 0 : step(step(FNV_OFFSET, 48 + n), 58)));

/**
 * Calls `visit` with the bucket of every character n-gram (n = 1..3, the text framed by edge
 * marks, lone edge marks skipped) and the reading's symbol range it covers, hashing as
 * fnv1a(`${n}:${gram}`) without building a string per n-gram.
 */
function eachGram(text: string, mask: number, visit: (bucket: number, start: number, end: number) => void): void {
  const length = text.length + 2;
  const code = (i: number) => (i === 0 ? 2 : i === length - 1 ? 3 : text.charCodeAt(i - 1));
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= length; i++) {
      if (n === 1 && (i === 0 || i === length - 1)) continue;
      let hash = PREFIX[n]!;
      for (let k = 0; k < n; k++) hash = step(hash, code(i + k));
      visit((hash >>> 0) & mask, Math.max(0, i - 1), Math.min(text.length, i - 1 + n));
    }
  }
}

/** A run of five digits with no space or symbol between them in the original. */
function longNumber(reading: Reading): RegExpExecArray | null {
  for (const m of reading.text.matchAll(/\d{5,}/gu)) {
    let run = 1;
    for (let i = m.index + 1; i < m.index + m[0].length; i++) {
      run = reading.gap[i] ? 1 : run + 1;
      if (run >= 5) return m as RegExpExecArray;
    }
  }
  return null;
}

function wordFeatures(reading: Reading, mask: number, visit: (bucket: number, start: number, end: number) => void): void {
  for (const [name, pattern] of WORD_FEATURES) {
    const m = name === "digits" ? longNumber(reading) : pattern.exec(reading.text);
    if (m) visit(fnv1a(`w:${name}`) & mask, m.index, m.index + m[0].length);
  }
  visit(fnv1a(`len:${Math.min(6, Math.floor(Math.log2(reading.text.length + 1)))}`) & mask, 0, 0);
}

/** The hashed features of a reading, in a fixed order (training reads these; scoring walks the same ones). */
export function featuresOf(reading: Reading, bits: number): Feature[] {
  const mask = (1 << bits) - 1;
  const out: Feature[] = [];
  const push = (bucket: number, start: number, end: number) => {
    out.push({ bucket, start, end });
  };
  eachGram(reading.text, mask, push);
  wordFeatures(reading, mask, push);
  return out;
}

export interface Score {
  /** P(harmful), 0..1. */
  score: number;
  /** The stretch of the original text whose features pushed the score up most. */
  evidence: Array<{ start: number; end: number; weight: number }>;
}

export class HarmClassifier {
  private constructor(
    readonly bits: number,
    readonly threshold: number,
    private readonly bias: number,
    private readonly weights: Float32Array,
  ) {}

  static fromFile(model: ModelFile): HarmClassifier {
    const bytes = Buffer.from(model.weights, "base64");
    const ints = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
    if (ints.length !== 1 << model.bits) throw new Error(`guard model: ${ints.length} weights for ${1 << model.bits} buckets`);
    const weights = new Float32Array(ints.length);
    for (let i = 0; i < ints.length; i++) weights[i] = ints[i]! / model.scale;
    return new HarmClassifier(model.bits, model.threshold, model.bias, weights);
  }

  static read(file: string): HarmClassifier {
    return HarmClassifier.fromFile(modelFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8"))));
  }

  /** The score of a text; `reading` when the caller has read it already. */
  score(text: string, reading: Reading = readText(text)): Score {
    const mask = (1 << this.bits) - 1;
    let sum = this.bias;
    // The three n-grams or word features that raised the score most, kept without sorting.
    const top: Array<{ weight: number; start: number; end: number }> = [];
    const visit = (bucket: number, start: number, end: number) => {
      const weight = this.weights[bucket]!;
      sum += weight;
      if (end <= start || weight <= 0.3) return;
      if (top.length === 3 && weight <= top[2]!.weight) return;
      top.push({ weight, start, end });
      top.sort((a, b) => b.weight - a.weight || a.start - b.start);
      if (top.length > 3) top.pop();
    };
    eachGram(reading.text, mask, visit);
    wordFeatures(reading, mask, visit);
    const score = 1 / (1 + Math.exp(-sum));
    const evidence = top.map((f) => ({ ...originalSpan(reading, f.start, f.end), weight: Math.round(f.weight * 100) / 100 }));
    return { score, evidence };
  }
}

/** The committed model (data/safety/guard-model.json). */
export const DEFAULT_MODEL_FILE = new URL("../../data/safety/guard-model.json", import.meta.url).pathname;
