/**
 * The row of chips under the top bar: one per category (icon + name in its colour), an
 * "open now" toggle and the button that opens the other filters. Chips are toggle buttons
 * (aria-pressed) built once and updated in place, so the row keeps its sideways scroll
 * position and focus on phones.
 */
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "../../../../src/core/categories.ts";
import { paintWith } from "../../shared/colors.ts";
import { el } from "../../shared/dom.ts";
import { onLanguageChange, pick } from "../../shared/i18n.ts";
import { t } from "./filters-messages.ts";
import { iconElement } from "../../shared/icons.ts";
import type { AppState, Filters, Store } from "../../shared/store.ts";

const SLIDERS =
  '<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15">' +
  '<path d="M1 3h7.2a2 2 0 0 1 3.6 0H14v1.5h-2.2a2 2 0 0 1-3.6 0H1zm0 7.5h2.2a2 2 0 0 1 3.6 0H14V12H6.8a2 2 0 0 1-3.6 0H1z"/></svg>';

/** How many filters besides categories and "open now" are on, for the filters button badge. */
export function extraFilterCount(filters: Filters): number {
  return filters.facilities.size + (filters.age === null ? 0 : 1);
}

/** A copy of `set` with `value` added if absent and removed if present. */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

function chip(attributes: Record<string, string>, ...children: Node[]): { button: HTMLButtonElement; label: HTMLSpanElement } {
  const label = el("span", { class: "chip-label" });
  const button = el("button", { type: "button", ...attributes }, ...children, label);
  return { button, label };
}

/**
 * Mounts the chip row in `container`. The filters button shows and hides `panel` (see
 * filter-panel.ts); its aria-expanded follows the panel however the panel gets closed.
 */
export function mountCategoryChips(container: HTMLElement, store: Store<AppState>, panel: HTMLElement): void {
  container.setAttribute("role", "group");
  const categoryChips = CATEGORY_IDS.map((id) => {
    const made = chip({ class: "chip chip-category", "data-category": id }, iconElement(CATEGORIES[id].icon, "chip-icon"));
    paintWith(made.button, CATEGORIES[id].color);
    made.button.addEventListener("click", () => {
      const { filters } = store.get();
      store.update({ filters: { ...filters, categories: toggled(filters.categories, id) } });
    });
    return { id, ...made };
  });
  const openNow = chip({ class: "chip chip-open-now", "data-filter": "open-now" }, el("span", { class: "chip-dot", "aria-hidden": "true" }));
  openNow.button.addEventListener("click", () => {
    const { filters } = store.get();
    store.update({ filters: { ...filters, openNow: !filters.openNow } });
  });
  const badge = el("span", { class: "chip-badge" });
  const more = chip(
    { class: "chip chip-more", "data-filter": "more", "aria-controls": panel.id, "aria-expanded": "false" },
    iconElement(SLIDERS, "chip-plain-icon"),
  );
  more.button.append(badge);
  more.button.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    sync();
    if (!panel.hidden) panel.querySelector<HTMLElement>("select, input, button")?.focus();
  });
  container.append(more.button, openNow.button, ...categoryChips.map((c) => c.button));

  function sync(): void {
    const { filters } = store.get();
    container.setAttribute("aria-label", t("categories"));
    for (const c of categoryChips) {
      c.label.textContent = pick(CATEGORIES[c.id as CategoryId]);
      c.button.setAttribute("aria-pressed", String(filters.categories.has(c.id)));
    }
    openNow.label.textContent = t("openNow");
    openNow.button.setAttribute("aria-pressed", String(filters.openNow));
    more.label.textContent = t("moreFilters");
    more.button.setAttribute("aria-expanded", String(!panel.hidden));
    const extra = extraFilterCount(filters);
    badge.textContent = extra > 0 ? String(extra) : "";
    badge.hidden = extra === 0;
  }

  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) sync();
  });
  new MutationObserver(sync).observe(panel, { attributes: true, attributeFilter: ["hidden"] });
  onLanguageChange(sync);
  sync();
}
