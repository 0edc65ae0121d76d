/**
 * Creating family accounts. An adult (or a minor of 14 or more) signs up with a phone
 * number or e-mail and confirms it with the code sent there; the answer to a sign-up never
 * says whether the address already has an account. A child under 14 exists only when a
 * guardian creates the account and records consent; the child's sign-in name is the name
 * the guardian picks plus the family's code (`xiaoxing@k7q2`), unique within the family, so
 * creating one tells nothing about other families' children. Birth year is the only age
 * fact kept, and only for minors: it decides pre-moderation and when the guardian's role
 * ends. Problems are values naming the field.
 */
import { type ChildInput, type ConfirmInput, type SignupInput } from "../core/api/families.ts";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import {
  ADULT_FROM, GUARDIAN_REQUIRED_UNDER, type MemberKind, youngestAge,
} from "../core/community.ts";
import { type Database, isUniqueViolation } from "../platform/database/database.ts";
import { type Localized, say } from "../platform/errors.ts";
import { CONSENT_SCOPE, type ConsentRecord, recordConsent } from "./consent-records.ts";
import { PASSWORD_MESSAGES, passwordProblem } from "./member-passwords.ts";
import type { Member, MemberStore } from "./member-store.ts";
import { hashPassword } from "./password.ts";
import { ALREADY_MESSAGE, MESSAGES_PER_HOUR, type SignupCodes, codeMessage } from "./signup-codes.ts";

const MOBILE = /^(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})$/;
const EMAIL = /^[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,180}\.[a-z]{2,24}$/;

/** A phone number as its 11 digits, an e-mail lower-cased; null for anything else. */
export function normalizeLogin(raw: string): string | null {
  const text = raw.trim();
  const mobile = MOBILE.exec(text);
  if (mobile) return mobile.slice(1).join("");
  const email = text.toLowerCase();
  return EMAIL.test(email) ? email : null;
}

/**
 * Screens a nickname, which is shown publicly: the safety guard's problem with it as a
 * message (both languages; English alone gets a Chinese "choose another"), or null. Given
 * by the composition root (the guard lives in the safety domain).
 */
export type NicknameScreen = (nickname: string, kind: MemberKind) => Localized | string | null;

/** A nickname refusal, always in both languages. */
function nicknameRefusal(problem: Localized | string): { ok: false; field: string; message: Localized } {
  return { ok: false, field: "nickname", message: typeof problem === "string" ? say("这个昵称不能用，请换一个", problem) : problem };
}

/** Children a guardian may have at once: more is not a family but a sock-puppet farm. */
export const MAX_CHILDREN = 10;

export type SignupResult =
  | { ok: true }
  | { ok: false; field: string; message: Localized; code?: "guardian_required" };

/** What every accepted sign-up hears, whether the address is new or already has an account. */
export const SIGNUP_ANSWER = {
  status: "check_messages",
  message: { zh: "请查收短信或邮件，输入收到的验证码。已经注册过的手机号或邮箱会收到提醒，请直接登录。", en: "Check your messages and enter the code we sent. If this phone or e-mail already has an account, its owner gets a reminder to sign in instead." },
} as const;

/** Today's date in the city, for age arithmetic. */
const today = () => new Date().toISOString().slice(0, 10);

const passwordRefusal = (problem: keyof typeof PASSWORD_MESSAGES) => ({ ok: false as const, field: "password", message: PASSWORD_MESSAGES[problem] });

/**
 * Checks a sign-up and sends its code, or tells an existing account's owner someone tried.
 * Both paths hash the password and queue one message, so neither the answer nor its
 * time says which it was; past the hourly cap of messages for the address, nothing is sent.
 */
