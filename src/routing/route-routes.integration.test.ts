/** GET /api/route over HTTP on the real Monaco streets, and its error contract. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

interface RouteBody {
  type: string;
  features: Array<{
    geometry: { type: string; coordinates: number[][] };
    properties: { label: string; profile: string; distanceM: number; durationS: number; instructions: Array<{ type: string; text: string }>; warnings: Array<{ type: string }> };
  }>;
}

const FROM = "43.7384,7.4246";
const TO = "43.7311,7.4197";

describe.each(testDialects())("route API on %s", (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("returns a child walking route as GeoJSON with Chinese instructions", async () => {
    const { status, body } = await t.get(`/api/route?from=${FROM}&to=${TO}&profile=child-walk`);
    expect(status).toBe(200);
    const route = (body as RouteBody).features[0]!;
    expect(route.geometry.type).toBe("LineString");
    expect(route.geometry.coordinates.length).toBeGreaterThan(10);
    expect(route.properties.distanceM).toBeGreaterThan(800);
    // A child walks about 1 m/s: the time is at least the distance in seconds.
    expect(route.properties.durationS).toBeGreaterThanOrEqual(route.properties.distanceM);
    const types = route.properties.instructions.map((i) => i.type);
    expect(types[0]).toBe("start");
    expect(types.at(-1)).toBe("arrive");
    expect(route.properties.instructions.some((i) => i.type === "cross" && /过/.test(i.text))).toBe(true);
  });

  it("speaks English when asked", async () => {
    const { body } = await t.get(`/api/route?from=${FROM}&to=${TO}&profile=child-walk&lang=en`);
    expect((body as RouteBody).features[0]!.properties.instructions.at(-1)!.text).toBe("You have arrived");
  });

  it("walks a child further than an adult for safety, and bikes faster", async () => {
    const get = async (profile: string) => ((await t.get(`/api/route?from=${FROM}&to=${TO}&profile=${profile}`)).body as RouteBody).features[0]!.properties;
    const [child, adult, bike] = await Promise.all([get("child-walk"), get("adult-walk"), get("child-bike")]);
    expect(child.distanceM).toBeGreaterThanOrEqual(adult.distanceM);
    expect(bike.durationS).toBeLessThan(child.durationS);
  });

  it("offers alternatives only as a list whose first is the safest", async () => {
    const { body } = await t.get(`/api/route?from=${FROM}&to=${TO}&profile=child-walk&alternatives=true`);
    const labels = (body as RouteBody).features.map((f) => f.properties.label);
    expect(labels[0]).toBe("safest");
    for (const label of labels.slice(1)) expect(label).toBe("shorter");
  });

  it.each([
    ["from=abc&to=43.73,7.42", 400, "invalid_parameter", "from"],
    ["from=43.73,7.42", 400, "invalid_parameter", "to"],
    ["from=91,7.42&to=43.73,7.42", 400, "invalid_parameter", "from"],
    ["from=43.73,7.42&to=43.73,7.42&profile=rocket", 400, "invalid_parameter", "profile"],
    ["from=26.9,112.6&to=26.91,112.61", 400, "outside_region", "from"],
    ["from=43.7384,7.4246&to=26.91,112.61", 400, "outside_region", "to"],
    ["from=NaN,7.42&to=43.73,7.42", 400, "invalid_parameter", "from"],
  ])("answers %s with %d %s", async (query, status, code, field) => {
    const { status: got, body } = await t.get(`/api/route?${query}`);
    expect(got).toBe(status);
    expect(body).toMatchObject({ code, field });
  });

  it("explains a refusal in the reader's language, Chinese when none is asked", async () => {
    const query = "from=26.9,112.6&to=26.91,112.61";
    expect((await t.get(`/api/route?${query}`)).body).toMatchObject({ code: "outside_region", message: "这个点不在有街道数据的地方" });
    expect((await t.get(`/api/route?${query}&lang=en`)).body).toMatchObject({ message: "this point is outside every region with street data" });
  });
});
