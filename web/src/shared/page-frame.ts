/**
 * The frame shared by the pages outside the map: the brand, links between the map, the
 * public progress page, children's ideas, polls and councils, and the staff pages, and the
 * language toggle. The page title follows the language, as the map app's does.
 */
import { mountLanguageToggle } from "../features/language/language-toggle.ts";
import { el, replaceChildren } from "./dom.ts";
import { onLanguageChange, t } from "./i18n.ts";
import type { MessageKey } from "./messages.ts";

/** The pages the frame links to; the current one is marked. */
export type PageName = "map" | "guides" | "events" | "progress" | "ideas" | "polls" | "councils" | "staff";

const LINKS: ReadonlyArray<{ page: PageName; href: string; label: MessageKey }> = [
  { page: "map", href: "/", label: "navMap" },
  { page: "guides", href: "/guides.html", label: "navGuides" },
  { page: "events", href: "/events.html", label: "navEvents" },
  { page: "progress", href: "/progress.html", label: "navProgress" },
  { page: "ideas", href: "/ideas.html", label: "navIdeas" },
  { page: "polls", href: "/polls.html", label: "navPolls" },
  { page: "councils", href: "/councils.html", label: "navCouncils" },
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
    // On a phone the links scroll sideways: the current page's link is brought into view.
    requestAnimationFrame(() => nav.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" }));
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
