/**
 * For unit tests that run in Node without a DOM: switches the app's language with a stand-in
 * `document` (the only browser object setLanguage touches; storage failures are ignored).
 */
import { vi } from "vitest";
import { type Lang, setLanguage } from "../i18n.ts";

/** Runs `body` with the app speaking `lang`, then switches back to Chinese. */
export function inLanguage<T>(lang: Lang, body: () => T): T {
  vi.stubGlobal("document", { documentElement: { lang: "" }, title: "" });
  try {
    setLanguage(lang);
    return body();
  } finally {
    setLanguage("zh");
    vi.unstubAllGlobals();
  }
}
