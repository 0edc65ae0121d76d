/**
 * Client of the staff session API: who is signed in, sign-in and sign-out, and the plan's
 * units a member of staff belongs to. Used by the staff page and the planner page alike.
 */
import type { StaffLoginInput } from "../../../../src/core/api/accounts.ts";
import type { StaffRole } from "../../../../src/core/staff-roles.ts";
import { getField, isRecord, orNullOn, send, sendField } from "../../shared/http.ts";

/** The signed-in member of staff. */
export interface StaffUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly unitId: string | null;
  /** The places a venue account runs (absent or empty for other roles). */
  readonly placeIds?: readonly string[];
}

/** A unit of the plan, from GET /api/units. */
export interface PlanUnit {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: string;
  readonly memberOf?: string;
}

const isUser = (value: unknown): boolean => isRecord(value) && typeof value.role === "string" && typeof value.username === "string";

/** The signed-in user, or null when nobody is (401). */
export const fetchMe = (): Promise<StaffUser | null> => orNullOn(401, getField<StaffUser>("/api/auth/me", "user", isUser));

/** POST /api/auth/login. */
export const signIn = (username: string, password: string): Promise<StaffUser> => sendField<StaffUser>("POST", "/api/auth/login", { username, password } satisfies StaffLoginInput, "user", isUser);

/** POST /api/auth/logout. */
export async function signOut(): Promise<void> {
  await send("POST", "/api/auth/logout");
}

/** GET /api/units. */
export const fetchUnits = (): Promise<PlanUnit[]> => getField<PlanUnit[]>("/api/units", "units", Array.isArray);
