/**
 * Where a route starts, and how to choose it: the start in words, then three ways to set it
 * (locate me, pick on the map, search a place by name). Built once so focus stays in the
 * search field while results come in; route.ts decides the start, this only shows and asks.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { t } from "./route-messages.ts";
import { startText, type StartSource } from "./route-format.ts";
import type { StartCandidate } from "./start-search-api.ts";

/** What the start row shows. */
export interface StartView {
  readonly source: StartSource;
  /** The name of a start found by search. */
  readonly name: string | null;
  /** True while the next tap on the map sets the start. */
  readonly picking: boolean;
}

/** What the start row asks route.ts to do. */
export interface StartActions {
  readonly onLocate: () => void;
  readonly onPick: () => void;
  readonly onSearch: (query: string) => Promise<readonly StartCandidate[]>;
  readonly onChooseStart: (candidate: StartCandidate) => void;
}

/** The mounted start row. */
export interface StartRow {
  readonly element: HTMLElement;
  render(view: StartView): void;
}

/** Builds the start row; `render` fills in the words. */
export function startRow(actions: StartActions): StartRow {
  const text = el("span", { class: "route-start-text", id: "route-start-text" });
  const locate = el("button", { type: "button", class: "route-start-button", "data-start": "locate" });
  const pickOnMap = el("button", { type: "button", class: "route-start-button", "data-start": "pick", "aria-pressed": "false" });
  const searchToggle = el("button", { type: "button", class: "route-start-button", "data-start": "search", "aria-expanded": "false", "aria-controls": "route-start-search" });
  const input = el("input", { type: "search", id: "route-start-query", class: "route-start-query", maxlength: 100, autocomplete: "off" });
  const inputLabel = el("label", { for: "route-start-query", class: "visually-hidden" });
  const submit = el("button", { type: "submit", class: "route-start-button route-start-go" });
  const results = el("ul", { class: "route-start-results", id: "route-start-results" });
  const note = el("p", { class: "route-start-note", "aria-live": "polite" });
  const form = el("form", { class: "route-start-search", id: "route-start-search", role: "search", hidden: true }, inputLabel, el("div", { class: "route-start-search-row" }, input, submit), note, results);
  let asked = 0;

  locate.addEventListener("click", actions.onLocate);
  pickOnMap.addEventListener("click", actions.onPick);
  searchToggle.addEventListener("click", () => {
    form.hidden = !form.hidden;
    searchToggle.setAttribute("aria-expanded", String(!form.hidden));
    if (!form.hidden) input.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query === "") return;
    const turn = ++asked;
    note.textContent = t("routeStartSearching");
    replaceChildren(results);
    void actions.onSearch(query).then(
      (found) => {
        if (turn !== asked) return;
        note.textContent = found.length === 0 ? t("routeStartNoneFound") : "";
        replaceChildren(
          results,
          ...found.map((candidate) => {
            const button = el("button", { type: "button", class: "route-start-result", "data-place-id": candidate.id }, el("strong", {}, candidate.name), candidate.district ? el("span", {}, candidate.district) : null);
            button.addEventListener("click", () => {
              form.hidden = true;
              searchToggle.setAttribute("aria-expanded", "false");
              actions.onChooseStart(candidate);
            });
            return el("li", {}, button);
          }),
        );
      },
      () => {
        if (turn === asked) note.textContent = t("routeFailed");
      },
    );
  });

  const element = el(
    "div",
    { class: "route-start" },
    el("p", { class: "route-start-line" }, el("span", { class: "route-start-dot", "aria-hidden": "true" }), text),
    el("div", { class: "route-start-actions", role: "group", "aria-labelledby": "route-start-text" }, locate, pickOnMap, searchToggle),
    form,
  );
  return {
    element,
    render(view: StartView): void {
      element.dataset.source = view.source;
      text.textContent = view.picking ? t("routePickHint") : startText(view.source, view.name);
      locate.textContent = t("routeStartLocate");
      pickOnMap.textContent = t("routeStartPick");
      pickOnMap.setAttribute("aria-pressed", String(view.picking));
      searchToggle.textContent = t("routeStartSearch");
      inputLabel.textContent = t("routeStartQuery");
      input.placeholder = t("routeStartQuery");
      submit.textContent = t("routeStartGo");
    },
  };
}
