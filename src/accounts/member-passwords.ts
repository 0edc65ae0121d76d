/**
 * Password rules for family accounts: long enough, not on a list of common passwords (the
 * 49k-entry list zxcvbn ships, plus patterns common in China that list lacks), and not
 * the sign-in name or nickname. A rule broken is a value naming the rule, for a kind message.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { MEMBER_MAX_PASSWORD, MEMBER_MIN_PASSWORD } from "../core/community.ts";

/** Chinese-internet favourites: "I love you" numbers, pinyin, and keyboard walks. */
export const CHINESE_COMMON: readonly string[] = [
  "woaini1314", "woaini520", "woaini123", "5201314520", "1314520520", "aini1314", "woaini", "wangyang",
  "zhang123", "wang1234", "li123456", "qq123456789", "qwe123456", "asd123456", "zxc123456", "a1234567",
  "aa12345678", "abc12345", "iloveyou1314", "88888888", "66666666", "168168168", "147258369", "woshishui",
  "password1", "buzhidao", "mima1234", "mima123456", "xiaoming", "tongxing", "hengyang",
];

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set([...dictionary["passwords-common"], ...CHINESE_COMMON].map((p) => p.toLowerCase()));
  return common;
}

export type PasswordProblem = "too_short" | "too_long" | "common" | "same_as_name";

/** A message in both languages: the server sends English, the browser shows the reader's. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, Bilingual> = {
  too_short: { zh: `密码至少要 ${MEMBER_MIN_PASSWORD} 位`, en: `use at least ${MEMBER_MIN_PASSWORD} characters` },
  too_long: { zh: `密码最多 ${MEMBER_MAX_PASSWORD} 位`, en: `use at most ${MEMBER_MAX_PASSWORD} characters` },
  common: { zh: "这个密码太常见，很容易被猜到，请换一个", en: "this password is on a list of common passwords; choose another" },
  same_as_name: { zh: "密码里不能包含登录名或昵称", en: "the password must not contain the sign-in name or nickname" },
};

export function passwordProblem(password: string, names: readonly string[]): PasswordProblem | null {
  if ([...password].length < MEMBER_MIN_PASSWORD) return "too_short";
  if (password.length > MEMBER_MAX_PASSWORD) return "too_long";
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return "common";
  // A repeated character or a plain run of digits is as weak as any listed password.
  if (/^(.)\1*$/u.test(lower) || /^\d+$/.test(lower) && "01234567890123456789".includes(lower)) return "common";
  if (names.some((name) => name.length >= 3 && lower.includes(name.toLowerCase()))) return "same_as_name";
  return null;
}
