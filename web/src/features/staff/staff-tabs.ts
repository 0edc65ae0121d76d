/**
 * What each staff role is shown on the staff page: its tabs, whether it may open a single
 * report, whether its views ask for the overdue list. Each tab names the plan permission
 * its requests need (src/plan/plan-permissions.ts, which the browser cannot import);
 * src/plan/plan-permissions.test.ts checks that no role is shown what the server refuses.
 * Moderators work on families' content only: moderation and corrections, no plan views.
 * Children's voice (src/voice, outside the plan permissions): the working group triages ideas
 * (administrators, reviewers), units answer them, run councils and ask children in polls
 * (reporters, administrators; src/voice/councils/organisers.ts). Venue staff see their places,
 * with the way to their live status and events (outside the plan).
 */
import type { StaffRole } from "../../../../src/core/staff-roles.ts";

export type TabName = "tasks" | "queue" | "dashboard" | "sites" | "districts" | "moderation" | "corrections" | "ideas" | "answers" | "polls" | "councils" | "venue";

export interface StaffTab {
  readonly name: TabName;
  /** Its message key in staff-messages.ts ("tabTasks"); only a name, so the server's tests can import this file. */
  readonly label: `tab${Capitalize<TabName>}`;
  /** The plan permission the tab's requests need, or null for a tab outside the plan. */
  readonly needs: string | null;
}

const TAB: Record<TabName, StaffTab> = {
  tasks: { name: "tasks", label: "tabTasks", needs: "reports.write" },
  queue: { name: "queue", label: "tabQueue", needs: "reports.decide" },
  dashboard: { name: "dashboard", label: "tabDashboard", needs: "dashboard.read" },
  sites: { name: "sites", label: "tabSites", needs: "sites.assess" },
  districts: { name: "districts", label: "tabDistricts", needs: "dashboard.read" },
  moderation: { name: "moderation", label: "tabModeration", needs: null },
  corrections: { name: "corrections", label: "tabCorrections", needs: null },
  ideas: { name: "ideas", label: "tabIdeas", needs: null },
  answers: { name: "answers", label: "tabAnswers", needs: null },
  polls: { name: "polls", label: "tabPolls", needs: null },
  councils: { name: "councils", label: "tabCouncils", needs: null },
  venue: { name: "venue", label: "tabVenue", needs: null },
};

const TABS_OF_ROLE: Record<StaffRole, readonly TabName[]> = {
  admin: ["queue", "dashboard", "sites", "districts", "moderation", "corrections", "ideas", "answers", "polls", "councils"],
  reporter: ["tasks", "dashboard", "districts", "answers", "polls", "councils"],
  reviewer: ["queue", "dashboard", "sites", "districts", "ideas"],
  leader: ["dashboard", "districts"],
  moderator: ["moderation", "corrections"],
  venue: ["venue"],
};

/** The tabs a role sees, the first one its default view. */
export function tabsFor(role: StaffRole): StaffTab[] {
  return TABS_OF_ROLE[role].map((name) => TAB[name]);
}

export { EVALUATION_READERS, OVERDUE_READERS, REPORT_READERS } from "../accounts/staff-permissions.ts";
