/**
 * End-to-end test of journeys by bus and on foot on a 390×844 phone with a granted position,
 * in the samples' OSM lines (headways estimated). In Monaco a place's "怎么去" shows walking
 * and the bus side by side; the bus side, for tomorrow 09:00, shows the journey the API plans
 * first: its line badges, its times (said to be estimates), its legs in order (walks dashed,
 * rides in the line's colour on the map), the boarding stop's next departures; English
 * follows the toggle. In Nanjing the journey names its stops in Chinese, and a line the server
 * marks as a school line shows its badge and schools. axe-core finds no serious problem.
 * Screenshots: test-results/journey-*.png.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { JourneyAnswer } from "../src/core/api/transit.ts";
import { RESULTS, STEP_TIMEOUT_MS, getJson, hiddenMapControls, seriousAxeViolations, useE2eServer, waitForPlaces, watchErrors } from "./harness.ts";

// This file's server loads both samples (the harness passes the environment on).
process.env.TONGXING_SAMPLES = "monaco,nanjing";

interface PlaceAnswer {
  features: Array<{ geometry: { coordinates: [number, number] }; properties: { id: string; name: { zh: string | null } } }>;
}

/** Where the phone says it is: the middle of Monaco, and by 新街口 in Nanjing. */
const MONACO = { latitude: 43.7384, longitude: 7.4246 };
const NANJING = { latitude: 32.0434, longitude: 118.78 };
type Here = typeof MONACO;
const latLon = (lon: number, lat: number): string => `${lat.toFixed(6)},${lon.toFixed(6)}`;

/** Tomorrow at 09:00 in a time zone, as the departure picker writes it. */
function tomorrowMorning(timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + 86_400_000));
  return `${day}T09:00`;
}

/** A place of the region the API reaches from `here` on a vehicle of `mode` (any when null), tomorrow morning, with its answer. */
async function pickDestination(baseUrl: string, region: string, here: Here, depart: string, mode: string | null): Promise<{ id: string; answer: JourneyAnswer }> {
  const places = await getJson<PlaceAnswer>(`${baseUrl}/api/places?region=${region}`);
  const far = places.features
    .map((f) => ({ f, d: Math.hypot((f.geometry.coordinates[0] - here.longitude) * 80_000, (f.geometry.coordinates[1] - here.latitude) * 111_000) }))
    .filter(({ d }) => d > 1000)
    .sort((a, b) => b.d - a.d);
  for (const { f } of far.slice(0, 30)) {
    const [lon, lat] = f.geometry.coordinates;
    const answer = await getJson<JourneyAnswer>(`${baseUrl}/api/journey?from=${latLon(here.longitude, here.latitude)}&to=${latLon(lon, lat)}&depart=${depart}&profile=child-walk&lang=zh`);
    const first = firstTransit(answer);
    if (first && first.legs.some((leg) => leg.mode !== "walk" && (mode === null || leg.mode === mode))) return { id: f.properties.id, answer };
  }
  throw new Error(`no ${region} place is reached by ${mode ?? "transit"} from the test position`);
}

/** The journey the panel shows first: the earliest arrival, fewer changes on a tie. */
function firstTransit(answer: JourneyAnswer): JourneyAnswer["journeys"][number] | undefined {
  return answer.journeys.filter((j) => j.kind === "transit").sort((a, b) => a.arrival.localeCompare(b.arrival) || a.transfers - b.transfers)[0];
}

/** Opens the region on the phone at `here`, a place's card and its route panel, once the walking route is drawn. */
async function openJourneys(e2e: ReturnType<typeof useE2eServer>, region: string, here: Here, placeId: string): Promise<{ page: Page; errors: string[] }> {
  const { context, page } = await e2e.open(`phone-${region}`, 390, 844);
  const errors = watchErrors(page);
  await context.grantPermissions(["geolocation"], { origin: e2e.baseUrl });
  await context.setGeolocation(here);
  await page.goto(`${e2e.baseUrl}/?region=${region}&lang=zh`);
  const all = await getJson<PlaceAnswer>(`${e2e.baseUrl}/api/places?region=${region}`);
  await waitForPlaces(page, region, all.features.length);
  await openCard(page, placeId);
  await page.click("#place-card .card-route-button");
  await page.locator("#route-panel").waitFor({ state: "visible" });
  await page.waitForFunction(() => (document.getElementById("app")?.dataset.routeDrawn ?? "").startsWith("child-walk:"), undefined, { timeout: STEP_TIMEOUT_MS });
  return { page, errors };
}

