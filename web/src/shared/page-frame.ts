/**
 * The frame shared by the progress and staff pages: the brand, links between the map, the
 * public progress page and the staff pages, and the language toggle. The page title follows
 * the language, as the map app's does.
 */
import { mountLanguageToggle } from "../features/language/language-toggle.ts";
import { el, replaceChildren } from "./dom.ts";
import { onLanguageChange, t } from "./i18n.ts";
import type { MessageKey } from "./messages.ts";

/** The pages the frame links to; the current one is marked. */
export type PageName = "map" | "progress" | "staff";

const LINKS: ReadonlyArray<{ page: PageName; href: string; label: MessageKey }> = [
  { page: "map", href: "/", label: "navMap" },
  { page: "progress", href: "/progress.html", label: "navProgress" },
  { page: "staff", href: "/staff.html", label: "navStaff" },
];

/** Fills the page's <header> and keeps its words and the document title in the current language. */
export function mountPageFrame(header: HTMLElement, page: PageName, title: () => string): void {
  const nav = el("nav", { class: "page-nav" });
  const actions = el("div", { class: "page-actions" });
  const render = (): void => {
    document.title = `${title()} · ${t("appName")}`;
    nav.setAttribute("aria-label", t("navLabel"));
    const links = LINKS.map((link) => el("a", { href: link.href, class: "page-link", "aria-current": link.page === page ? "page" : null }, t(link.label)));
    replaceChildren(nav, ...links);
  };
  const brand = el(
    "a",
    { class: "brand page-brand", href: "/" },
    el("span", { class: "brand-mark", "aria-hidden": "true" }, "童"),
    el("span", { class: "brand-name" }, el("span", { lang: "zh-CN" }, "童行"), " ", el("span", { class: "brand-latin", lang: "en" }, "Tongxing")),
  );
  header.replaceChildren(brand, nav, actions);
  mountLanguageToggle(actions);
  onLanguageChange(render);
  render();
}
