/**
 * The list of places that match the filters, or the results of a full search: how many
 * there are, and one button per place (icon, name, kind, open state, distance). It is the
 * keyboard and screen-reader way to the places on the map. A drawer at the bottom on
 * phones, a panel on the left on desktops. A search that found nothing says so kindly and
 * lists the nearest places instead; "Show all" goes back to the filtered places. When the
 * filters left places out only because their hours or facilities are unknown, it says how
 * many and offers to include them (left-out.ts).
 */
import { CATEGORIES, isCategoryId } from "../../../../src/core/categories.ts";
import { kindLabel } from "../../../../src/core/kinds.ts";
import { placeName } from "../../map/map-data.ts";
import type { PlaceFeature } from "../../shared/api.ts";
import { paintWith } from "../../shared/colors.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, onLanguageChange } from "../../shared/i18n.ts";
import { t } from "./results-messages.ts";
import { iconElement } from "../../shared/icons.ts";
import { currentRegion, shownPlaces, type AppState, type Store } from "../../shared/store.ts";
import { openStatusText, todayIn } from "../place-card/place-format.ts";
import { nothingFoundText, shortDistance } from "../search/search-format.ts";
import { includeLabel, includesUnknown, leftOutOf, leftOutText, withUnknown } from "./left-out.ts";

/** Most list rows drawn at once; the map still shows every place. */
const MAX_ROWS = 200;
/**
 * Rows are drawn a few at a time, each batch in its own task, so a long list never blocks a
 * slow phone's main thread for long (a batch takes a few milliseconds); #results-list says
 * `data-complete` once every row is there.
 */
const ROWS_PER_TASK = 16;

/** Each icon's SVG parsed once, then copied for every row that shows it. */
const icons = new Map<string, HTMLElement>();
function icon(name: string): Node {
  let parsed = icons.get(name);
  if (!parsed) icons.set(name, (parsed = iconElement(name)));
  return parsed.cloneNode(true);
}

function row(place: PlaceFeature, today: string, selected: boolean): HTMLLIElement {
  const lang = getLanguage();
  const category = place.properties.categories.find(isCategoryId);
  const info = category ? CATEGORIES[category] : undefined;
  const marker = el("span", { class: "result-marker" }, icon(info?.icon ?? "star"));
  paintWith(marker, info?.color ?? "#495057");
  const { open, distanceM } = place.properties;
  const button = el(
    "button",
    { type: "button", class: "result", "data-place-id": place.properties.id, "aria-current": selected ? "true" : false },
    marker,
    el(
      "span",
      { class: "result-text" },
      el("span", { class: "result-name" }, placeName(place, lang) || kindLabel(place.properties.kind, lang)),
      el(
        "span",
        { class: "result-meta" },
        kindLabel(place.properties.kind, lang),
        el("span", { class: "open-status", "data-state": open.state }, openStatusText(open, today)),
        distanceM === undefined ? null : el("span", { class: "result-distance" }, shortDistance(distanceM)),
      ),
    ),
  );
  return el("li", {}, button);
}

/**
 * Mounts the list in `section`. `onChoose` is called with a place id when a row is chosen
 * (after the selection is stored), so the app can move the map there.
 */
