/**
 * What the staff browser tests share: accounts made with the real `tongxing user add`
 * command on the server's data directory, the sign-in form, and the staff page's views
 * (each says it is ready with `#staff[data-ready=<view>]`).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { REPO, STEP_TIMEOUT_MS } from "./harness.ts";

const run = promisify(execFile);

export const STAFF_PASSWORD = "correct horse battery";
/** Signed out, a staff page asks who is signed in and hears 401: expected, not an error. */
export const SIGNED_OUT = [/\/api\/auth\/me$/];

/** Creates a staff account with the CLI, on the same data directory the server uses. */
export async function addStaffUser(dataDir: string, username: string, role: string, name: string, unit?: string): Promise<void> {
  const args = ["--import", "tsx", "src/cli.ts", "user", "add", username, "--role", role, "--name", name, ...(unit ? ["--unit", unit] : [])];
  await run(process.execPath, args, { cwd: REPO, env: { ...process.env, DATA_DIR: dataDir, TONGXING_PASSWORD: STAFF_PASSWORD } });
}

/** Opens a staff page (staff.html, planner.html) and signs in; the caller waits for what follows. */
export async function fillSignIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.locator("#sign-in-form").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.fill("#username", username);
  await page.fill("#password", STAFF_PASSWORD);
  await page.click(".sign-in-button");
}

export async function waitForView(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`#staff[data-ready="${view}"]`, { timeout: STEP_TIMEOUT_MS });
}

/** Moves the staff page to another view by its address, and waits until it is shown. */
export async function goToView(page: Page, hash: string, view: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await waitForView(page, view);
}
