/**
 * The search field with its suggestion list, following the ARIA combobox pattern: the input
 * is a combobox that controls a listbox; arrows move the active option (announced through
 * aria-activedescendant while focus stays in the input), Enter picks it or, with none
 * active, submits the full search; Escape closes the list, then clears the text.
 * Suggestions are asked for from the first character, 120 ms after typing pauses, and a
 * newer request aborts an older one. The box knows nothing of the map or the store: it
 * reports picks and submits through callbacks. When the city shown has nothing that matches
 * well and another city has, that city's matches come first with a note saying where they
 * are; picking one switches city.
 */
import { CATEGORIES } from "../../../../src/core/categories.ts";
import { paintWith } from "../../shared/colors.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { onLanguageChange, pick } from "../../shared/i18n.ts";
import { t } from "./search-messages.ts";
import { iconElement } from "../../shared/icons.ts";
import { MAX_QUERY_LENGTH, type SuggestAnswer, type Suggestion } from "./search-api.ts";
import { nothingFoundText, shortDistance, suggestionNames } from "./search-format.ts";

const DEBOUNCE_MS = 120;
const LIST_ID = "search-listbox";

const MAGNIFIER =
  '<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15">' +
  '<path d="M6.5 1a5.5 5.5 0 0 1 4.4 8.8l3 3-1.1 1.1-3-3A5.5 5.5 0 1 1 6.5 1zm0 1.6a3.9 3.9 0 1 0 0 7.8 3.9 3.9 0 0 0 0-7.8z"/></svg>';
const CROSS =
  '<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15">' +
  '<path d="M3.4 2.3 7.5 6.4l4.1-4.1 1.1 1.1-4.1 4.1 4.1 4.1-1.1 1.1-4.1-4.1-4.1 4.1-1.1-1.1 4.1-4.1-4.1-4.1z"/></svg>';

/** The id of the option element for the suggestion at `index` (for aria-activedescendant). */
function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * The option for a suggestion: the category's icon in its colour, the name (with the English
 * name or pinyin under it when that helps), category, district and distance. An option holds
 * no buttons or links, so the whole row is one thing to pick.
 */
function suggestionOption(suggestion: Offered, index: number, listId: string, query: string): HTMLLIElement {
  const category = CATEGORIES[suggestion.category];
  const names = suggestionNames(suggestion, query, pick(category));
  const marker = el("span", { class: "suggestion-marker" }, iconElement(suggestion.icon));
  paintWith(marker, category.color);
  const distance = shortDistance(suggestion.distanceM);
  const meta = [pick(category), suggestion.regionName, suggestion.districtName].filter((part): part is string => part !== null && part !== "");
  return el(
    "li",
    {
      id: optionId(listId, index),
      class: "suggestion",
      role: "option",
      "aria-selected": "false",
      "data-index": index,
      "data-place-id": suggestion.id,
      "data-category": suggestion.category,
      "data-matched": String(suggestion.matched),
      ...(suggestion.regionId !== null ? { "data-region": suggestion.regionId } : {}),
    },
    marker,
    el(
      "span",
      { class: "suggestion-text" },
      el("span", { class: "suggestion-name", lang: names.mainLang }, names.main),
      names.secondary ? el("span", { class: "suggestion-alt", lang: names.secondaryLang }, names.secondary) : null,
      el("span", { class: "suggestion-meta" }, meta.join(" · ")),
    ),
    distance ? el("span", { class: "suggestion-distance" }, distance) : null,
  );
}

/** A suggestion as listed: in another region (its id and name) when the server offered it from there. */
export type Offered = Suggestion & { readonly regionId: string | null; readonly regionName: string | null };

/** The next active option moving by `step`, through -1 (back in the input) and 0..count-1, wrapping. */
function nextIndex(active: number, step: 1 | -1, count: number): number {
  const positions = count + 1;
  return ((active + 1 + step + positions) % positions) - 1;
}

