/**
 * The service worker's strategies, on web/public/sw.js itself (sw-harness.ts): what it keeps,
 * what it answers without a network and how it marks what it gave from its cache.
 */
import { describe, expect, it } from "vitest";
import { loadWorker } from "./sw-harness.ts";

const json = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
const html = (text: string) => () => new Response(text, { status: 200, headers: { "content-type": "text/html" } });

describe("the service worker", () => {
  it("keeps public API answers and gives them back offline, marked with the time they were fetched", async () => {
    const w = loadWorker();
    w.answers.set("/api/places?region=monaco", json({ type: "FeatureCollection", features: [] }));
    const online = await w.fetch("/api/places?region=monaco");
    expect(online).not.toBe("not handled");
    expect((online as Response).headers.get("x-tongxing-offline")).toBeNull();
    w.online = false;
    const offline = (await w.fetch("/api/places?region=monaco")) as Response;
    expect(offline.status).toBe(200);
    expect(offline.headers.get("x-tongxing-offline")).toBe("1");
    expect(Date.now() - Date.parse(offline.headers.get("x-tongxing-cached-at") ?? "")).toBeLessThan(60_000);
    expect(await offline.json()).toEqual({ type: "FeatureCollection", features: [] });
    // The network back: live answers again, unmarked.
    w.online = true;
    expect(((await w.fetch("/api/places?region=monaco")) as Response).headers.get("x-tongxing-offline")).toBeNull();
  });

  it("answers 503 offline for public data it never kept, in the request's language", async () => {
    const w = loadWorker();
    w.online = false;
    const zh = (await w.fetch("/api/places/osm:n1")) as Response;
    expect(zh.status).toBe(503);
    expect(await zh.json()).toMatchObject({ code: "offline", message: expect.stringMatching(/没有网络/) });
    const en = (await w.fetch("/api/places/osm:n1", { headers: { "accept-language": "en" } })) as Response;
    expect(await en.json()).toMatchObject({ message: expect.stringMatching(/offline/) });
  });

  it("never keeps members' or staff answers, changes or the live stream", async () => {
    const w = loadWorker();
    expect(await w.fetch("/api/members/me/favourites")).toBe("not handled");
    expect(await w.fetch("/api/auth/me")).toBe("not handled");
    expect(await w.fetch("/api/live")).toBe("not handled");
    expect(await w.fetch("/api/places?region=monaco", { method: "POST" })).toBe("not handled");
    expect(await w.fetch("/api/places", { headers: { accept: "text/event-stream" } })).toBe("not handled");
    expect(await w.message({ type: "keep", urls: ["/api/members/me/favourites", "/api/auth/me"] })).toEqual({ failed: [] });
    expect(w.network).toEqual([]);
  });

  it("opens the app and any guide page offline from what it kept", async () => {
    const w = loadWorker();
    w.answers.set("/", html('<script type="module" src="/assets/index-AbCdEf12.js"></script><link rel="manifest" href="/manifest.webmanifest">'));
    w.answers.set("/assets/index-AbCdEf12.js", () => new Response("console.log(1)", { headers: { "content-type": "text/javascript" } }));
    w.answers.set("/manifest.webmanifest", json({ name: "童行" }));
    w.answers.set("/guides.html?id=g1", html("<p>guide page</p>"));
    w.answers.set("/api/guides/g1", json({ guide: { id: "g1", stops: [{ lon: 7.4240, lat: 43.7384 }, { lon: 7.4260, lat: 43.7390 }] } }));
    w.answers.set("/tiles/14/8529/5974.mvt", () => new Response("guide tile", { headers: { "content-type": "application/x-protobuf" } }));
    await w.install();
    expect([...w.caches.get("tongxing-shell-1")!.entries.keys()].map((u) => new URL(u).pathname).sort()).toEqual(["/", "/assets/index-AbCdEf12.js", "/manifest.webmanifest"]);
    expect(await w.message({ type: "keep", urls: ["/api/guides/g1", "/guides.html?id=g1"] })).toEqual({ failed: [] });
    w.online = false;
    expect(await ((await w.fetch("/?region=monaco", { mode: "navigate" })) as Response).text()).toContain("index-AbCdEf12.js");
    expect(await ((await w.fetch("/assets/index-AbCdEf12.js")) as Response).text()).toBe("console.log(1)");
    expect(await ((await w.fetch("/guides.html?id=g1", { mode: "navigate" })) as Response).text()).toBe("<p>guide page</p>");
    // Another guide's page: the page without its query, which then asks for its guide.
    expect(await ((await w.fetch("/guides.html?id=g2", { mode: "navigate" })) as Response).text()).toBe("<p>guide page</p>");
    expect(await ((await w.fetch("/api/guides/g1")) as Response).json()).toMatchObject({ guide: { id: "g1" } });
    // The tiles around its stops were asked for with it (z12–14), so its map draws offline.
    expect(w.network.filter((p) => p.startsWith("/tiles/12/")).length).toBeGreaterThan(0);
    expect(await ((await w.fetch("/tiles/14/8529/5974.mvt")) as Response).text()).toBe("guide tile");
    // Unsaved, it leaves the saved cache.
    expect(await w.message({ type: "drop", urls: ["/api/guides/g1"] })).toEqual({ dropped: 1 });
    expect((await w.fetch("/api/guides/g1")) as Response).toMatchObject({ status: 503 });
  });

  it("serves kept tiles at once and refreshes them behind; hashed assets never ask the network again", async () => {
    const w = loadWorker();
    let version = 1;
    w.answers.set("/tiles/13/4270/2994.mvt", () => new Response(`tile ${version}`, { headers: { "content-type": "application/x-protobuf" } }));
    w.answers.set("/assets/flat-map-B78CKMmS.js", () => new Response("map", { headers: { "content-type": "text/javascript" } }));
    expect(await ((await w.fetch("/tiles/13/4270/2994.mvt")) as Response).text()).toBe("tile 1");
    version = 2;
    expect(await ((await w.fetch("/tiles/13/4270/2994.mvt")) as Response).text()).toBe("tile 1");
    expect(await ((await w.fetch("/tiles/13/4270/2994.mvt")) as Response).text()).toBe("tile 2");
    await w.fetch("/assets/flat-map-B78CKMmS.js");
    await w.fetch("/assets/flat-map-B78CKMmS.js");
    expect(w.network.filter((p) => p.startsWith("/assets/"))).toEqual(["/assets/flat-map-B78CKMmS.js"]);
    w.online = false;
    expect(await ((await w.fetch("/tiles/13/4270/2994.mvt")) as Response).text()).toBe("tile 2");
    expect(((await w.fetch("/tiles/13/1/1.mvt")) as Response).status).toBe(504);
    // An empty tile (204) is kept too, so the sea draws offline.
    w.online = true;
    w.answers.set("/tiles/13/0/0.mvt", () => new Response(null, { status: 204 }));
    await w.fetch("/tiles/13/0/0.mvt");
    w.online = false;
    expect(((await w.fetch("/tiles/13/0/0.mvt")) as Response).status).toBe(204);
  });
});
