/**
 * A zod issue in Chinese a family can read, naming the field by what the form calls it
 * (`FIELD_LABELS`): a message the schema gave with `both` or `bothParams` in its Chinese,
 * zod's own checks (missing, too short, too long, wrong kind, wrong format, not one of the
 * choices) in plain words. The English stays zod's or the schema's own.
 */
import type { z } from "zod";
import { FIELD_LABELS, chineseOf } from "../../core/api/messages.ts";
import { type Localized, say } from "../errors.ts";

const KINDS: Readonly<Record<string, string>> = {
  string: "文字", number: "数字", int: "整数", boolean: "是或否", array: "列表", object: "对象", date: "日期", null: "空值",
};

const FORMATS: Readonly<Record<string, string>> = {
  email: "邮箱地址", uuid: "编号", guid: "编号", url: "网址", date: "日期（年-月-日）", datetime: "日期时间", time: "时间",
};

/** What the field is called, in both languages, or null when it has no name a person knows. */
export function fieldLabel(path: readonly PropertyKey[]): Localized | null {
  const last = [...path].reverse().find((part) => typeof part === "string");
  return typeof last === "string" ? FIELD_LABELS[last] ?? null : null;
}

/** The Chinese of one zod issue, without the field's name. */
function chineseText(issue: z.core.$ZodIssue, input: unknown): string {
  const given = chineseOf(issue.message) ?? (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof given === "string") return given;
  switch (issue.code) {
    case "invalid_type":
      return input === undefined ? "必须填写" : `应为${KINDS[issue.expected] ?? "其他类型"}`;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 ? "不能为空" : `至少要 ${n} 个字符`;
      if (issue.origin === "array" || issue.origin === "set") return `至少要 ${n} 项`;
      return `不能小于 ${n}`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `最多 ${n} 个字符`;
      if (issue.origin === "array" || issue.origin === "set") return `最多 ${n} 项`;
      return `不能大于 ${n}`;
    }
    case "invalid_format":
      return `格式不对${FORMATS[issue.format] ? `，应为${FORMATS[issue.format]}` : ""}`;
    case "invalid_value":
      return issue.values.length === 1 ? `只能是 ${String(issue.values[0])}` : `只能是这些之一：${issue.values.map(String).join("、")}`;
    case "not_multiple_of":
      return `应为 ${String(issue.divisor)} 的倍数`;
    case "unrecognized_keys":
      return `不认识的参数“${(issue.keys[0] ?? "").slice(0, 40)}”`;
    default:
      return "填写的内容不对";
  }
}

/** One zod issue in both languages; the Chinese names the field where it has a name. */
export function issueText(issue: z.core.$ZodIssue): Localized {
  const input = (issue as { input?: unknown }).input;
  const label = issue.code === "unrecognized_keys" ? null : fieldLabel(issue.path);
  const zh = chineseText(issue, input);
  return say(label ? `${label.zh}：${zh}` : zh, issue.message);
}
