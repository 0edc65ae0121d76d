/**
 * API errors in words for staff: the common refusals (wrong password, locked account, too
 * many attempts, signed out, no permission) in the current language, others with the
 * server's own message so nothing is hidden.
 */
import { ApiError } from "./api.ts";
import { t } from "./i18n.ts";

/** What to tell the user about a failed request. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t("actionFailed", { message: error instanceof Error ? error.message : String(error) });
  if (error.code === "network") return t("loadFailed");
  if (error.code === "account_locked") return t("accountLocked");
  if (error.code === "rate_limited") return t("tooManyAttempts");
  if (error.status === 401) return t("signedOutOrWrong");
  if (error.status === 403) return t("notAllowed", { message: error.message });
  return t("actionFailed", { message: error.message });
}
