/**
 * The current language and message lookup. Chinese is the default; English is chosen by
 * `?lang=en` or the toggle, and the choice is remembered in localStorage. Components
 * subscribe to changes and re-render their text; the <html lang> attribute follows.
 */
import { MESSAGES, type MessageKey } from "./messages.ts";

/** The two languages the app speaks. */
export type Lang = "zh" | "en";

const STORAGE_KEY = "tongxing.lang";
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = "zh";

function isLang(value: string | null): value is Lang {
  return value === "zh" || value === "en";
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this page only.
  }
}

/** Picks the start language: the URL beats storage, storage beats the Chinese default. */
export function initLanguage(search: string = location.search): Lang {
  const fromUrl = new URLSearchParams(search).get("lang");
  const stored = readStored();
  current = isLang(fromUrl) ? fromUrl : isLang(stored) ? stored : "zh";
  if (isLang(fromUrl)) store(fromUrl);
  applyDocumentLanguage();
  return current;
}

/** The language in use now. */
export function getLanguage(): Lang {
  return current;
}

/** Switches language, remembers it, updates <html lang> and tells every subscriber. */
export function setLanguage(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  store(lang);
  applyDocumentLanguage();
  for (const listener of listeners) listener(lang);
}

/** Calls `listener` after each language change; returns an unsubscribe function. */
export function onLanguageChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The BCP 47 tag for a language, as used in `lang` attributes. */
export function languageTag(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}

function applyDocumentLanguage(): void {
  document.documentElement.lang = languageTag(current);
  document.title = `${MESSAGES[current].appName} · ${MESSAGES[current].appTagline}`;
}

/** A message in the current language with `{name}` placeholders filled in. */
export function t(key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(MESSAGES[current][key], vars);
}

/** A template with its `{name}` placeholders filled in; unknown names stay as written. Features with their own word lists use it too. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** A feature's message tables, Chinese first and English second, with the same keys. */
export interface MessageTables<K extends string> {
  readonly zh: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/**
 * The `t` of a feature: a key of the feature's own tables or of the shared ones, in the
 * current language with `{name}` placeholders filled in.
 */
export function lookup<K extends string>(tables: MessageTables<K>): (key: K | MessageKey, vars?: Readonly<Record<string, string | number>>) => string {
  return (key, vars = {}) => {
    const own: Readonly<Record<string, string>> = tables[current];
    return fillTemplate(own[key] ?? MESSAGES[current][key as MessageKey], vars);
  };
}

/** Picks the text for the current language from a `{zh, en}` pair, falling back to the other. */
export function pick(text: { readonly zh?: string | null; readonly en?: string | null }): string {
  const first = current === "zh" ? text.zh : text.en;
  return first ?? text.zh ?? text.en ?? "";
}
