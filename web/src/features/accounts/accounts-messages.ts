/**
 * The words of the accounts feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  signInTitle: "工作人员登录",
  signInIntro: "各责任单位填报员、审核员和领导请用分配的账号登录。",
  fillBoth: "请填写用户名和密码。",
  publicProgressLink: "查看公开的建设进展",
} as const;

/** The keys of the accounts feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  signInTitle: "Staff sign-in",
  signInIntro: "Reporters of the responsible units, reviewers and leaders: sign in with the account you were given.",
  fillBoth: "Enter your username and password.",
  publicProgressLink: "See the public progress page",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const ACCOUNTS_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type AccountsMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(ACCOUNTS_MESSAGES);
