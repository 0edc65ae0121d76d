/**
 * What the children's voice browser test sets up through the real API, from inside a
 * browser page (so the session cookies land in that page's browser): a parent signed up with
 * the code from the outbox, a child account created with the guardian's consent, and
 * signing a member in or out. The journey itself is clicked through in e2e/voice.e2e.test.ts.
 */
import type { Page } from "playwright-core";
import { CHILD_PRIVACY_VERSION } from "../src/core/child-privacy.ts";
import { signupCode } from "./staff.ts";

export const FAMILY_PASSWORD = "lantern-river-42";

/** POST a JSON body from the page; answers the status and the JSON body. */
export async function pagePost(page: Page, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async ([p, b]) => {
    const response = await fetch(p, { method: "POST", headers: { "content-type": "application/json", "x-tongxing-request": "1" }, body: JSON.stringify(b) });
    return { status: response.status, body: await response.json().catch(() => null) };
  }, [path, body] as const);
}

/** GET JSON from the page, with its cookies. */
export async function pageGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p, { headers: { accept: "application/json" } })).json(), path) as Promise<T>;
}

/** Signs up a parent in `page` (signed in afterwards). */
export async function signUpParent(page: Page, dataDir: string, login: string, nickname: string): Promise<void> {
  const registered = await pagePost(page, "/api/members/register", { login, password: FAMILY_PASSWORD, nickname, birthYear: 1986, acceptAgreement: true });
  if (registered.status !== 202) throw new Error(`sign-up answered ${registered.status}`);
  const confirmed = await pagePost(page, "/api/members/register/confirm", { login, code: await signupCode(dataDir, login) });
  if (confirmed.status !== 201) throw new Error(`confirming answered ${confirmed.status}`);
}

/** The signed-in parent creates a child's account with consent; answers the child's full sign-in name. */
export async function createChild(page: Page, login: string, nickname: string, age: number): Promise<string> {
  const created = await pagePost(page, "/api/family/children", {
    login, password: FAMILY_PASSWORD, nickname, birthYear: new Date().getFullYear() - age, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION },
  });
  const child = (created.body as { child?: { login?: string } } | null)?.child;
  if (created.status !== 201 || !child?.login) throw new Error(`creating the child answered ${created.status}`);
  return child.login;
}

/** Signs a member in (or, with null, out) in `page`. */
export async function signMember(page: Page, login: string | null): Promise<void> {
  const answer = login === null ? await pagePost(page, "/api/members/logout", {}) : await pagePost(page, "/api/members/login", { login, password: FAMILY_PASSWORD });
  if (answer.status !== 200 && answer.status !== 204) throw new Error(`sign-in answered ${answer.status}`);
}
