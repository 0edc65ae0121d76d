/**
 * The offline app, started after the first map frame (offline-entry.ts): the "offline data"
 * banner, the service worker, and on the first visit the files, answers and tiles the page
 * already fetched handed to the worker to keep, so the map opens without a network next time.
 */
import "./offline.css";
import { mountOfflineBanner } from "./offline-banner.ts";
import { fetchRegions } from "../../shared/api.ts";
import { regionTileUrls } from "./region-tiles.ts";
import { askWorker, fetchedSoFar, registerServiceWorker } from "./service-worker-client.ts";

/** At most this many basemap tiles of the region are kept on a first visit (about 1–2 MB). */
const FIRST_VISIT_TILES = 120;
/** Tiles go no deeper than the basemap does. */
const BASEMAP_MAX_ZOOM = 14;

/**
 * The vector tiles of the region the map shows (#app's data-region), when it has a basemap and
 * the map is MapLibre. A touch phone's picture map kept the pictures it showed already (they are
 * among what the page fetched); vector tiles it never asked for would only cost its data.
 */
async function shownRegionTiles(): Promise<string[]> {
  const id = document.getElementById("app")?.dataset["region"];
  if (!id || document.getElementById("map")?.dataset["mapKind"] === "picture") return [];
  const region = (await fetchRegions().catch(() => [])).find((r) => r.id === id);
  if (!region?.hasBasemap) return [];
  return regionTileUrls(region.bbox, Math.max(0, region.zoom - 2), BASEMAP_MAX_ZOOM, FIRST_VISIT_TILES);
}

export async function startOfflineApp(): Promise<void> {
  const element = document.getElementById("offline-banner");
  if (element) mountOfflineBanner(element);
  const controlledAtStart = Boolean(navigator.serviceWorker?.controller);
  const registration = await registerServiceWorker();
  if (!registration) return;
  document.documentElement.dataset["offlineReady"] = "true";
  if (controlledAtStart) return;
  const entries = [{ name: location.href }, ...performance.getEntriesByType("resource")];
  const urls = [...fetchedSoFar(entries, location.origin), ...(await shownRegionTiles())];
  await askWorker({ type: "warm", urls }, 120_000);
  document.documentElement.dataset["offlineWarm"] = "true";
}
