/**
 * The small panel of filters that do not fit on the chip row: the child's age and the
 * facilities a family needs (changing table, toilets, shade...), and whether places whose
 * hours or facilities are unknown may pass "open now" and the facilities. Changes apply at once;
 * "Done" and Escape close the panel, "Clear" resets every filter.
 */
import { FACILITIES, FACILITY_IDS, type FacilityId } from "../../../../src/core/facilities.ts";
import { LIMITS } from "../../../../src/core/limits.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { onLanguageChange, pick } from "../../shared/i18n.ts";
import { t } from "./filters-messages.ts";
import { FACILITY_ICONS, iconElement } from "../../shared/icons.ts";
import { type AppState, type Store, initialState } from "../../shared/store.ts";
import { includesUnknown, withUnknown } from "../results/left-out.ts";
import { toggled } from "./category-chips.ts";

/** The ages offered in the age selector: the ages Tongxing serves. */
const AGES = Array.from({ length: LIMITS.maxAge + 1 }, (_, age) => age);

function ageSelect(store: Store<AppState>): HTMLElement {
  const { age } = store.get().filters;
  const select = el(
    "select",
    { id: "filter-age", class: "select" },
    el("option", { value: "", selected: age === null }, t("anyAge")),
    ...AGES.map((n) => el("option", { value: String(n), selected: age === n }, t("ageYears", { n }))),
  );
  select.addEventListener("change", () => {
    const filters = store.get().filters;
    store.update({ filters: { ...filters, age: select.value === "" ? null : Number(select.value) } });
  });
  return el("div", { class: "field" }, el("label", { for: "filter-age", class: "field-label" }, t("age")), select);
}

function facilityCheckbox(store: Store<AppState>, id: FacilityId): HTMLElement {
  const input = el("input", { type: "checkbox", id: `facility-${id}`, value: id, checked: store.get().filters.facilities.has(id) });
  input.addEventListener("change", () => {
    const filters = store.get().filters;
    store.update({ filters: { ...filters, facilities: toggled(filters.facilities, id) } });
  });
  return el(
    "li",
    { class: "facility-option" },
    input,
    el("label", { for: `facility-${id}` }, iconElement(FACILITY_ICONS[id], "facility-icon"), pick(FACILITIES[id])),
  );
}

function unknownCheckbox(store: Store<AppState>): HTMLElement {
  const input = el("input", { type: "checkbox", id: "filter-unknown", checked: includesUnknown(store.get().filters), "aria-describedby": "filter-unknown-hint" });
  input.addEventListener("change", () => store.update({ filters: withUnknown(store.get().filters, input.checked) }));
  return el(
    "div",
    { class: "field facility-option" },
    input,
    el("label", { for: "filter-unknown" }, t("includeUnknown")),
    el("p", { class: "field-hint", id: "filter-unknown-hint" }, t("includeUnknownHint")),
  );
}

/** Mounts the panel's content in `panel` (hidden at first) and keeps it in step with the state. */
export function mountFilterPanel(panel: HTMLElement, store: Store<AppState>): void {
  panel.hidden = true;
  const close = (): void => {
    panel.hidden = true;
    document.querySelector<HTMLElement>(`[aria-controls="${panel.id}"]`)?.focus();
  };
  const render = (): void => {
    const headingId = `${panel.id}-title`;
    panel.setAttribute("aria-labelledby", headingId);
    const clear = el("button", { type: "button", class: "button button-quiet" }, t("clearFilters"));
    clear.addEventListener("click", () => {
      store.update({ filters: initialState().filters });
      render();
      panel.querySelector<HTMLElement>("select")?.focus();
    });
    const done = el("button", { type: "button", class: "button button-primary" }, t("done"));
    done.addEventListener("click", close);
    replaceChildren(
      panel,
      el("h2", { id: headingId, class: "panel-title" }, t("filtersTitle")),
      ageSelect(store),
      el(
        "fieldset",
        { class: "field" },
        el("legend", { class: "field-label" }, t("facilities")),
        el("ul", { class: "facility-options" }, ...FACILITY_IDS.map((id) => facilityCheckbox(store, id))),
      ),
      unknownCheckbox(store),
      el("div", { class: "panel-actions" }, clear, done),
    );
  };
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    close();
  });
  // The list's "include them" button changes the same filter: keep the box in step.
  store.subscribe((state, previous) => {
    if (state.filters === previous.filters) return;
    const box = panel.querySelector<HTMLInputElement>("#filter-unknown");
    if (box) box.checked = includesUnknown(state.filters);
  });
  onLanguageChange(render);
  render();
}