export function mountResultsList(section: HTMLElement, store: Store<AppState>, onChoose: (id: string) => void): void {
  const summary = el("p", { class: "results-summary", id: "results-summary", "aria-live": "polite" });
  const toggle = el("button", { type: "button", class: "results-toggle", "aria-controls": "results-list", "aria-expanded": "false" });
  const list = el("ul", { class: "results-list", id: "results-list", "aria-labelledby": "results-summary" });
  const empty = el("p", { class: "results-empty", hidden: true });
  const showAll = el("button", { type: "button", class: "results-show-all", hidden: true });
  const note = el("p", { class: "results-note", id: "results-note", role: "note", hidden: true });
  const unknownNote = el("div", { class: "results-note results-unknown", id: "results-unknown", hidden: true });
  section.append(el("div", { class: "results-head" }, summary, showAll, toggle), el("div", { class: "results-body" }, note, unknownNote, empty, list));

  /** Why places are missing for unknown facts, with the switch to include them; or the way back. */
  const renderUnknown = (state: AppState): boolean => {
    const { filters } = state;
    const leftOut = state.status === "ready" && state.search === null ? leftOutOf(state.places) : null;
    const including = includesUnknown(filters) && state.search === null && (filters.openNow || filters.facilities.size > 0);
    unknownNote.hidden = leftOut === null && !including;
    if (unknownNote.hidden) {
      replaceChildren(unknownNote);
      return false;
    }
    const button = el("button", { type: "button", class: "button button-quiet button-small", "data-unknown": including ? "exclude" : "include" }, including ? t("excludeUnknown") : includeLabel(leftOut));
    button.addEventListener("click", () => store.update({ filters: withUnknown(store.get().filters, !including) }));
    replaceChildren(unknownNote, el("p", { style: "margin:0 0 8px" }, leftOut ? leftOutText(leftOut) : t("includingUnknown")), button);
    return leftOut !== null;
  };

  const placesSummary = (state: AppState): string => {
    const { places, status } = state;
    if (status === "loading" || places === null) return t("loading");
    if (status === "error") return t("loadFailed");
    return t("placesFound", { n: places.count }) + (places.truncated ? t("placesTruncated", { n: places.features.length }) : "");
  };

  const renderSummary = (): void => {
    const state = store.get();
    const { places, status, search } = state;
    const expanded = section.dataset.expanded === "true";
    toggle.textContent = t(expanded ? "hideList" : "showList");
    toggle.setAttribute("aria-expanded", String(expanded));
    const nothing = search !== null && search.features.length === 0;
    if (search === null) summary.textContent = placesSummary(state);
    else summary.textContent = nothing ? t("searchNearby") : t("searchSummary", { n: search.features.length });
    showAll.textContent = t("showAllPlaces");
    showAll.hidden = search === null;
    note.hidden = !nothing;
    note.textContent = nothing ? nothingFoundText(search.query, search.fallback?.categories ?? []) : "";
    const explained = renderUnknown(state);
    empty.textContent = t("noPlaces");
    empty.hidden = explained || search !== null || !(status === "ready" && places !== null && places.features.length === 0);
  };

  let drawing = 0;
  const renderList = (): void => {
    const turn = ++drawing;
    const state = store.get();
    const today = todayIn(currentRegion(state)?.timeZone ?? "Asia/Shanghai");
    const features = shownPlaces(state).slice(0, MAX_ROWS);
    const rows = (from: number): HTMLLIElement[] => features.slice(from, from + ROWS_PER_TASK).map((f) => row(f, today, f.properties.id === state.selectedId));
    delete list.dataset.complete;
    replaceChildren(list, ...rows(0));
    const more = (from: number): void => {
      // A newer list (new places, a search, a selection) draws itself.
      if (turn !== drawing) return;
      if (from >= features.length) {
        list.dataset.complete = "true";
        return;
      }
      list.append(...rows(from));
      setTimeout(() => more(from + ROWS_PER_TASK), 0);
    };
    more(ROWS_PER_TASK);
  };

  showAll.addEventListener("click", () => store.update({ search: null }));
  toggle.addEventListener("click", () => {
    section.dataset.expanded = String(section.dataset.expanded !== "true");
    renderSummary();
  });
  list.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-place-id]") : null;
    const id = button?.dataset.placeId;
    if (!id) return;
    store.update({ selectedId: id });
    onChoose(id);
  });
  store.subscribe((state, previous) => {
    // A new search opens the drawer on phones: the results are what the user asked to see.
    if (state.search !== null && state.search !== previous.search) section.dataset.expanded = "true";
    const listChanged = state.places !== previous.places || state.search !== previous.search;
    if (listChanged || state.status !== previous.status || state.filters !== previous.filters) renderSummary();
    if (listChanged || state.selectedId !== previous.selectedId) renderList();
  });
  onLanguageChange(() => {
    renderSummary();
    renderList();
  });
  section.dataset.expanded = "false";
  renderSummary();
  renderList();
}