export async function signUp(members: MemberStore, codes: SignupCodes, input: SignupInput, screen: NicknameScreen, now = new Date()): Promise<SignupResult> {
  const login = normalizeLogin(input.login);
  if (!login) return { ok: false, field: "login", message: say("请输入中国大陆手机号或邮箱地址", "enter a mainland mobile number or an e-mail address") };
  const age = youngestAge(input.birthYear, today());
  if (age < 0) return { ok: false, field: "birthYear", message: say("这个年份还没到", "that year is in the future") };
  if (age < GUARDIAN_REQUIRED_UNDER) {
    return { ok: false, field: "birthYear", code: "guardian_required", message: say(`未满 ${GUARDIAN_REQUIRED_UNDER} 岁的孩子请由父母或监护人创建账号`, `children under ${GUARDIAN_REQUIRED_UNDER} get an account from a parent or guardian`) };
  }
  const problem = passwordProblem(input.password, [login, input.nickname]);
  if (problem) return passwordRefusal(problem);
  const minor = age < ADULT_FROM;
  const nicknameProblem = screen(input.nickname, minor ? "child" : "adult");
  if (nicknameProblem) return nicknameRefusal(nicknameProblem);
  const passwordHash = await hashPassword(input.password);
  if ((await codes.recentMessages(login, now)) >= MESSAGES_PER_HOUR) return { ok: true };
  if (await members.loginTaken(login)) {
    await codes.send(login, ALREADY_MESSAGE, now);
    return { ok: true };
  }
  const code = await codes.hold({ login, kind: minor ? "child" : "adult", nickname: input.nickname, birthYear: minor ? input.birthYear : null, passwordHash }, now);
  await codes.send(login, codeMessage(code), now);
  return { ok: true };
}


/** The account a right code creates, or null (wrong, expired or used-up code; nothing waiting; an address taken meanwhile). */
export async function confirmSignUp(members: MemberStore, codes: SignupCodes, input: ConfirmInput, now = new Date()): Promise<Member | null> {
  const login = normalizeLogin(input.login);
  const signup = login ? await codes.take(login, input.code, now) : null;
  if (!signup) return null;
  try {
    return await members.create({ kind: signup.kind, login: signup.login, nickname: signup.nickname, guardianId: null, birthYear: signup.birthYear }, signup.passwordHash);
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export type ChildResult =
  | { ok: true; child: Member; consent: ConsentRecord }
  | { ok: false; refused: ConsentRecord }
  | { ok: false; field: string; message: Localized; code?: "conflict" | "forbidden" };

/** A guardian creates a child's account, or refuses; either way the decision is recorded. */
export async function createChild(db: Database, members: MemberStore, guardian: Member, input: ChildInput, screen: NicknameScreen): Promise<ChildResult> {
  if (guardian.kind !== "adult") return { ok: false, field: "guardian", code: "forbidden", message: say("只有成人账号才能创建孩子的账号", "only an adult account can create a child account") };
  if ((await members.childrenOf(guardian.id)).length >= MAX_CHILDREN) return { ok: false, field: "guardian", code: "forbidden", message: say(`每位监护人最多创建 ${MAX_CHILDREN} 个孩子账号`, `a guardian may have at most ${MAX_CHILDREN} child accounts`) };
  if (input.consent.policyVersion !== CHILD_PRIVACY_VERSION) {
    return { ok: false, field: "consent.policyVersion", message: say(`隐私规则已更新，请阅读第 ${CHILD_PRIVACY_VERSION} 版后重新决定`, `the privacy rules changed; read version ${CHILD_PRIVACY_VERSION} and decide again`) };
  }
  if (input.consent.decision === "refused") {
    const refused = await recordConsent(db, { guardianId: guardian.id, childId: null, decision: "refused", policyVersion: CHILD_PRIVACY_VERSION, scope: CONSENT_SCOPE });
    return { ok: false, refused };
  }
  const age = youngestAge(input.birthYear, today());
  if (age < 0 || age >= ADULT_FROM) return { ok: false, field: "birthYear", message: say("孩子账号只给未满 18 岁的孩子", "a child account is for someone under 18") };
  const problem = passwordProblem(input.password, [input.login, input.nickname]);
  if (problem) return passwordRefusal(problem);
  const nicknameProblem = screen(input.nickname, "child");
  if (nicknameProblem) return nicknameRefusal(nicknameProblem);
  // Unique within the family only: a clash names one of this guardian's own children.
  const login = `${input.login}@${await members.familyCode(guardian.id)}`;
  const taken = { ok: false as const, field: "login", code: "conflict" as const, message: say("你的另一个孩子已经在用这个登录名，请换一个", "one of your children already has this sign-in name; choose another") };
  if (await members.loginTaken(login)) return taken;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const child = await members.create({ kind: "child", login, nickname: input.nickname, guardianId: guardian.id, birthYear: input.birthYear }, passwordHash, tx);
      const consent = await recordConsent(tx, { guardianId: guardian.id, childId: child.id, decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION, scope: CONSENT_SCOPE });
      return { ok: true as const, child, consent };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}
