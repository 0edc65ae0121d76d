/**
 * The people integration tests act as, made the way real ones are: staff accounts by the
 * `user add` command's function and signed in over HTTP; adults signed up over HTTP with
 * the code read from the message outbox (where an SMS gateway would read it); children
 * created by their guardian with consent. Each gets its own client address, so limits per
 * address never mix two of them.
 */
import { SignupCodes } from "../accounts/index.ts";
import { CHILD_PRIVACY_VERSION } from "../core/child-privacy.ts";
import type { StaffRole } from "../core/staff-roles.ts";
import { TestClient } from "../platform/testing/http-client.ts";
import { addUser } from "./plan-commands.ts";
import type { TestServer } from "./test-server.ts";

/** Strong enough for every staff role, administrators included. */
export const TEST_STAFF_PASSWORD = "violet harbour meadow kite 1729";
/** A member password no rule refuses. */
export const TEST_MEMBER_PASSWORD = "lantern-river-42-osprey";

/** The place a test venue account runs unless told otherwise: Monaco's Jardin des Enfants, a playground of the sample data. */
export const VENUE_TEST_PLACE = "osm:n1864130268";

let serial = 0;
const nextAddress = () => {
  serial++;
  return `10.${77 + (serial >> 16)}.${(serial >> 8) & 255}.${serial & 255}`;
};

/** A staff account of the role (a reporter needs its unit, venue staff their places), signed in. */
export async function signedInStaff(t: TestServer, username: string, role: StaffRole, unit?: string, places: readonly string[] = role === "venue" ? [VENUE_TEST_PLACE] : []): Promise<TestClient> {
  const previous = process.env["TONGXING_PASSWORD"];
  process.env["TONGXING_PASSWORD"] = TEST_STAFF_PASSWORD;
  try {
    const added = await addUser(t.server.db, { username, role, name: `测试${role}`, unit, ...(places.length ? { places: places.join(",") } : {}) });
    if (!added.ok) throw new Error(`user add ${username}: ${added.message}`);
  } finally {
    if (previous === undefined) delete process.env["TONGXING_PASSWORD"];
    else process.env["TONGXING_PASSWORD"] = previous;
  }
  const client = new TestClient(t.base, nextAddress());
  const login = await client.post("/api/auth/login", { username, password: TEST_STAFF_PASSWORD });
  if (login.status !== 200) throw new Error(`staff sign-in ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  return client;
}

/** An adult (born 1988) signed up with this mobile number and signed in. */
export async function signedInAdult(t: TestServer, mobile: string, nickname = "家长"): Promise<TestClient> {
  const client = new TestClient(t.base, nextAddress());
  const signup = await client.post("/api/members/register", { login: mobile, password: TEST_MEMBER_PASSWORD, nickname, birthYear: 1988, acceptAgreement: true });
  if (signup.status === 201) return client;
  if (signup.status !== 202) throw new Error(`sign-up ${mobile}: ${signup.status} ${JSON.stringify(signup.body)}`);
  const messages = await new SignupCodes(t.server.db).messagesTo(mobile);
  const code = /\b(\d{6})\b/.exec(messages[0] ?? "")?.[1];
  if (!code) throw new Error(`no sign-up code for ${mobile} in the outbox`);
  const confirmed = await client.post("/api/members/register/confirm", { login: mobile, code });
  if (confirmed.status !== 201) throw new Error(`confirm ${mobile}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return client;
}

/** A child of nine the guardian creates with consent, signed in on a client of its own. */
export async function signedInChild(t: TestServer, guardian: TestClient, name: string, nickname = "小星星"): Promise<{ client: TestClient; id: string }> {
  const birthYear = new Date().getUTCFullYear() - 9;
  const created = await guardian.post("/api/family/children", { login: name, password: TEST_MEMBER_PASSWORD, nickname, birthYear, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } });
  if (created.status !== 201) throw new Error(`child ${name}: ${created.status} ${JSON.stringify(created.body)}`);
  const child = created.body["child"] as { id: string; login: string };
  const client = new TestClient(t.base, nextAddress());
  const login = await client.post("/api/members/login", { login: child.login, password: TEST_MEMBER_PASSWORD });
  if (login.status !== 200) throw new Error(`child sign-in ${child.login}: ${login.status} ${JSON.stringify(login.body)}`);
  return { client, id: child.id };
}
