/**
 * What the staff browser tests share: accounts made with the real `tongxing user add`
 * command on the server's data directory, the sign-in form, and the staff page's views
 * (each says it is ready with `#staff[data-ready=<view>]`), and an installation that has
 * been reporting in the system since a given day.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { PLANS_DATA_DIR } from "../src/app/bootstrap.ts";
import { openDatabase } from "../src/app/database.ts";
import { SignupCodes } from "../src/accounts/index.ts";
import { loadBundledPlans } from "../src/plan/index.ts";
import { loadConfig } from "../src/platform/config.ts";
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

/**
 * Makes the data directory an installation that began reporting in the system on `date` (as if
 * the plan had been loaded then; src/plan/reporting-start.ts). A fresh install starts today, so
 * nothing is late; a journey that chases late reports needs an earlier start.
 */
export async function startReportingOn(dataDir: string, date: string): Promise<void> {
  const db = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
  try {
    await loadBundledPlans(db, PLANS_DATA_DIR, () => undefined);
    await db.run("UPDATE plans SET first_loaded_on = ?", [date]);
  } finally {
    await db.close();
  }
}

/** The last two quarters that have ended before `today` (YYYY-MM-DD), oldest first, with their first days. */
export function lastClosedQuarters(today: string): Array<{ id: string; start: string }> {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3); // the current one, 0-based
  const out: Array<{ id: string; start: string }> = [];
  for (let i = 0; i < 2; i++) {
    quarter--;
    if (quarter < 0) {
      quarter = 3;
      year--;
    }
    out.unshift({ id: `${year}-Q${quarter + 1}`, start: `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-01` });
  }
  return out;
}

/**
 * axe's landmark findings of any impact (landmark-unique, landmark-*, region): every landmark
 * region has an accessible name that tells it from the others. Call after seriousAxeViolations,
 * which loads axe into the page.
 */
export async function landmarkViolations(page: Page): Promise<Array<{ id: string; targets: string[] }>> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "rule", values: ["landmark-unique", "landmark-one-main", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main", "landmark-complementary-is-top-level", "region"] } });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** The sign-up code the server queued for a phone: no SMS gateway here, so it is read from the outbox. */
export async function signupCode(dataDir: string, login: string): Promise<string> {
  const db = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
  try {
    return /\b(\d{6})\b/.exec((await new SignupCodes(db).messagesTo(login))[0] ?? "")?.[1] ?? "";
  } finally {
    await db.close();
  }
}
