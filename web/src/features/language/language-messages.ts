/**
 * The words of the language feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  switchLanguage: "Switch to English",
  languageButton: "EN",
} as const;

/** The keys of the language feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  switchLanguage: "切换到中文",
  languageButton: "中文",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const LANGUAGE_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type LanguageMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(LANGUAGE_MESSAGES);