/** What the box asks of its owner. */
export interface SearchBoxOptions {
  /** Suggestions for a query; rejected with an AbortError when `signal` aborts. */
  readonly suggest: (query: string, signal: AbortSignal) => Promise<SuggestAnswer>;
  /** A suggestion was chosen (tap, click, or arrows and Enter); `regionId` is set when it is in another region. */
  readonly onPick: (suggestion: Offered) => void;
  /** The name of a region, for suggestions offered from another one. */
  readonly regionName: (regionId: string) => string;
  /** Enter with no suggestion active: run the full search. */
  readonly onSubmit: (query: string) => void;
  /** The text was cleared with the clear button or Escape. */
  readonly onClear: () => void;
}

/** The search form: the combobox input, its suggestion list and the state of both. */
export class SearchBox {
  readonly input: HTMLInputElement;
  private readonly label = el("label", { for: "search-input", class: "visually-hidden" });
  private readonly clear = el("button", { type: "button", class: "search-clear", hidden: true }, iconElement(CROSS));
  private readonly submit = el("button", { type: "submit", class: "search-submit" }, iconElement(MAGNIFIER));
  private readonly note = el("p", { class: "suggest-note", id: "suggest-note", hidden: true });
  private readonly list = el("ul", { id: LIST_ID, class: "suggestions", role: "listbox" });
  private readonly popup = el("div", { class: "suggest-popup", hidden: true }, this.note, this.list);
  private readonly status = el("p", { class: "visually-hidden", "aria-live": "polite", id: "search-status" });
  private suggestions: Offered[] = [];
  private lastAnswer: SuggestAnswer = { suggestions: [], elsewhere: null };
  private active = -1;
  private shownFor = "";
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: AbortController | undefined;

  /** Builds the form in `container` and starts listening. */
  constructor(
    container: HTMLElement,
    private readonly options: SearchBoxOptions,
  ) {
    this.input = el("input", {
      id: "search-input", class: "search-input", type: "text", role: "combobox", autocomplete: "off", spellcheck: "false",
      enterkeyhint: "search", maxlength: MAX_QUERY_LENGTH, "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": LIST_ID,
    });
    const form = el("form", { class: "search-form", role: "search", novalidate: true },
      this.label, el("div", { class: "search-field" }, this.input, this.clear, this.submit), this.popup, this.status);
    container.append(form);
    this.listen(form);
    onLanguageChange(() => this.render());
    this.render();
  }

  /** Shows `text` in the field (the name of a picked place, or nothing). */
  setText(text: string): void {
    this.input.value = text;
    this.clear.hidden = text === "";
  }

