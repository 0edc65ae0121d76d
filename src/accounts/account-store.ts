/**
 * Staff accounts and their sessions in the database. Session tokens are random and only
 * their SHA-256 is stored, so a copy of the database signs nobody in.
 */
import { randomUUID } from "node:crypto";
import type { StaffRole } from "../core/staff-roles.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import { newSessionToken, tokenHash } from "./session-tokens.ts";
import type { CredentialStore, SignInRecord } from "./sign-in.ts";

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** The unit a reporter reports for (a department, or a district for district values). */
  unitId: string | null;
  /** The places a venue account runs (empty for every other role). */
  placeIds: readonly string[];
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  unit_id: string | null;
  password_hash: string;
  disabled: number | string;
}

export interface StoredUser extends StaffUser {
  passwordHash: string;
  disabled: boolean;
}

/** How long a session lasts without use being renewed: a working day. */
export const SESSION_HOURS = 8;

function fromRow(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as StaffRole,
    unitId: row.unit_id,
    placeIds: [],
    passwordHash: row.password_hash,
    disabled: Number(row.disabled) === 1,
  };
}

export function publicUser(user: StaffUser): StaffUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, placeIds: user.placeIds };
}

export class AccountStore implements CredentialStore<StaffUser> {
  constructor(private readonly db: Database) {}

  async findForSignIn(username: string): Promise<SignInRecord<StaffUser> | null> {
    const user = await this.findByUsername(username);
    return user ? { passwordHash: user.passwordHash, disabled: user.disabled, user: publicUser(user) } : null;
  }

  async findByUsername(username: string): Promise<StoredUser | null> {
    const rows = await this.db.all<UserRow & Record<string, unknown>>("SELECT * FROM staff_users WHERE username = ?", [username]);
    return rows[0] ? this.withPlaces(fromRow(rows[0])) : null;
  }

  async list(): Promise<StaffUser[]> {
    const rows = await this.db.all<UserRow & Record<string, unknown>>("SELECT * FROM staff_users ORDER BY username");
    const places = await this.db.all<{ user_id: string; place_id: string }>("SELECT user_id, place_id FROM staff_venue_places ORDER BY place_id");
    return rows.map((r) => publicUser({ ...fromRow(r), placeIds: places.filter((p) => p.user_id === r.id).map((p) => p.place_id) }));
  }

  /** The places a venue account runs. */
  async venuePlaceIds(userId: string): Promise<string[]> {
    const rows = await this.db.all<{ place_id: string }>("SELECT place_id FROM staff_venue_places WHERE user_id = ? ORDER BY place_id", [userId]);
    return rows.map((r) => r.place_id);
  }

  private async withPlaces<T extends StaffUser>(user: T): Promise<T> {
    return user.role === "venue" ? { ...user, placeIds: await this.venuePlaceIds(user.id) } : user;
  }

  async create(user: Omit<StaffUser, "id">, passwordHash: string, tx: Queryable = this.db): Promise<StaffUser> {
    const id = randomUUID();
    await tx.run(
      "INSERT INTO staff_users (id, username, display_name, role, unit_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [id, user.username, user.displayName, user.role, user.unitId, passwordHash, new Date().toISOString()],
    );
    for (const placeId of new Set(user.placeIds)) await tx.run("INSERT INTO staff_venue_places (user_id, place_id) VALUES (?, ?)", [id, placeId]);
    return { id, ...user, placeIds: [...new Set(user.placeIds)] };
  }

  /**
   * A new session; the token goes to the browser and is never stored. `replacing` (the
   * token the browser presented) is closed, so signing in again rotates the session.
   */
  async openSession(userId: string, replacing: string | null, now = new Date()): Promise<{ token: string; expiresAt: string }> {
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
    if (replacing) await this.closeSession(replacing);
    await this.db.run("DELETE FROM staff_sessions WHERE expires_at < ?", [now.toISOString()]);
    await this.db.run("INSERT INTO staff_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)", [tokenHash(token), userId, now.toISOString(), expiresAt]);
    return { token, expiresAt };
  }

  /** The signed-in user of a session token, or null when unknown, expired or disabled. */
  async userOfSession(token: string, now = new Date()): Promise<StaffUser | null> {
    const rows = await this.db.all<UserRow & Record<string, unknown>>(
      "SELECT u.* FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0",
      [tokenHash(token), now.toISOString()],
    );
    return rows[0] ? publicUser(await this.withPlaces(fromRow(rows[0]))) : null;
  }

  async closeSession(token: string): Promise<void> {
    await this.db.run("DELETE FROM staff_sessions WHERE token_hash = ?", [tokenHash(token)]);
  }
}
