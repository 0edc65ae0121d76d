/**
 * Where the region shown has no street data yet (no basemap, no routing: Hengyang today),
 * a plain notice over the map says so and offers the sample cities (regions with a basemap)
 * in one tap. It can be put away; it comes back when another such region is chosen.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import type { Region } from "../../shared/api.ts";
import { onLanguageChange, pick } from "../../shared/i18n.ts";
import { currentRegion, type AppState, type Store } from "../../shared/store.ts";
import { t } from "./region-messages.ts";

/** True when the region has no streets to show or route on. */
export function lacksStreets(region: Region): boolean {
  return !region.hasBasemap || !region.routes;
}

/** Mounts the notice in `container` (over the map), hidden until a region without streets is shown. */
export function mountRegionNotice(container: HTMLElement, store: Store<AppState>): void {
  const notice = el("aside", { id: "region-notice", class: "region-notice", "aria-labelledby": "region-notice-text", hidden: true });
  container.append(notice);
  let dismissed: string | null = null;

  const render = (): void => {
    const state = store.get();
    const region = currentRegion(state);
    const samples = state.regions.filter((r) => r.hasBasemap && r.id !== region?.id);
    if (!region || !lacksStreets(region) || dismissed === region.id) {
      notice.hidden = true;
      return;
    }
    const buttons = samples.map((sample) => {
      const button = el("button", { type: "button", class: "region-notice-sample", "data-region": sample.id }, pick(sample.name));
      button.addEventListener("click", () => store.update({ regionId: sample.id, selectedId: null }));
      return button;
    });
    const close = el("button", { type: "button", class: "region-notice-close" }, t("regionNoticeClose"));
    close.addEventListener("click", () => {
      dismissed = region.id;
      render();
    });
    replaceChildren(
      notice,
      el("p", { id: "region-notice-text", class: "region-notice-text" }, t("regionNoStreets", { city: pick(region.name) })),
      samples.length > 0 ? el("p", { class: "region-notice-offer" }, t("regionTrySample")) : null,
      el("div", { class: "region-notice-actions" }, ...buttons, close),
    );
    notice.dataset.region = region.id;
    notice.hidden = false;
  };

  store.subscribe((state, previous) => {
    if (state.regions !== previous.regions || state.regionId !== previous.regionId) render();
  });
  onLanguageChange(render);
  render();
}
