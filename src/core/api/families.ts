/**
 * The contract of family accounts: sign-up, its confirmation, member sign-in and a child's
 * account (POST /api/members/register, /register/confirm, /login, /api/family/children). The
 * handlers parse with these, the OpenAPI document is generated from them and the web client
 * sends the types inferred from them.
 */
import { z } from "zod";
import { CHILD_LOGIN_PATTERN, MEMBER_MAX_PASSWORD, NICKNAME_MAX } from "../community.ts";
import { both } from "./messages.ts";

/** No control characters: a NUL would reach PostgreSQL and fail there instead of here. */
const PLAIN_TEXT = /^[^\p{Cc}]*$/u;
const nickname = z.string().trim().min(1).max(NICKNAME_MAX).regex(/^[^\p{Cc}\p{Cf}<>]+$/u, both("只能用文字、数字和常用标点", "letters, digits and ordinary punctuation only"));
const birthYear = z.number().int().min(1900).max(2100);

/** POST /api/members/register: an adult (or a minor of 14+) signs up. */
export const signupSchema = z.object({
  login: z.string().min(3).max(254),
  password: z.string().min(1).max(MEMBER_MAX_PASSWORD),
  nickname,
  birthYear,
  acceptAgreement: z.literal(true, { message: both("请先阅读并同意用户协议", "the user agreement must be accepted") }),
}).strict();
/** What a sign-up sends. */
export type SignupInput = z.infer<typeof signupSchema>;

/** POST /api/members/register/confirm: the code sent to the address. */
export const confirmSchema = z.object({ login: z.string().min(3).max(254), code: z.string().regex(/^\d{6}$/, both("请输入短信或邮件里的 6 位验证码", "the 6-digit code from the message")) }).strict();
/** What a confirmation sends. */
export type ConfirmInput = z.infer<typeof confirmSchema>;

/** POST /api/members/login. */
export const memberLoginSchema = z.object({ login: z.string().min(1).max(254).regex(PLAIN_TEXT, both("不能含控制字符", "no control characters")), password: z.string().min(1).max(MEMBER_MAX_PASSWORD) }).strict();
/** What a member sign-in sends. */
export type MemberLoginInput = z.infer<typeof memberLoginSchema>;

/** POST /api/family/children: a child's account and the guardian's decision on consent. */
export const childSchema = z.object({
  login: z.string().regex(CHILD_LOGIN_PATTERN, both("4–24 个小写字母、数字或 . _ -，以字母开头", "4–24 lower-case letters, digits, . _ -, starting with a letter")),
  password: z.string().min(1).max(MEMBER_MAX_PASSWORD),
  nickname,
  birthYear,
  consent: z.object({ decision: z.enum(["agreed", "refused"]), policyVersion: z.string().max(40) }).strict(),
}).strict();
/** What creating a child's account sends. */
export type ChildInput = z.infer<typeof childSchema>;
