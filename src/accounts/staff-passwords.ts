/**
 * Password rules for staff accounts, applied wherever a staff password is set (the CLI's
 * `user add`, an administrator creating an account, any later change): every family
 * member's rule, at least 10 characters and an estimated 10^8 guesses; for administrators
 * at least 14 characters and 10^10 guesses (zxcvbn's scores 3 and 4). A rule broken is a
 * value naming it, with the message in Chinese and English.
 */
import {
  ADMIN_MIN_PASSWORD_GUESSES, ADMIN_MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_GUESSES, MIN_PASSWORD_LENGTH, type StaffRole,
} from "../core/staff-roles.ts";
import { type Bilingual, CHINESE_COMMON, passwordProblem } from "./member-passwords.ts";
import { estimateGuesses } from "./password-strength.ts";

export type StaffPasswordProblem = "too_short" | "too_long" | "common" | "same_as_name" | "too_guessable";

/** The message for a problem, for this role (administrators' limits differ). */
export function staffPasswordMessage(problem: StaffPasswordProblem, role: StaffRole): Bilingual {
  const min = role === "admin" ? ADMIN_MIN_PASSWORD_LENGTH : MIN_PASSWORD_LENGTH;
  const forWhom = role === "admin" ? { zh: "管理员", en: "an administrator's" } : { zh: "工作人员", en: "a staff" };
  switch (problem) {
    case "too_short":
      return { zh: `${forWhom.zh}密码至少要 ${min} 位`, en: `${forWhom.en} password needs at least ${min} characters` };
    case "too_long":
      return { zh: `密码最多 ${MAX_PASSWORD_LENGTH} 位`, en: `use at most ${MAX_PASSWORD_LENGTH} characters` };
    case "common":
      return { zh: "这个密码太常见，很容易被猜到，请换一个", en: "this password is on a list of common passwords; choose another" };
    case "same_as_name":
      return { zh: "密码里不能包含用户名或姓名", en: "the password must not contain the username or display name" };
    case "too_guessable":
      return {
        zh: `${forWhom.zh}密码太容易猜到：请用几个不相关的词组成一句话，或加长并混用字母、数字和符号`,
        en: `too easy to guess for ${forWhom.en} password: use several unrelated words, or a longer mix of letters, digits and symbols`,
      };
  }
}

export function staffPasswordProblem(password: string, account: { username: string; displayName: string; role: StaffRole }): StaffPasswordProblem | null {
  const admin = account.role === "admin";
  if ([...password].length < (admin ? ADMIN_MIN_PASSWORD_LENGTH : MIN_PASSWORD_LENGTH)) return "too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too_long";
  const memberRule = passwordProblem(password, [account.username, account.displayName]);
  if (memberRule) return memberRule;
  if (estimateGuesses(password, CHINESE_COMMON) < (admin ? ADMIN_MIN_PASSWORD_GUESSES : MIN_PASSWORD_GUESSES)) return "too_guessable";
  return null;
}
