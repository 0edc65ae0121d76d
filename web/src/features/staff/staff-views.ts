/**
 * The staff page's URL state: which view the hash names ("#queue", "#report/<id>",
 * "#sites/<place id>", "#districts/<unit id>") and which view a role is shown for it. Pure,
 * so the rules are tested without a browser (staff-views.test.ts).
 */
import type { StaffRole } from "../../../../src/core/staff-roles.ts";
import { parseViewHash, type StaffView } from "../accounts/staff-context.ts";
import { REPORT_READERS, tabsFor } from "./staff-tabs.ts";

/** The views of this page beyond the shared ones: "#sites/<place id>", "#districts/<unit id>". */
export type PageView =
  | StaffView | { name: "sites"; id: string | null } | { name: "districts"; id: string | null } | { name: "moderation" } | { name: "corrections" }
  | { name: "ideas" } | { name: "answers" } | { name: "polls" } | { name: "venue" } | { name: "councils"; id: string | null };

/** The view a hash names, or null for an unknown one. */
export function parsePageHash(hash: string): PageView | null {
  const [name, id] = hash.replace(/^#/, "").split("?")[0]!.split("/");
  const named = id ? decodeURIComponent(id) : null;
  if (name === "sites") return { name, id: named };
  if (name === "districts") return { name, id: named };
  if (name === "moderation" || name === "corrections" || name === "ideas" || name === "answers" || name === "polls" || name === "venue") return { name };
  if (name === "councils") return { name, id: named };
  return parseViewHash(hash);
}

/** The view the hash names if the role may see it, else the role's first tab. */
export function viewFor(role: StaffRole, hash: string): PageView {
  const parsed = parsePageHash(hash);
  const tabs = tabsFor(role);
  const opensReports = REPORT_READERS.includes(role);
  if (parsed && ((parsed.name === "report" && opensReports) || tabs.some((tab) => tab.name === parsed.name))) return parsed;
  return parsePageHash(`#${tabs[0]!.name}`) ?? { name: "dashboard" };
}
