/**
 * The map's service worker (docs/GUIDES-EVENTS-LIVE.md, "Offline app"): what a family saw
 * opens again on a phone with no signal.
 *
 * - Pages: network first; without a network the copy kept of the page (a guide page of any
 *   id falls back to the page without its query, which then reads its guide from the cache).
 * - Hashed assets (/assets/*-<hash>.*): cache first, they never change. Other files of the
 *   build (the manifest, icons): the cache at once, refreshed behind.
 * - Tiles: the cache at once when there, refreshed behind (stale-while-revalidate).
 * - Public API answers (regions, places, guides, events): network first, a copy kept with the
 *   time it was fetched (`x-tongxing-cached-at`); without a network the copy, marked
 *   `x-tongxing-offline: 1`, so the page can say it shows offline data and from when
 *   (web/src/shared/data-freshness.ts; the page reads the marks, the worker keeps no memory
 *   of them, since a browser stops an idle worker when it likes).
 *   Members' and staff answers are never kept: they pass through.
 * - What a family saves (收藏: places, guides) goes into a cache of its own that is never
 *   trimmed, at the page's request (`{type: "keep", urls}`), and leaves it on `{type: "drop"}`.
 *
 * A plain script (not a module, not bundled): served at /sw.js so its scope is the whole
 * app, and revalidated on every visit (no-cache) so a new build is found at once.
 */
"use strict";

const VERSION = "1";
const SHELL = `tongxing-shell-${VERSION}`;
const DATA = `tongxing-data-${VERSION}`;
const SAVED = `tongxing-saved-${VERSION}`;
const CACHED_AT = "x-tongxing-cached-at";
const OFFLINE = "x-tongxing-offline";
/** Tiles and API answers kept beside the saved ones; the oldest go first. */
const MAX_DATA_ENTRIES = 800;
/** Pages and build files: older builds' hashed files go first (the current build's are the newest). */
const MAX_SHELL_ENTRIES = 300;

const PUBLIC_API = /^\/api\/(regions|places|guides|events)(\/|$)/;
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** What kind of request this is for the cache, or null to leave it to the network. */
function requestKind(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  if ((request.headers.get("accept") || "").includes("text/event-stream")) return null;
  if (request.mode === "navigate") return "page";
  if (url.pathname.startsWith("/api/")) return PUBLIC_API.test(url.pathname) ? "api" : null;
  if (url.pathname.startsWith("/tiles/")) return "tile";
  if (HASHED_ASSET.test(url.pathname)) return "asset";
  if (url.pathname.endsWith(".html")) return "page";
  return "file";
}

