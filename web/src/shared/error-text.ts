/**
 * API errors in words for staff: the common refusals (wrong password, locked account, too
 * many attempts, signed out, no permission) in the current language, others with the
 * server's own message so nothing is hidden — the server writes it in the page's language,
 * which every change says (http.ts). What the browser itself made up (a network failure, an
 * answer without what the page needs, a script error) is never shown in its English words.
 */
import { ApiError } from "./api.ts";
import { t } from "./i18n.ts";

/** What to tell the user about a failed request. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError) || error.code === "network" || error.code === "bad_response") return t("loadFailed");
  if (error.code === "account_locked") return t("accountLocked");
  if (error.code === "rate_limited") return t("tooManyAttempts");
  if (error.status === 401) return t("signedOutOrWrong");
  if (error.status === 403) return t("notAllowed", { message: error.message });
  return t("actionFailed", { message: error.message });
}