  private listen(form: HTMLFormElement): void {
    this.input.addEventListener("input", () => this.typed());
    this.input.addEventListener("keydown", (event) => this.key(event));
    this.input.addEventListener("focus", () => {
      if (this.suggestions.length > 0 && this.shownFor === this.query()) this.setOpen(true);
    });
    form.addEventListener("focusout", (event) => {
      if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) this.setOpen(false);
    });
    // Keep focus in the input when an option is pressed, so the click lands and the list stays usable.
    this.list.addEventListener("pointerdown", (event) => event.preventDefault());
    this.list.addEventListener("click", (event) => {
      const option = event.target instanceof Element ? event.target.closest<HTMLElement>("[role=option]") : null;
      if (option) this.choose(Number(option.dataset.index));
    });
    this.clear.addEventListener("click", () => {
      this.clearText();
      this.input.focus();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = this.query();
      if (text === "") return;
      this.cancelPending();
      this.setOpen(false);
      this.options.onSubmit(text);
    });
  }

  private query(): string {
    return this.input.value.trim();
  }

  /** After each keystroke: suggestions for the new text once typing pauses. */
  private typed(): void {
    const text = this.query();
    this.clear.hidden = this.input.value === "";
    clearTimeout(this.timer);
    if (text === "") {
      this.request?.abort();
      this.show({ suggestions: [], elsewhere: null }, "");
      return;
    }
    this.timer = setTimeout(() => void this.load(text), DEBOUNCE_MS);
  }

  private key(event: KeyboardEvent): void {
    const open = !this.popup.hidden;
    const count = this.suggestions.length;
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && count > 0) {
      event.preventDefault();
      if (!open) this.setOpen(true);
      this.setActive(nextIndex(this.active, event.key === "ArrowDown" ? 1 : -1, count));
    } else if (event.key === "Enter" && open && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === "Escape" && (open || this.input.value !== "")) {
      // Handled here, so the place card does not close on the same Escape.
      event.preventDefault();
      if (open) this.setOpen(false);
      else this.clearText();
    }
  }

  private setOpen(open: boolean): void {
    this.popup.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    if (!open) this.setActive(-1);
  }

  private setActive(index: number): void {
    this.active = index;
    for (const option of this.list.querySelectorAll<HTMLElement>("[role=option]")) {
      option.setAttribute("aria-selected", String(Number(option.dataset.index) === index));
    }
    if (index < 0) {
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    this.input.setAttribute("aria-activedescendant", optionId(LIST_ID, index));
    document.getElementById(optionId(LIST_ID, index))?.scrollIntoView({ block: "nearest" });
  }

  private show(answer: SuggestAnswer, text: string): void {
    this.lastAnswer = answer;
    const { elsewhere } = answer;
    const away = elsewhere ? elsewhere.items.map((s) => ({ ...s, regionId: elsewhere.regionId, regionName: this.options.regionName(elsewhere.regionId) })) : [];
    const here = answer.suggestions.map((s) => ({ ...s, regionId: null, regionName: null }));
    // Strong matches elsewhere come first: those here are weak, or only the nearest of a kind.
    const found: Offered[] = [...away, ...here];
    // The option the person moved to stays active if the new answer still has it (a later
    // answer may arrive after an arrow key); otherwise nothing is active.
    const wasActive = this.suggestions[this.active]?.id;
    this.suggestions = found;
    this.shownFor = text;
    replaceChildren(this.list, ...found.map((s, i) => suggestionOption(s, i, LIST_ID, text)));
    this.active = wasActive === undefined ? -1 : found.findIndex((s) => s.id === wasActive);
    const fallback = here.length > 0 && here.every((s) => !s.matched);
    const region = away[0]?.regionName ?? null;
    this.note.hidden = !fallback && region === null;
    this.note.textContent = region !== null
      ? t("elsewhereSuggest", { q: text, region, n: elsewhere?.count ?? 0 })
      : fallback ? nothingFoundText(text, here.map((s) => s.category)) : "";
    this.status.textContent = this.note.hidden ? t("suggestionsCount", { n: found.length }) : this.note.textContent;
    this.setOpen(found.length > 0 && document.activeElement === this.input);
    if (!this.popup.hidden) this.setActive(this.active);
  }

  /** Asks for suggestions; an answer for text no longer in the field is dropped. */
  private async load(text: string): Promise<void> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    try {
      const found = await this.options.suggest(text, request.signal);
      if (this.request === request && this.query() === text) this.show(found, text);
    } catch (error) {
      if (request.signal.aborted) return;
      console.error(error);
    }
  }

  private cancelPending(): void {
    clearTimeout(this.timer);
    this.request?.abort();
  }

  private choose(index: number): void {
    const suggestion = this.suggestions[index];
    if (!suggestion) return;
    this.cancelPending();
    this.setOpen(false);
    this.options.onPick(suggestion);
  }

  private clearText(): void {
    this.cancelPending();
    this.setText("");
    this.show({ suggestions: [], elsewhere: null }, "");
    this.options.onClear();
  }

  private render(): void {
    this.label.textContent = t("searchLabel");
    this.input.placeholder = t("searchPlaceholder");
    this.list.setAttribute("aria-label", t("suggestionsLabel"));
    this.clear.setAttribute("aria-label", t("clearSearch"));
    this.clear.title = t("clearSearch");
    this.submit.setAttribute("aria-label", t("searchButton"));
    this.submit.title = t("searchButton");
    if (this.shownFor !== "") this.show(this.lastAnswer, this.shownFor);
  }
}
