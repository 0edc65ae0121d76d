/**
 * The 中文/EN button in the top bar. It shows the language it switches to, written in that
 * language, so a reader of either can find it.
 */
import { el } from "../../shared/dom.ts";
import { getLanguage, onLanguageChange, setLanguage } from "../../shared/i18n.ts";
import { t } from "./language-messages.ts";

/** Mounts the language toggle in `container`. */
export function mountLanguageToggle(container: HTMLElement): void {
  const button = el("button", { type: "button", id: "language-toggle", class: "language-toggle" });
  const render = (): void => {
    const target = getLanguage() === "zh" ? "en" : "zh";
    button.textContent = t("languageButton");
    button.lang = target === "zh" ? "zh-CN" : "en";
    // The accessible name starts with the visible text, so voice control ("click EN") works.
    button.setAttribute("aria-label", `${t("languageButton")} · ${t("switchLanguage")}`);
    button.title = t("switchLanguage");
  };
  button.addEventListener("click", () => setLanguage(getLanguage() === "zh" ? "en" : "zh"));
  container.append(button);
  onLanguageChange(render);
  render();
}
