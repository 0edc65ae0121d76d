/**
 * What the browser tests share: the web build (made at most once, safely, however many test
 * files run in parallel), a real server on a free port with its own data directory,
 * Debian's Chromium through playwright-core, an error watcher and the axe-core check.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { buildWebAssets, webBuildNeeded } from "../src/app/web-assets.ts";

const require = createRequire(import.meta.url);

/** The repository root and where screenshots go. */
export const REPO = fileURLToPath(new URL("..", import.meta.url));
export const RESULTS = path.join(REPO, "test-results");
export const START_TIMEOUT_MS = 180_000;
export const STEP_TIMEOUT_MS = 60_000;

const BUILD_LOCK = path.join(REPO, "dist", ".web-build.lock");
const STALE_LOCK_MS = 5 * 60_000;
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** An axe-core finding, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

function tryLock(): boolean {
  try {
    mkdirSync(BUILD_LOCK);
    return true;
  } catch {
    // Held by another test file, or left behind by a killed run: take it over once stale.
    const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
    return false;
  }
}

/**
 * Builds dist/web when it is missing or older than web/ and src/core (the server's own
 * rule), under a lock directory so parallel test files never build at the same time or
 * while another one's server is serving a half-written build. `npm test` builds first, so
 * there this only checks.
 */
export async function ensureWebBuild(): Promise<void> {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`could not take ${BUILD_LOCK}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    if (webBuildNeeded()) await buildWebAssets();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
  mkdirSync(RESULTS, { recursive: true });
}

/** Temporary folders for one test file, removed by `removeAll`. */
export function tempDirs(): { fresh(prefix: string): string; removeAll(): void } {
  const made: string[] = [];
  return {
    fresh(prefix) {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts `tongxing start` on a free port; resolves with its base URL once it listens. */
export function startServer(dataDir: string): Promise<{ server: ChildProcess; baseUrl: string }> {
  const server = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "start"], {
    cwd: REPO,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Tongxing listening on (http:\/\/[^\s]+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({ server, baseUrl: match[1].replace(/\/$/, "") });
    };
    server.stdout?.on("data", onData);
    server.stderr?.on("data", onData);
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

/** Stops a server started by `startServer`, forcefully if it does not stop in 10 s. */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** GETs JSON from the server under test, expecting 200. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

/** How a phone differs from a desktop window beside its size: a touch screen, a mobile viewport, dense pixels. */
export interface DeviceOptions {
  readonly hasTouch?: boolean;
  readonly isMobile?: boolean;
  readonly deviceScaleFactor?: number;
}

/** A touch phone as Lighthouse's mobile preset and real phones are (the map opens as a picture there). */
export const TOUCH_PHONE: DeviceOptions = { hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** A fresh Chromium profile with a window of this size (a mouse and a desktop viewport unless `device` says otherwise). */
export async function openBrowser(profileDir: string, width: number, height: number, device: DeviceOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    ...device,
  });
}

/** Collects HTTP errors of the app's own files and API (tiles may be 404 when empty). */
export function watchErrors(page: Page, expectedApiErrors: RegExp[] = []): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    const expected = expectedApiErrors.some((pattern) => pattern.test(response.url()));
    if (response.status() >= 400 && !pathname.startsWith("/tiles/") && !expected) errors.push(`HTTP ${response.status()} ${response.url()}`);
    // A missing script may come back as the index page: the worker would then fail quietly.
    const type = response.headers()["content-type"] ?? "";
    if (/\.m?js$/.test(pathname) && !type.includes("javascript")) errors.push(`${pathname} served as ${type}`);
  });
  return errors;
}

/** Waits until the map has drawn exactly `count` places for `region`. */
export async function waitForPlaces(page: Page, region: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([r, n]) => {
      const app = document.getElementById("app");
      return app?.dataset.region === r && app.dataset.placesDrawn === String(n);
    },
    [region, count] as const,
    { timeout: STEP_TIMEOUT_MS },
  );
}

let axeSource: string | undefined;

/** The serious and critical problems axe-core finds on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as a <script> tag: the pages' own
  // Content-Security-Policy refuses inline scripts, as it should.
  await page.evaluate(axeSource ??= readFileSync(require.resolve("axe-core"), "utf8"));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A browser window of a test: its context (permissions, more pages) and its first page. */
export interface E2eWindow {
  context: BrowserContext;
  page: Page;
}

/**
 * The server of one describe block: the web build, a fresh data directory made ready by
 * `prepare` (staff accounts, say) before the server starts on it, and every browser opened
 * through `open` closed afterwards with the server and the temporary folders.
 */
export function useE2eServer(name: string, prepare?: (dataDir: string) => Promise<void>): { readonly baseUrl: string; open(label: string, width: number, height: number, device?: DeviceOptions): Promise<E2eWindow> } {
  const temp = tempDirs();
  const contexts: BrowserContext[] = [];
  let server: ChildProcess | undefined;
  let baseUrl = "";
  beforeAll(async () => {
    await ensureWebBuild();
    const dataDir = temp.fresh(`tongxing-e2e-${name}-data-`);
    await prepare?.(dataDir);
    ({ server, baseUrl } = await startServer(dataDir));
  }, START_TIMEOUT_MS + 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stopServer(server);
    temp.removeAll();
  }, 30_000);
  return {
    get baseUrl() {
      return baseUrl;
    },
    async open(label, width, height, device) {
      const context = await openBrowser(temp.fresh(`tongxing-e2e-${name}-${label}-`), width, height, device);
      contexts.push(context);
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    },
  };
}

/**
 * Why the element at `selector` cannot be seen, or null when it can: it must have a size, lie
 * inside the viewport, and be what is drawn at its centre (itself or a child), not covered
 * by a sheet or a panel. For the map's attribution (the ODbL asks it be visible) and controls.
 */
export async function hiddenReason(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) return `${sel} is missing`;
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return `${sel} has no size`;
    if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) return `${sel} is outside the viewport (${r.left},${r.top},${r.right},${r.bottom})`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (hit && (hit === element || element.contains(hit))) return null;
    return `${sel} is covered by ${hit ? `${hit.tagName.toLowerCase()}#${hit.id}.${String(hit.className)}` : "nothing"}`;
  }, selector);
}

/** The map's attribution and zoom buttons that must stay visible whatever is open. */
export const MAP_CONTROLS = [".maplibregl-ctrl-attrib", ".maplibregl-ctrl-zoom-in", ".maplibregl-ctrl-zoom-out"] as const;

/** Every one of MAP_CONTROLS that cannot be seen now, with why (empty when all can). */
export async function hiddenMapControls(page: Page): Promise<string[]> {
  const reasons = await Promise.all(MAP_CONTROLS.map((selector) => hiddenReason(page, selector)));
  return reasons.filter((reason): reason is string => reason !== null);
}

/** True when the chosen option of the <select> at `selector` shows its whole text, not cut off. */
export async function selectShowsWholeText(page: Page, selector: string): Promise<{ text: string; fits: boolean }> {
  return page.evaluate((sel) => {
    const select = document.querySelector<HTMLSelectElement>(sel);
    const option = select?.selectedOptions[0];
    if (!select || !option) return { text: "", fits: false };
    const style = getComputedStyle(select);
    const probe = document.createElement("span");
    probe.style.font = style.font;
    probe.style.whiteSpace = "pre";
    probe.style.position = "absolute";
    probe.textContent = option.textContent;
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: option.textContent ?? "", fits: width <= room };
  }, selector);
}
