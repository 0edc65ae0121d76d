/**
 * Choosing the city (region) the map shows. The list comes from GET /api/regions; the city's
 * own region (TONGXING_DEFAULT_REGION, marked `isDefault`) is the default, unless the address
 * asks for one (`?region=monaco`). The choice is kept in the address so a shared link opens
 * the same city. Where the region shown has no streets yet, a notice offers the sample cities.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import type { Region } from "../../shared/api.ts";
import { onLanguageChange, pick, t } from "../../shared/i18n.ts";
import type { AppState, Store } from "../../shared/store.ts";
import { mountRegionNotice } from "./region-notice.ts";

/** True for the region the server opens on (GET /api/regions marks it `isDefault`). */
function isDefault(region: Region): boolean {
  return (region as Region & { readonly isDefault?: unknown }).isDefault === true;
}

/**
 * The region to start with: the one in the address, else the server's default (the city the
 * plan belongs to), else the first with streets, else the first.
 */
export function defaultRegionId(regions: readonly Region[], search: string = location.search): string | null {
  const asked = new URLSearchParams(search).get("region");
  const chosen = regions.find((r) => r.id === asked) ?? regions.find(isDefault) ?? regions.find((r) => r.hasBasemap) ?? regions[0];
  return chosen?.id ?? null;
}

/** The attribution lines of a region's data (e.g. "© OpenStreetMap contributors"). */
export function attributionLines(region: Region | undefined): string[] {
  if (!region || region.attribution === null) return [];
  const lines = typeof region.attribution === "string" ? [region.attribution] : [...region.attribution];
  return lines.filter((line) => line.trim() !== "");
}

function rememberInAddress(regionId: string): void {
  const url = new URL(location.href);
  if (url.searchParams.get("region") === regionId) return;
  url.searchParams.set("region", regionId);
  history.replaceState(history.state, "", url);
}

/** Mounts a labelled <select> of regions in `container`. */
export function mountRegionPicker(container: HTMLElement, store: Store<AppState>): void {
  const select = el("select", { id: "region-select", class: "select region-select" });
  const label = el("label", { for: "region-select", class: "visually-hidden" });
  container.append(label, select);

  const render = (): void => {
    const { regions, regionId } = store.get();
    label.textContent = t("region");
    select.disabled = regions.length === 0;
    replaceChildren(
      select,
      ...regions.map((r) => el("option", { value: r.id, selected: r.id === regionId }, pick(r.name))),
    );
    if (regionId !== null) select.value = regionId;
  };

  select.addEventListener("change", () => {
    store.update({ regionId: select.value, selectedId: null });
  });
  store.subscribe((state, previous) => {
    if (state.regions !== previous.regions || state.regionId !== previous.regionId) render();
    if (state.regionId !== null && state.regionId !== previous.regionId) rememberInAddress(state.regionId);
  });
  onLanguageChange(render);
  render();
  mountRegionNotice(document.querySelector<HTMLElement>(".map-area") ?? container, store);
}
