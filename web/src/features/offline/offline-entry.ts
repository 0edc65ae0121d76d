/**
 * The offline app's hook in the map page (web/index.html names it beside main.ts): once the
 * map has drawn its first frame, or the page has been loaded for a while without one, it
 * loads the rest (offline-app.ts), so the service worker and the banner never slow the first
 * screen. Any page can include it; without a map it waits only for the page's load.
 */
const FIRST_FRAME_WAIT_MS = 8_000;

function whenMapReady(): Promise<void> {
  return new Promise((resolve) => {
    const app = document.getElementById("app");
    const ready = (): boolean => app?.dataset["mapReady"] === "true";
    if (!app || ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(app, { attributes: true, attributeFilter: ["data-map-ready"] });
    const fallback = (): void => void setTimeout(resolve, FIRST_FRAME_WAIT_MS);
    if (document.readyState === "complete") fallback();
    else addEventListener("load", fallback, { once: true });
  });
}

void whenMapReady()
  .then(() => import("./offline-app.ts"))
  .then(({ startOfflineApp }) => startOfflineApp())
  .catch((error: unknown) => console.warn("offline app not started", error));
