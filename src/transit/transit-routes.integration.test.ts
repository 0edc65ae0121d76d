/**
 * The transit routes over HTTP on each database (SQLite, and PostgreSQL when the test
 * command started one): S48 imported from its zip (a broken feed refused and nothing
 * changed), Monaco's bus lines from its OSM extract with walking legs on its streets,
 * a synthetic city for the stroller; journeys, reasons for none, refusals, departures, stops.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JourneyAnswer, journeyAnswer, departuresAnswer, stopsAnswer } from "../core/api/transit.ts";
import { readOsmFile } from "../osm/index.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import type { Database } from "../platform/database/database.ts";
import { createHttpApp } from "../platform/http/app.ts";
import { createTestDatabase, testDialects } from "../platform/testing/test-databases.ts";
import { RoutePlanner, buildRoutingData, buildStreetNetwork } from "../routing/index.ts";
import { transitMigrations } from "./migrations.ts";
import { syntheticGtfs } from "./synthetic-feed.ts";
import { importGtfs, importOsmBusLines } from "./transit-import.ts";
import { OSM_DIR, S48_ZIP } from "./transit-fixtures.ts";
import { transitRoutes } from "./transit-routes.ts";
import { TransitNetworks } from "./transit-service.ts";
import { readZip } from "./zip-reader.ts";
import { encodeZip } from "./zip-writer.ts";

const MONACO = readOsmFile(path.join(OSM_DIR, "monaco-2019-09-30.osm.pbf"));
const planner = new RoutePlanner([buildRoutingData("monaco", buildStreetNetwork(MONACO))]);

/** S48 near its two ends (Staten Island) and Monaco across the harbour. */
const S48_FROM = "40.6415,-74.0762", S48_TO = "40.6292,-74.1165";
const MONACO_FROM = "43.7310,7.4190", MONACO_TO = "43.7465,7.4300";

