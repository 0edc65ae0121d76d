/**
 * The content of a place card: names in Chinese, pinyin and English, category badges, kind,
 * ages, facilities, opening hours, address, demonstration badge, location note and where the
 * data comes from. Builds DOM only; place-card.ts shows and hides it.
 */
import { CATEGORIES, isCategoryId } from "../../../../src/core/categories.ts";
import { FACILITIES, isFacilityId } from "../../../../src/core/facilities.ts";
import { kindLabel } from "../../../../src/core/kinds.ts";
import type { PlaceFeature } from "../../shared/api.ts";
import { paintWith } from "../../shared/colors.ts";
import { el, type Child } from "../../shared/dom.ts";
import { getLanguage, pick } from "../../shared/i18n.ts";
import { t } from "./place-card-messages.ts";
import { FACILITY_ICONS, iconElement } from "../../shared/icons.ts";
import { ageRangeText, dateText, demonstrationText, licenceText, openStatusText, sourceText } from "./place-format.ts";

function names(place: PlaceFeature, headingId: string): HTMLElement {
  const { zh, en, pinyin } = place.properties.name;
  const lang = getLanguage();
  const main = (lang === "zh" ? (zh ?? en) : (en ?? zh)) ?? kindLabel(place.properties.kind, lang);
  const mainLang = main === zh ? "zh-CN" : "en";
  const others: Child[] = [
    zh && zh !== main ? el("p", { class: "card-alt-name", lang: "zh-CN" }, zh) : null,
    pinyin ? el("p", { class: "card-pinyin", lang: "zh-Latn-pinyin" }, pinyin) : null,
    en && en !== main ? el("p", { class: "card-alt-name", lang: "en" }, en) : null,
  ];
  return el("div", { class: "card-names" }, el("h2", { id: headingId, class: "card-title", lang: mainLang, tabindex: -1 }, main), ...others);
}

function categoryBadges(place: PlaceFeature): HTMLElement {
  const lang = getLanguage();
  const badges = place.properties.categories.filter(isCategoryId).map((id) => {
    const badge = el("li", { class: "category-badge" }, iconElement(CATEGORIES[id].icon, "category-badge-icon"), pick(CATEGORIES[id]));
    paintWith(badge, CATEGORIES[id].color);
    return badge;
  });
  return el(
    "div",
    { class: "card-kind-row" },
    el("ul", { class: "category-badges" }, ...badges),
    el("span", { class: "card-kind" }, kindLabel(place.properties.kind, lang)),
  );
}

function fact(label: string, ...value: Child[]): HTMLElement {
  return el("div", { class: "card-fact" }, el("dt", {}, label), el("dd", {}, ...value));
}

function openingHours(place: PlaceFeature, today: string): HTMLElement {
  const { open, openingHours: hours } = place.properties;
  const status = el("span", { class: "open-status", "data-state": open.state }, openStatusText(open, today));
  const raw = hours ? el("span", { class: "opening-hours-raw", lang: "en" }, hours) : null;
  return fact(t("openingHours"), status, raw);
}

function facilities(place: PlaceFeature): HTMLElement {
  const ids = place.properties.facilities.filter(isFacilityId);
  // No facility recorded means nobody has said yet: unknown, never "none".
  if (ids.length === 0) return fact(t("facilities"), el("span", { class: "muted", "data-unknown": "facilities" }, t("noFacilities")));
  const items = ids.map((id) => el("li", { class: "facility" }, iconElement(FACILITY_ICONS[id], "facility-icon"), pick(FACILITIES[id])));
  return fact(t("facilities"), el("ul", { class: "facility-list" }, ...items));
}

/**
 * The note in the current language: notes may be written "中文 / English"; a note that only
 * repeats "location to be confirmed" gives way to our explanation of the precision.
 */
function noteText(note: string | null): string | null {
  if (note === null) return null;
  const parts = note.split(" / ");
  const picked = (parts.length === 2 ? parts[getLanguage() === "zh" ? 0 : 1] : note)?.trim() ?? note;
  return picked.toLowerCase() === t("locationUnconfirmed").toLowerCase() ? null : picked;
}

function locationNote(place: PlaceFeature): HTMLElement | null {
  const { precision, locationNote: note } = place.properties;
  if (precision === "exact") return null;
  const explanation = noteText(note) ?? t(precision === "district" ? "locationDistrict" : "locationApproximate");
  return el("p", { class: "card-note", role: "note" }, el("strong", {}, t("locationUnconfirmed")), " · ", explanation);
}

function demonstration(place: PlaceFeature): HTMLElement | null {
  const text = demonstrationText(place.properties);
  if (!text) return null;
  return el(
    "p",
    { class: "demo-badge" },
    iconElement("star", "demo-badge-icon"),
    el("strong", {}, t("demonstration")),
    el("span", {}, text),
  );
}

function provenance(place: PlaceFeature): HTMLElement {
  const { provenance: source, updatedAt } = place.properties;
  return el(
    "p",
    { class: "card-provenance" },
    `${t("source")}: `,
    el("span", { class: "card-source" }, sourceText(source.source)),
    ` · ${t("licence")}: `,
    el("span", { class: "card-licence" }, licenceText(source.licence)),
    ` · ${t("updated")} `,
    el("time", { datetime: updatedAt }, dateText(updatedAt)),
  );
}

/** The whole card body for a place; `today` is the date in the region's time zone. */
export function placeCardContent(place: PlaceFeature, headingId: string, today: string): HTMLElement[] {
  const { address, districtName } = place.properties;
  const facts = el(
    "dl",
    { class: "card-facts" },
    openingHours(place, today),
    fact(t("ageRange"), ageRangeText(place.properties)),
    facilities(place),
    address ? fact(t("address"), address) : null,
    districtName ? fact(t("district"), districtName) : null,
  );
  return [
    names(place, headingId),
    categoryBadges(place),
    demonstration(place),
    locationNote(place),
    facts,
    provenance(place),
  ].filter((node): node is HTMLElement => node !== null);
}
