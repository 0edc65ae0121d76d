/**
 * The list of guides with its filters: a child's age, the theme, how long, the kind, and
 * 离我近的 (the browser's position, asked only when pressed). Each guide is a card linking to
 * its page, with its facts, its author (a child's nickname and team, or the unit) and a
 * warning when one of its places has closed or moved. `#guides[data-ready]` says when the
 * list shown matches the filters.
 */
import { GUIDE_KIND_LABELS, GUIDE_KINDS, GUIDE_THEME_LABELS, GUIDE_THEMES } from "../../../../src/core/api/guides-vocabulary.ts";
import type { GuideSummary } from "../../../../src/core/api/guides.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { errorText } from "../../shared/error-text.ts";
import { getLanguage } from "../../shared/i18n.ts";
import { fetchGuides, guideLinks } from "./guides-api.ts";
import { type GuideFilters, factsLine } from "./guide-format.ts";
import { t } from "./guides-messages.ts";

const AGES = Array.from({ length: 15 }, (_, i) => i + 1);
const HOURS = [1, 2, 3, 4, 6];

/** One guide as a card in a list (the page's list and the place card's). */
export function guideCard(g: GuideSummary, heading: "h2" | "h3" = "h2"): HTMLElement {
  const lang = getLanguage();
  const credit = g.author.team ? t("gdByTeam", { name: g.author.name, team: g.author.team }) : t("gdBy", { name: g.author.name });
  const badges = [g.stroller ? t("gdStroller") : null, g.wheelchair ? t("gdWheelchair") : null, t("gdStops", { n: g.stopCount })].filter((b): b is string => b !== null);
  return el("article", { class: "gd-card", "data-guide": g.id },
    el(heading, { class: "gd-card-title" }, el("a", { href: guideLinks(g.id).page }, g.title)),
    el("p", { class: "gd-facts" }, factsLine(g, lang)),
    el("p", { class: "gd-summary" }, g.summary),
    el("p", { class: "gd-badges" }, ...badges.map((b) => el("span", { class: "gd-badge" }, b)), g.distanceM !== undefined ? el("span", { class: "gd-badge" }, t("gdDistance", { km: (g.distanceM / 1000).toFixed(1) })) : null),
    el("p", { class: "gd-credit" }, credit),
    g.changedStops > 0 ? el("p", { class: "gd-warn", role: "note" }, t("gdChanged", { n: g.changedStops })) : null,
  );
}

function select(id: string, label: string, options: Array<[string, string]>, value: string, onChange: (value: string) => void): HTMLElement {
  const input = el("select", { id, name: id }, ...options.map(([v, text]) => el("option", { value: v, selected: v === value }, text)));
  input.addEventListener("change", () => onChange(input.value));
  return el("div", { class: "gd-field" }, el("label", { for: id }, label), input);
}

/** Draws the filters and the list into `main`; `filters` change in place and the list follows. */
export function mountGuideList(main: HTMLElement, filters: GuideFilters): void {
  const lang = getLanguage();
  const results = el("section", { class: "gd-results", "aria-live": "polite", "aria-busy": "true" });
  let generation = 0;
  const load = async (): Promise<void> => {
    const mine = ++generation;
    delete main.dataset.ready;
    results.setAttribute("aria-busy", "true");
    try {
      const guides = await fetchGuides(filters);
      if (mine !== generation) return;
      replaceChildren(results,
        el("p", { class: "gd-count" }, filters.near ? `${t("gdCount", { n: guides.length })} · ${t("gdNearOn")}` : t("gdCount", { n: guides.length })),
        guides.length === 0 ? el("p", { class: "gd-empty" }, t("gdNone")) : el("div", { class: "gd-list" }, ...guides.map((g) => guideCard(g))));
    } catch (error) {
      if (mine === generation) replaceChildren(results, el("p", { class: "gd-error", role: "alert" }, errorText(error)));
    }
    if (mine !== generation) return;
    results.setAttribute("aria-busy", "false");
    main.dataset.ready = "list";
  };
  const set = (change: Partial<GuideFilters>) => {
    Object.assign(filters, change);
    void load();
  };
  const near = el("button", { type: "button", class: "gd-near", "aria-pressed": String(filters.near !== null) }, t("gdNearMe"));
  const nearBy = (position: [number, number] | null) => {
    near.setAttribute("aria-pressed", String(position !== null));
    set({ near: position });
  };
  near.addEventListener("click", () => {
    if (filters.near) return nearBy(null);
    navigator.geolocation.getCurrentPosition(
      (p) => nearBy([p.coords.longitude, p.coords.latitude]),
      () => replaceChildren(results, el("p", { class: "gd-error", role: "alert" }, t("gdNoPosition"))),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  });
  const form = el("form", { class: "gd-filters", "aria-label": t("gdFilters") },
    select("gd-age", t("gdAge"), [["", t("gdAnyAge")], ...AGES.map((a): [string, string] => [String(a), t("gdAgeOption", { age: a })])], filters.age === null ? "" : String(filters.age), (v) => set({ age: v ? Number(v) : null })),
    select("gd-theme", t("gdTheme"), [["", t("gdAnyTheme")], ...GUIDE_THEMES.map((th): [string, string] => [th, GUIDE_THEME_LABELS[th][lang]])], filters.theme ?? "", (v) => set({ theme: v ? (v as GuideFilters["theme"]) : null })),
    select("gd-duration", t("gdDuration"), [["", t("gdAnyDuration")], ...HOURS.map((h): [string, string] => [String(h * 60), t("gdUpTo", { h })])], filters.maxMinutes === null ? "" : String(filters.maxMinutes), (v) => set({ maxMinutes: v ? Number(v) : null })),
    select("gd-kind", t("gdKind"), [["", t("gdAnyKind")], ...GUIDE_KINDS.map((k): [string, string] => [k, GUIDE_KIND_LABELS[k][lang]])], filters.kind ?? "", (v) => set({ kind: v ? (v as GuideFilters["kind"]) : null })),
    el("div", { class: "gd-field gd-field-button" }, near),
  );
  form.addEventListener("submit", (event) => event.preventDefault());
  replaceChildren(main,
    el("div", { class: "gd-head" }, el("h1", {}, t("gdTitle")), el("p", { class: "gd-intro" }, t("gdIntro")), el("a", { class: "gd-write-link button", href: "/guides.html?write=1" }, t("gdWrite"))),
    form, results);
  void load();
}
