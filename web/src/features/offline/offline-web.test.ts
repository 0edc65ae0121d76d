/**
 * The page's side of the offline app: which tiles a first visit keeps, which addresses it hands
 * the worker, what a saved thing needs offline, and the banner's words for "from when".
 */
import { describe, expect, it } from "vitest";
import { cachedAtText } from "./offline-banner.ts";
import { regionTileUrls, tileOf } from "./region-tiles.ts";
import { fetchedSoFar, savedUrls } from "./service-worker-client.ts";

const MONACO: [number, number, number, number] = [7.4092128, 43.7253151, 7.4388185, 43.7514147];

describe("offline app, page side", () => {
  it("finds the tiles over a region, lower zooms first, within the limit", () => {
    // Monaco's first view at z13 is two tiles of the server's 24 (the basemap cut from the sample).
    expect(tileOf(7.4240, 43.7384, 13)).toEqual({ x: 4264, y: 2987 });
    const urls = regionTileUrls(MONACO, 11, 14, 120);
    expect(urls[0]).toBe("/tiles/11/1066/746.mvt");
    expect(urls.filter((u) => u.startsWith("/tiles/14/")).length).toBeGreaterThan(2);
    expect(new Set(urls).size).toBe(urls.length);
    // A whole zoom or none: the limit never cuts a zoom in half.
    const small = regionTileUrls(MONACO, 11, 14, 5);
    expect(small.every((u) => !u.startsWith("/tiles/14/"))).toBe(true);
    expect(small.length).toBeLessThanOrEqual(5);
  });

  it("hands the worker only this site's addresses, once each", () => {
    const origin = "http://127.0.0.1:8080";
    const entries = [{ name: `${origin}/` }, { name: `${origin}/assets/index-AbCdEf12.js` }, { name: "https://elsewhere.example/x.js" }, { name: `${origin}/assets/index-AbCdEf12.js` }];
    expect(fetchedSoFar(entries, origin)).toEqual([`${origin}/`, `${origin}/assets/index-AbCdEf12.js`]);
  });

  it("keeps a saved place's answer, and a saved guide's answer and page", () => {
    expect(savedUrls("place", "osm:n123")).toEqual(["/api/places/osm%3An123"]);
    expect(savedUrls("guide", "g1")).toEqual(["/api/guides/g1", "/guides.html?id=g1"]);
  });

  it("says from when the data is: the time today, the date before, in the page's language", () => {
    const now = new Date(2026, 11, 3, 10, 0);
    expect(cachedAtText(new Date(2026, 11, 3, 9, 5).toISOString(), "zh", now)).toBe("今天 09:05");
    expect(cachedAtText(new Date(2026, 10, 28, 18, 30).toISOString(), "zh", now)).toMatch(/11.*28.*18:30/);
    expect(cachedAtText(new Date(2026, 11, 3, 9, 5).toISOString(), "en", now)).toBe("today 09:05");
    expect(cachedAtText(new Date(2025, 10, 28, 18, 30).toISOString(), "en", now)).toMatch(/28 Nov 2025.*18:30/);
    expect(cachedAtText("not a date", "en", now)).toBe("?");
  });
});
