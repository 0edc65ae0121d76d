/**
 * "Locate me": asks the browser for the user's position once, shows it on the map and
 * switches to the region the user is in. A refusal is answered kindly, never as an error.
 */
import { bboxContains } from "../../../../src/core/geo.ts";
import type { AppMap } from "../../map/app-map.ts";
import { el } from "../../shared/dom.ts";
import { onLanguageChange } from "../../shared/i18n.ts";
import { t } from "./locate-messages.ts";
import { iconElement } from "../../shared/icons.ts";
import type { AppState, Store } from "../../shared/store.ts";
import { announce } from "../../shared/toast.ts";
import { requestPosition } from "./geolocate.ts";

const CROSSHAIR =
  '<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15">' +
  '<path d="M7 0h1v2.05A5.5 5.5 0 0 1 12.95 7H15v1h-2.05A5.5 5.5 0 0 1 8 12.95V15H7v-2.05A5.5 5.5 0 0 1 2.05 8H0V7h2.05A5.5 5.5 0 0 1 7 2.05zm.5 3a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z"/>' +
  '<circle cx="7.5" cy="7.5" r="2.2"/></svg>';

async function locate(store: Store<AppState>, map: AppMap, button: HTMLButtonElement): Promise<void> {
  if (!("geolocation" in navigator)) {
    announce(t("locateUnavailable"), "warning");
    return;
  }
  button.setAttribute("aria-busy", "true");
  announce(t("locating"));
  try {
    const found = await requestPosition();
    if (!found.ok) {
      announce(t(found.reason === "denied" ? "locateDenied" : "locateUnavailable"), "warning");
      return;
    }
    const [lon, lat] = found.position;
    const region = store.get().regions.find((r) => bboxContains(r.bbox, lon, lat));
    if (!region) {
      announce(t("locateOutside"), "warning");
      return;
    }
    if (region.id !== store.get().regionId) store.update({ regionId: region.id, selectedId: null });
    store.update({ userPosition: [lon, lat] });
    await map.showUserLocation(lon, lat);
    announce(t("locateFound"));
  } finally {
    button.removeAttribute("aria-busy");
  }
}

/** Mounts the locate button in `container`. */
export function mountLocateButton(container: HTMLElement, store: Store<AppState>, map: AppMap): void {
  const label = el("span", { class: "button-label" });
  const button = el("button", { type: "button", id: "locate-button", class: "icon-button" }, iconElement(CROSSHAIR), label);
  const render = (): void => {
    label.textContent = t("locate");
    button.title = t("locate");
  };
  button.addEventListener("click", () => void locate(store, map, button));
  container.append(button);
  onLanguageChange(render);
  render();
}