/** Switches to the bus side and leaves at `depart`; resolves once the journeys for that time are shown. */
async function busLeavingAt(page: Page, depart: string): Promise<void> {
  const panel = page.locator("#route-panel");
  await panel.locator('.way-option[data-way="transit"]').click();
  await panel.locator('[data-depart="change"]').click();
  await page.fill("#depart-input", depart);
  await expect.poll(() => panel.locator(".depart-text").textContent()).toBe(`明天 ${depart.slice(11)} 出发`);
  await waitForJourneys(page);
}

async function openCard(page: Page, placeId: string): Promise<void> {
  const row = page.locator(`#results-list [data-place-id="${placeId}"]`);
  if (!(await row.isVisible()) && (await page.locator(".results-toggle").isVisible())) await page.click(".results-toggle");
  await row.click();
  await page.locator(`#place-card[data-place-id="${placeId}"]`).waitFor({ state: "visible" });
}

async function waitForJourneys(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById("app")?.dataset.journeyStatus === "ready", undefined, { timeout: STEP_TIMEOUT_MS });
}

describe("journeys by bus and on foot", () => {
  const e2e = useE2eServer("journey");

  it("plans a bus journey in Monaco on a phone: side by side, legs, time changed, departures, English, axe", async () => {
    const depart = tomorrowMorning("Europe/Monaco");
    const { id, answer } = await pickDestination(e2e.baseUrl, "monaco", MONACO, depart, "bus");
    const expected = firstTransit(answer)!;
    const rides = expected.legs.filter((leg) => leg.mode !== "walk");
    const { page, errors } = await openJourneys(e2e, "monaco", MONACO, id);
    const panel = page.locator("#route-panel");

    // 怎么去: walking and the bus side by side, walking first, each with its time once known.
    const ways = panel.locator(".way-option");
    expect(await ways.locator("strong").allTextContents()).toEqual(["步行", "坐公交"]);
    expect(await panel.locator('.way-option[data-way="walk"]').getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => panel.locator('.way-option[data-way="walk"] .way-note').textContent()).toMatch(/^约 \d+/);

    // The bus side, leaving tomorrow at 09:00; journeys are walked, so the bike is not offered.
    await busLeavingAt(page, depart);
    expect(await page.getAttribute("#app", "data-route-way")).toBe("transit");
    expect(await panel.locator(".profile:has(#profile-child-bike)").isHidden()).toBe(true);

    // The first journey is the API's first: its lines, times and legs in order.
    const first = panel.locator('.journey-choice[data-journey-index="0"]');
    expect(await first.getAttribute("aria-pressed")).toBe("true");
    expect((await first.locator(".line-badge").allTextContents()).map((text) => text.trim())).toEqual(rides.map((leg) => leg.line.name));
    expect(await first.locator(".journey-times").textContent()).toContain(`${expected.departure.slice(11, 16)}–${expected.arrival.slice(11, 16)}`);
    expect(await panel.locator("#journey-steps > li").evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.mode))).toEqual(expected.legs.map((leg) => leg.mode));
    await expect.poll(() => page.getAttribute("#app", "data-journey-drawn")).toBe(`${expected.legs.length}:${rides.length}`);
    const ride = rides[0]!;
    const leg = panel.locator(`#journey-steps > li[data-mode="${ride.mode}"]`).first();
    expect(await leg.textContent()).toContain(`在${ride.from.name}上车`);
    expect(await leg.textContent()).toContain(`在${ride.to.name}下车`);
    // Estimated headways are said to be estimates wherever times are shown.
    if (ride.frequency?.estimated) {
      expect(await leg.locator(".leg-meta").textContent()).toMatch(/^约 \d\d:\d\d 发车 · 约每 \d+ 分钟一班（估计）$/);
      expect(await first.locator(".estimate-tag").textContent()).toBe("时间为估计值");
      expect(await panel.locator(".journey-estimated").isVisible()).toBe(true);
    }
    if (ride.line.school) expect(await leg.locator(".school-badge").textContent()).toBe(ride.line.school.label);
    expect(await hiddenMapControls(page)).toEqual([]);
    expect(await panel.locator("#depart-picker").isHidden()).toBe(true);
    await page.evaluate(() => window.__tongxing!.idle());
    await page.screenshot({ path: path.join(RESULTS, "journey-phone.png") });
    await panel.locator(".journey-choices").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, "journey-phone-legs.png") });
    const violations = await seriousAxeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // The boarding stop's next departures, from the journey's time.
    const board = panel.locator(".departures-button").first();
    await board.click();
    expect(await board.getAttribute("aria-expanded")).toBe("true");
    await panel.locator(".departure-board:not([aria-busy])").first().waitFor({ timeout: STEP_TIMEOUT_MS });
    const times = await panel.locator(".departure-board .departure-time").allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^(约 )?\d\d:\d\d$/);
    await panel.locator(".departure-board").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, "journey-phone-departures.png") });
    const boardViolations = await seriousAxeViolations(page);
    expect(boardViolations, JSON.stringify(boardViolations, null, 2)).toEqual([]);

    // English: asked again, the same time kept.
    await page.click("#language-toggle");
    await waitForJourneys(page);
    await expect.poll(() => panel.locator('.way-option[data-way="transit"] strong').textContent()).toBe("Bus");
    expect(await panel.locator(".depart-text").textContent()).toBe(`Leaving tomorrow at ${depart.slice(11)}`);
    await expect.poll(() => panel.locator('#journey-steps > li[data-mode="bus"] .leg-headline').first().textContent()).toMatch(/^Get on at /);
    await page.screenshot({ path: path.join(RESULTS, "journey-phone-en.png") });
    expect(errors).toEqual([]);
  }, 300_000);

  it("names Nanjing's stops in Chinese on a phone", async () => {
    const depart = tomorrowMorning("Asia/Shanghai");
    const { id, answer } = await pickDestination(e2e.baseUrl, "nanjing", NANJING, depart, null);
    const expected = firstTransit(answer)!;
    const ride = expected.legs.find((leg) => leg.mode !== "walk")!;
    const { page, errors } = await openJourneys(e2e, "nanjing", NANJING, id);
    await busLeavingAt(page, depart);
    const panel = page.locator("#route-panel");
    expect(ride.from.name).toMatch(/[\u4e00-\u9fff]/);
    const leg = panel.locator(`#journey-steps > li[data-mode="${ride.mode}"]`).first();
    expect(await leg.locator(".leg-headline").first().textContent()).toBe(`在${ride.from.name}上车`);
    await page.evaluate(() => window.__tongxing!.idle());
    await panel.locator(".journey-choices").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, "journey-phone-nanjing.png") });
    const violations = await seriousAxeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // A school line (the sample has none): its badge and schools, when the server marks a line so.
    await page.route(/\/api\/journey\?/, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as JourneyAnswer;
      for (const journey of body.journeys) for (const leg of journey.legs) if (leg.mode !== "walk") leg.line.school = { label: "红领巾专线", schools: [{ name: "石鼓路小学", at: null }] };
      await route.fulfill({ response, json: body });
    });
    const later = depart.replace("T09:00", "T09:10");
    await panel.locator('[data-depart="change"]').click();
    await page.fill("#depart-input", later);
    await waitForJourneys(page);
    const school = panel.locator(`#journey-steps > li[data-mode="${ride.mode}"]`).first();
    expect((await school.locator(".school-badge").textContent())?.trim()).toBe("红领巾专线");
    expect(await school.textContent()).toContain("服务学校：石鼓路小学");
    await school.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, "journey-phone-school.png") });
    const schoolViolations = await seriousAxeViolations(page);
    expect(schoolViolations, JSON.stringify(schoolViolations, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
