/**
 * Creating staff accounts, from the CLI (the first administrator) or by an administrator.
 * A reporter must belong to a unit of the plan; other roles may not, so a reviewer is never
 * reviewing their own unit's work. Venue staff are bound to the places they run. The password follows the staff rules (staff-passwords.ts).
 */
import { newStaffUserSchema } from "../core/api/accounts.ts";
import type { Database } from "../platform/database/database.ts";
import { type Localized, say } from "../platform/errors.ts";
import { issueText } from "../platform/http/zod-chinese.ts";
import type { AccountStore, StaffUser } from "./account-store.ts";
import { recordAudit } from "./audit-log.ts";
import type { Bilingual } from "./member-passwords.ts";
import { hashPassword } from "./password.ts";
import { staffPasswordMessage, staffPasswordProblem } from "./staff-passwords.ts";

/**
 * A refusal names the field, with its message in both languages (`text`, what the API answers
 * in the reader's) and as one line for the CLI (`message`); a password refusal also carries
 * its message as `messages`.
 */
export type CreateResult = { ok: true; user: StaffUser } | { ok: false; field: string; message: string; text: Localized; messages?: Bilingual };

const refusal = (field: string, text: Localized) => ({ ok: false as const, field, message: text.en, text });

export async function createStaffUser(
  db: Database,
  accounts: AccountStore,
  input: unknown,
  context: { isUnit: (id: string) => boolean; isPlace?: (id: string) => boolean; byUserId: string | null },
): Promise<CreateResult> {
  const parsed = newStaffUserSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: issue.path.map(String).join(".") || "user", message: issue.message, text: issueText(issue) };
  }
  const { password, ...user } = parsed.data;
  const problem = staffPasswordProblem(password, user);
  if (problem) {
    const messages = staffPasswordMessage(problem, user.role);
    // Both languages: the CLI and the API print this one message.
    return { ok: false, field: "password", message: `${messages.en} / ${messages.zh}`, text: messages, messages };
  }
  if (user.unitId && !context.isUnit(user.unitId)) return refusal("unitId", say(`规划里没有单位“${user.unitId}”`, `no unit "${user.unitId}" in the plan`));
  const unknownPlace = context.isPlace ? user.placeIds.find((id) => !context.isPlace!(id)) : undefined;
  if (unknownPlace !== undefined) return refusal("placeIds", say(`没有地点“${unknownPlace}”`, `no place "${unknownPlace}"`));
  if (await accounts.findByUsername(user.username)) return refusal("username", say("这个用户名已被使用", "that username is taken"));
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const created = await accounts.create(user, hash, tx);
    await recordAudit(tx, { userId: context.byUserId, action: "user.create", target: `user:${created.id}`, detail: { username: user.username, role: user.role, unitId: user.unitId, ...(user.placeIds.length ? { placeIds: user.placeIds } : {}) } });
    return { ok: true as const, user: created };
  });
}
