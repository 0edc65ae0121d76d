/**
 * Step one of an assessment: the city, a search box that filters the city's places by name
 * (Chinese, pinyin or English) and the matching places as radio buttons, each with its
 * kind, district and demonstration badge, so the assessor can tell two parks apart.
 */
import { kindLabel } from "../../../../src/core/kinds.ts";
import type { PlaceFeature, Region } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, pick } from "../../shared/i18n.ts";
import { t } from "./sites-messages.ts";
import { demonstrationText } from "../place-card/place-format.ts";
import { fetchRegionPlaces } from "./site-api.ts";
import { errorText } from "../../shared/error-text.ts";

/** How many matches are listed at once; the search box narrows the rest. */
const SHOWN = 40;

/** What the picker needs: the cities, the one to start in, the chosen place and what to do on a pick. */
export interface PlacePickerOptions {
  readonly regions: readonly Region[];
  readonly regionId: string;
  readonly placeId: string | null;
  readonly onPick: (place: PlaceFeature) => void;
}

const squash = (text: string | null | undefined): string => (text ?? "").toLowerCase().replace(/\s+/g, "");

/** True when the place's names contain the query (spaces and case ignored). */
export function matchesName(place: PlaceFeature, query: string): boolean {
  const wanted = squash(query);
  if (wanted === "") return true;
  const { zh, en, pinyin, alt } = place.properties.name;
  return [zh, en, pinyin, ...alt].some((name) => squash(name).includes(wanted));
}

/** The place's name in the current language. */
export function placeName(place: PlaceFeature): string {
  return pick(place.properties.name) || kindLabel(place.properties.kind, getLanguage());
}

/** Kind, district and badge of a place in a line. */
export function placeFacts(place: PlaceFeature): string {
  const badge = demonstrationText(place.properties);
  return [kindLabel(place.properties.kind, getLanguage()), place.properties.districtName, badge ? t("siteCurrentBadge", { value: badge }) : null].filter(Boolean).join(" · ");
}

function placeItem(place: PlaceFeature, index: number, chosen: boolean, onPick: (place: PlaceFeature) => void): HTMLElement {
  const id = `site-place-${index}`;
  const radio = el("input", { type: "radio", name: "site-place", id, value: place.properties.id, class: "site-place-radio", checked: chosen });
  radio.addEventListener("change", () => onPick(place));
  return el(
    "li",
    { class: "site-place", "data-place": place.properties.id, "data-demonstration": place.properties.demonstration?.type ?? null },
    radio,
    el("label", { for: id, class: "site-place-label" }, el("span", { class: "site-place-name" }, placeName(place)), el("span", { class: "site-place-meta" }, placeFacts(place))),
  );
}

/** The picker; it loads the city's places itself, again when the city changes and on `reload`. */
export function sitePlacePicker(options: PlacePickerOptions): { element: HTMLElement; reload: () => Promise<void> } {
  let places: PlaceFeature[] = [];
  let chosenId = options.placeId;
  const regionSelect = el("select", { id: "site-region", class: "select" }, ...options.regions.map((r) => el("option", { value: r.id, selected: r.id === options.regionId }, pick(r.name))));
  const search = el("input", { id: "site-search", type: "search", class: "input", autocomplete: "off", placeholder: t("sitePlaceSearchHint"), "aria-controls": "site-place-list" });
  const list = el("fieldset", { class: "site-places", id: "site-place-list" });
  const draw = (): void => {
    const matching = places.filter((p) => matchesName(p, search.value)).sort((a, b) => placeName(a).localeCompare(placeName(b), getLanguage() === "zh" ? "zh-CN" : "en"));
    const shown = matching.slice(0, SHOWN);
    const onPick = (place: PlaceFeature): void => {
      chosenId = place.properties.id;
      options.onPick(place);
    };
    replaceChildren(
      list,
      el("legend", { class: "field-label" }, t("sitePlaces", { n: matching.length })),
      shown.length > 0 ? el("ul", { class: "site-place-list" }, ...shown.map((p, i) => placeItem(p, i, p.properties.id === chosenId, onPick))) : el("p", { class: "empty-note" }, t("siteNoPlaces")),
      matching.length > shown.length ? el("p", { class: "muted" }, t("sitePlacesMore", { n: matching.length - shown.length })) : null,
    );
  };
  const load = async (regionId: string): Promise<void> => {
    list.dataset.state = "loading";
    replaceChildren(list, el("p", { class: "loading-note" }, t("loading")));
    try {
      places = await fetchRegionPlaces(regionId);
      draw();
      list.dataset.state = "ready";
    } catch (error) {
      replaceChildren(list, el("p", { class: "error-note", role: "alert" }, errorText(error)));
      list.dataset.state = "failed";
    }
  };
  search.addEventListener("input", draw);
  regionSelect.addEventListener("change", () => void load(regionSelect.value));
  void load(options.regionId);
  const element = el(
    "div",
    { class: "site-place-picker" },
    el("div", { class: "form-field" }, el("label", { for: "site-region", class: "field-label" }, t("region")), regionSelect),
    el("div", { class: "form-field" }, el("label", { for: "site-search", class: "field-label" }, t("sitePlaceSearch")), search),
    list,
  );
  return { element, reload: () => load(regionSelect.value) };
}
