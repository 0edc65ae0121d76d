/**
 * Creating staff accounts, from the CLI (the first administrator) or by an administrator.
 * A reporter must belong to a unit of the plan; other roles may not, so a reviewer is never
 * reviewing their own unit's work. The password follows the staff rules (staff-passwords.ts).
 */
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, STAFF_ROLES, USERNAME_PATTERN } from "../core/staff-roles.ts";
import type { Database } from "../platform/database/database.ts";
import type { AccountStore, StaffUser } from "./account-store.ts";
import { recordAudit } from "./audit-log.ts";
import type { Bilingual } from "./member-passwords.ts";
import { hashPassword } from "./password.ts";
import { staffPasswordMessage, staffPasswordProblem } from "./staff-passwords.ts";

export const newStaffUserSchema = z
  .object({
    username: z.string().regex(USERNAME_PATTERN, "3-40 lowercase letters, digits, dots, dashes or underscores"),
    displayName: z.string().trim().min(1).max(60),
    role: z.enum(STAFF_ROLES),
    unitId: z.string().min(1).max(80).nullable().default(null),
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .strict()
  .refine((u) => (u.role === "reporter") === (u.unitId !== null), { message: "a reporter needs a unit, other roles have none", path: ["unitId"] });

export type NewStaffUser = z.input<typeof newStaffUserSchema>;

/** A refusal names the field; a password refusal also carries its message in both languages. */
export type CreateResult = { ok: true; user: StaffUser } | { ok: false; field: string; message: string; messages?: Bilingual };

export async function createStaffUser(
  db: Database,
  accounts: AccountStore,
  input: unknown,
  context: { isUnit: (id: string) => boolean; byUserId: string | null },
): Promise<CreateResult> {
  const parsed = newStaffUserSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: issue.path.map(String).join(".") || "user", message: issue.message };
  }
  const { password, ...user } = parsed.data;
  const problem = staffPasswordProblem(password, user);
  if (problem) {
    const messages = staffPasswordMessage(problem, user.role);
    // Both languages: the CLI and the API print this one message.
    return { ok: false, field: "password", message: `${messages.en} / ${messages.zh}`, messages };
  }
  if (user.unitId && !context.isUnit(user.unitId)) return { ok: false, field: "unitId", message: `no unit "${user.unitId}" in the plan` };
  if (await accounts.findByUsername(user.username)) return { ok: false, field: "username", message: "that username is taken" };
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const created = await accounts.create(user, hash, tx);
    await recordAudit(tx, { userId: context.byUserId, action: "user.create", target: `user:${created.id}`, detail: { username: user.username, role: user.role, unitId: user.unitId } });
    return { ok: true as const, user: created };
  });
}