/** A copy of `response` carrying the time it was fetched (a header), to keep. */
async function stamped(response, now = Date.now()) {
  const headers = new Headers(response.headers);
  headers.set(CACHED_AT, new Date(now).toISOString());
  const body = response.status === 204 ? null : await response.clone().arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** `response` (a kept copy) marked as served without the network. */
function markedOffline(response) {
  const headers = new Headers(response.headers);
  headers.set(OFFLINE, "1");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

let puts = 0;

/** Keeps a copy in `cacheName`; now and then trims the data cache to its size. */
async function keep(cacheName, request, response) {
  // 204: an empty tile (sea, no data), kept like any other so the map draws it offline.
  if (!response || (response.status !== 200 && response.status !== 204) || response.type === "opaque") return;
  const cache = await caches.open(cacheName);
  await cache.put(request, await stamped(response));
  if (cacheName !== SAVED && ++puts % 50 === 0) await trim(cache, cacheName === DATA ? MAX_DATA_ENTRIES : MAX_SHELL_ENTRIES);
}

async function trim(cache, max) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

/**
 * The kept copy of `request`: the saved cache first, then the others. Whatever its Vary says
 * (answers vary by language only in their error texts, which are never kept).
 */
async function kept(request, options = {}) {
  for (const name of [SAVED, DATA, SHELL]) {
    const hit = await (await caches.open(name)).match(request, { ignoreVary: true, ...options });
    if (hit) return hit;
  }
  return undefined;
}

/** The answer when there is neither a network nor a kept copy. */
function nothingKept(request) {
  const english = (request.headers.get("accept-language") || "").toLowerCase().startsWith("en");
  const message = english ? "you are offline and this was not saved on this phone" : "现在没有网络，这份数据没有保存在这台手机上";
  return new Response(JSON.stringify({ code: "offline", message, field: null }), { status: 503, headers: { "content-type": "application/json; charset=utf-8", [OFFLINE]: "1" } });
}

async function networkFirst(event, kind) {
  const { request } = event;
  try {
    // An API answer asks the server each time (revalidating what the browser's HTTP cache
    // holds), so one it gives back is live: a copy the HTTP cache gave without a network
    // would pass as live and hide that the page shows offline data.
    const response = await fetch(kind === "api" ? new Request(request, { cache: "no-cache" }) : request);
    if (response.ok) event.waitUntil(keep(kind === "page" ? SHELL : DATA, request, response.clone()));
    return response;
  } catch (error) {
    let copy = await kept(request);
    // A page of any query (guides.html?id=…) falls back to the page itself; any other path of
    // the single-page app falls back to the app.
    if (!copy && kind === "page") copy = (await kept(request, { ignoreSearch: true })) || (await kept(new Request(new URL("/", request.url))));
    if (!copy) {
      if (kind === "api") return nothingKept(request);
      throw error;
    }
    return markedOffline(copy);
  }
}

async function cacheFirst(event) {
  const copy = await kept(event.request);
  if (copy) return copy;
  const response = await fetch(event.request);
  event.waitUntil(keep(SHELL, event.request, response.clone()));
  return response;
}

async function staleWhileRevalidate(event, cacheName) {
  const copy = await kept(event.request);
  const refresh = fetch(event.request).then(
    async (response) => {
      await keep(cacheName, event.request, response.clone());
      return response;
    },
    () => undefined,
  );
  event.waitUntil(refresh);
  if (copy) return copy;
  const response = await refresh;
  return response || new Response("", { status: 504, headers: { [OFFLINE]: "1" } });
}

/** True for a same-origin address whose answer may be kept (never a member's or staff answer). */
function keepable(href) {
  const url = new URL(href);
  return url.origin === self.location.origin && (!url.pathname.startsWith("/api/") || PUBLIC_API.test(url.pathname));
}

/** Same-origin scripts, styles, icons and the manifest a page names (to keep a page whole). */
function pageFiles(html, base) {
  const files = new Set();
  for (const match of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
    const url = new URL(match[1], base);
    if (url.origin === new URL(base).origin && /\.(m?js|css|webmanifest|png|svg)$/.test(url.pathname)) files.add(url.href);
  }
  return [...files];
}

/** The x/y of the tile holding lon/lat at zoom z (Web Mercator; as region-tiles.ts). */
function tileOf(lon, lat, z) {
  const n = 2 ** z;
  const rad = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/** The basemap tiles around a saved guide's stops (z12–14, at most 60), so its map draws offline. */
function guideTiles(answer) {
  const stops = (answer && answer.guide && Array.isArray(answer.guide.stops) ? answer.guide.stops : []).filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
  if (stops.length === 0) return [];
  const pad = 0.01;
  const west = Math.min(...stops.map((p) => p.lon)) - pad, east = Math.max(...stops.map((p) => p.lon)) + pad;
  const south = Math.min(...stops.map((p) => p.lat)) - pad, north = Math.max(...stops.map((p) => p.lat)) + pad;
  const urls = [];
  for (let z = 12; z <= 14; z++) {
    const [x0, y0] = tileOf(west, north, z);
    const [x1, y1] = tileOf(east, south, z);
    if (urls.length + (x1 - x0 + 1) * (y1 - y0 + 1) > 60) break;
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) urls.push(`/tiles/${z}/${x}/${y}.mvt`);
  }
  return urls;
}

/**
 * Fetches `urls` into `cacheName` (four at a time), with the files of any page and the tiles
 * of any guide among them; answers which of `urls` failed (a missing tile is no failure).
 */
async function keepAll(cacheName, urls) {
  const failed = [];
  const asked = new Set(urls.map((u) => new URL(u, self.location.origin).href));
  const queue = [...urls];
  const seen = new Set();
  async function next() {
    while (queue.length > 0) {
      const url = new URL(queue.shift(), self.location.origin).href;
      if (seen.has(url) || !keepable(url)) continue;
      seen.add(url);
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        if ((response.headers.get("content-type") || "").startsWith("text/html")) queue.push(...pageFiles(await response.clone().text(), url));
        if (/^\/api\/guides\/[^/]+$/.test(new URL(url).pathname)) queue.push(...guideTiles(await response.clone().json().catch(() => null)));
        await keep(HASHED_ASSET.test(new URL(url).pathname) ? SHELL : cacheName, url, response);
      } catch {
        if (asked.has(url)) failed.push(url);
      }
    }
  }
  await Promise.all([next(), next(), next(), next()]);
  return failed;
}

self.addEventListener("install", (event) => {
  event.waitUntil(keepAll(SHELL, ["/", "/manifest.webmanifest"]).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("tongxing-") && ![SHELL, DATA, SAVED].includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const kind = requestKind(event.request);
  if (kind === null) return;
  if (kind === "page" || kind === "api") event.respondWith(networkFirst(event, kind));
  else if (kind === "asset") event.respondWith(cacheFirst(event));
  else event.respondWith(staleWhileRevalidate(event, kind === "tile" ? DATA : SHELL));
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const reply = (message) => event.ports[0] && event.ports[0].postMessage(message);
  if (data.type === "keep" || data.type === "warm") {
    // "keep": a family's saved things, never trimmed; "warm": what the page fetched before
    // this worker controlled it (its first visit), kept like anything fetched later.
    const urls = (Array.isArray(data.urls) ? data.urls : []).filter((u) => typeof u === "string").slice(0, 400);
    event.waitUntil(keepAll(data.type === "keep" ? SAVED : DATA, urls).then((failed) => reply({ failed })));
  } else if (data.type === "drop") {
    const urls = (Array.isArray(data.urls) ? data.urls : []).filter((u) => typeof u === "string");
    event.waitUntil(caches.open(SAVED).then(async (cache) => {
      for (const url of urls) await cache.delete(new URL(url, self.location.origin).href);
      reply({ dropped: urls.length });
    }));
  }
});