for (const dialect of testDialects()) {
  describe(`transit over HTTP (${dialect})`, () => {
    let db: Database;
    let app: FastifyInstance;
    let base = "";
    let drop: () => Promise<void> = async () => undefined;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-transit-"));
    const get = async (q: string) => {
      const response = await fetch(base + q);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    beforeAll(async () => {
      const database = await createTestDatabase(dialect);
      drop = database.drop;
      db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: database.url }, transitMigrations);
      expect(await importGtfs(db, "s48", S48_ZIP)).toMatchObject({ regionId: "s48", routes: 1, trips: 176 });
      const s48 = Object.fromEntries([...readZip(fs.readFileSync(S48_ZIP))].map(([n, f]) => [n, f()]));
      const broken = await importGtfs(db, "s48", encodeZip({ ...s48, "agency.txt": "agency_name,agency_timezone\nX,Nowhere/None\n" }), "broken.zip");
      expect(broken).toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ file: "agency.txt", line: 2, column: "agency_timezone" })]) });
      expect(await importOsmBusLines(db, "monaco", MONACO, { timeZone: "Europe/Monaco" })).toMatchObject({ source: "osm", estimated: true });
      const synthetic = syntheticGtfs({ side: 12, routes: 20, stopsPerRoute: 10, tripsPerDirection: 40, seed: 3 });
      expect(await importGtfs(db, "synthetic", encodeZip(Object.fromEntries([...synthetic].map(([n, f]) => [n, f().toString("utf8")]))))).toMatchObject({ routes: 20 });
      const networks = await TransitNetworks.load(db);
      app = await createHttpApp({ logLevel: "silent", webRoot: null });
      await app.register(transitRoutes, { networks, planner, hasRegion: (id) => ["monaco", "s48", "synthetic", "nanjing"].includes(id), timeZoneOf: () => "Asia/Shanghai" });
      base = await app.listen({ port: 0, host: "127.0.0.1" });
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await db?.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("plans S48 bus journeys on a weekday, in New York time, the broken import having changed nothing", async () => {
      const { status, body } = await get(`/api/journey?from=${S48_FROM}&to=${S48_TO}&depart=2026-10-15T08:00&lang=en`);
      expect(status).toBe(200);
      const answer = journeyAnswer.parse(body);
      expect(answer.region).toBe("s48");
      const bus = answer.journeys.find((j) => j.kind === "transit")!;
      expect(bus.legs[0]!.mode).toBe("walk");
      const ride = bus.legs.find((l) => l.mode === "bus")!;
      expect(ride).toMatchObject({ line: { name: "S48", colour: "#ee352e" } });
      expect("stops" in ride && ride.stops).toBeGreaterThan(3);
      expect(bus.departure).toMatch(/^2026-10-15T0[78]:\d\d:\d\d-04:00$/);
      expect(Date.parse(bus.legs[1]!.departure)).toBeGreaterThanOrEqual(Date.parse("2026-10-15T08:00:00-04:00"));
      expect(bus.legs[0]!.mode === "walk" && bus.legs[0]!.straightLine).toBe(true);
      expect(bus.estimated).toBe(false);
    });

    it("plans arrive-by journeys that arrive in time", async () => {
      const { body } = await get(`/api/journey?from=${S48_FROM}&to=${S48_TO}&arrive=2026-10-15T17:30`);
      const answer = journeyAnswer.parse(body);
      const bus = answer.journeys.find((j) => j.kind === "transit")!;
      expect(Date.parse(bus.arrival)).toBeLessThanOrEqual(Date.parse("2026-10-15T17:30:00-04:00"));
      expect(Date.parse(bus.arrival)).toBeGreaterThan(Date.parse("2026-10-15T16:00:00-04:00"));
    });

    it.each([
      ["a Sunday", "2026-10-18T10:00", "no_service_that_day"],
      ["a holiday removed by calendar_dates", "2026-11-26T10:00", "no_service_that_day"],
      ["a day beyond the feed", "2031-10-15T10:00", "outside_feed_dates"],
    ])("says why there is no bus on %s", async (_what, depart, reason) => {
      const { status, body } = await get(`/api/journey?from=${S48_FROM}&to=${S48_TO}&depart=${depart}`);
      expect(status).toBe(200);
      const answer = journeyAnswer.parse(body);
      expect(answer.noJourney?.reason).toBe(reason);
      expect(answer.noJourney?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(answer.journeys.every((j) => j.kind === "walk")).toBe(true);
    });

    it("answers a region without transit data with the reason", async () => {
      const { status, body } = await get("/api/journey?region=nanjing&from=32.0410,118.7780&to=32.0450,118.7850&lang=en");
      expect(status).toBe(200);
      expect(journeyAnswer.parse(body).noJourney).toEqual({ reason: "no_transit_data", message: "this region has no transit data yet" });
    });

    it("walks Monaco's access legs on its streets and says the headways are estimates", async () => {
      const { body } = await get(`/api/journey?from=${MONACO_FROM}&to=${MONACO_TO}&depart=2026-10-15T09:00&max_walk_m=800`);
      const answer: JourneyAnswer = journeyAnswer.parse(body);
      expect(answer.region).toBe("monaco");
      expect(answer.journeys.some((j) => j.kind === "walk")).toBe(true);
      const bus = answer.journeys.find((j) => j.kind === "transit")!;
      expect(bus.estimated).toBe(true);
      expect(bus.warnings.map((w) => w.type)).toContain("estimated_times");
      const walk = bus.legs[0]!;
      expect(walk.mode === "walk" && !walk.straightLine && walk.instructions.length > 0).toBe(true);
      const ride = bus.legs.find((l) => l.mode === "bus");
      expect(ride && "frequency" in ride && ride.frequency?.estimated).toBe(true);
    });

    it("keeps a stroller off stops known not to be step-free", async () => {
      const { body } = await get(`/api/journey?region=synthetic&from=31.9510,118.7010&to=31.9700,118.7200&depart=2026-10-15T09:00&profile=stroller&max_walk_m=1500`);
      const answer = journeyAnswer.parse(body);
      const rides = answer.journeys.flatMap((j) => j.legs).flatMap((l) => (l.mode === "walk" ? [] : [l]));
      expect(rides.length).toBeGreaterThan(0);
      for (const r of rides) expect([r.from.stepFree, r.to.stepFree]).not.toContain(false);
    });

    it("answers the one earliest arrival with criteria=fastest, leaving at or after the time or arriving by it", async () => {
      const trip = "region=synthetic&from=31.9510,118.7010&to=31.9700,118.7200&max_walk_m=1500";
      const transit = (body: unknown) => journeyAnswer.parse(body).journeys.filter((j) => j.kind === "transit");
      const pareto = transit((await get(`/api/journey?${trip}&depart=2026-10-15T09:00`)).body);
      const fastest = transit((await get(`/api/journey?${trip}&depart=2026-10-15T09:00&criteria=fastest`)).body);
      expect(pareto.length).toBeGreaterThan(0);
      expect(fastest).toHaveLength(1);
      const [one] = fastest;
      expect(Date.parse(one!.departure)).toBeGreaterThanOrEqual(Date.parse("2026-10-15T09:00:00+08:00"));
      for (const j of pareto) expect(Date.parse(one!.arrival)).toBeLessThanOrEqual(Date.parse(j.arrival));
      // Its legs are a journey one can make: each ride boarded after the leg before it ends.
      for (let i = 1; i < one!.legs.length; i++) expect(Date.parse(one!.legs[i]!.departure)).toBeGreaterThanOrEqual(Date.parse(one!.legs[i - 1]!.arrival));
      const byNine = transit((await get(`/api/journey?${trip}&arrive=2026-10-15T09:00&criteria=fastest`)).body);
      const byNinePareto = transit((await get(`/api/journey?${trip}&arrive=2026-10-15T09:00`)).body);
      expect(byNine).toHaveLength(1);
      expect(Date.parse(byNine[0]!.arrival)).toBeLessThanOrEqual(Date.parse("2026-10-15T09:00:00+08:00"));
      for (const j of byNinePareto) expect(Date.parse(byNine[0]!.departure)).toBeGreaterThanOrEqual(Date.parse(j.departure));
    });

    it.each([
      ["a criteria that does not exist", `from=${S48_FROM}&to=${S48_TO}&criteria=cheapest`, 400, "criteria"],
      ["a position that is not lat,lon", "from=abc&to=43.74,7.42", 400, "from"],
      ["depart and arrive together", `from=${S48_FROM}&to=${S48_TO}&depart=2026-10-15T08:00&arrive=2026-10-15T09:00`, 400, "arrive"],
      ["an unknown region", `from=${S48_FROM}&to=${S48_TO}&region=atlantis`, 404, "region"],
      ["places far from every network", "from=-33.86,151.20&to=-33.87,151.21", 400, "from"],
      ["a walking budget too large", `from=${S48_FROM}&to=${S48_TO}&max_walk_m=99999`, 400, "max_walk_m"],
      ["an impossible date", `from=${S48_FROM}&to=${S48_TO}&depart=2026-02-31T08:00`, 400, "depart"],
    ])("refuses %s in the usual error shape", async (_what, query, status, field) => {
      const answer = await get(`/api/journey?${query}&lang=en`);
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ field });
      expect(typeof answer.body.code).toBe("string");
      expect(answer.body.message).toMatch(/[a-z]/);
    });

    it("lists a stop's next departures, in order", async () => {
      const { status, body } = await get("/api/transit/departures?region=s48&stop=200176&at=2026-10-15T08:00&limit=5");
      expect(status).toBe(200);
      const answer = departuresAnswer.parse(body);
      expect(answer.stop.name).toBe("BAY ST/NICK LAPORTE PL");
      expect(answer.departures).toHaveLength(5);
      const times = answer.departures.map((d) => Date.parse(d.departure));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThanOrEqual(Date.parse("2026-10-15T08:00:00-04:00"));
      expect((await get("/api/transit/departures?region=s48&stop=nope")).status).toBe(404);
    });

    it("lists the stops in view with their lines", async () => {
      const { body } = await get("/api/transit/stops?bbox=7.40,43.72,7.44,43.76");
      const answer = stopsAnswer.parse(body);
      expect(answer.features.length).toBeGreaterThan(10);
      expect(answer.features[0]!.properties.lines.length).toBeGreaterThan(0);
    });
  });
}
