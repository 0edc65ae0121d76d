/**
 * Who may call each route, in one table: the OpenAPI document takes each operation's
 * security from it, and the authorisation test asks every route as every kind of caller
 * and expects the answer written here. It restates the role tables of
 * docs/PLAN-SUPERVISION.md and docs/FAMILIES.md route by route.
 *
 * The answers it promises: a route for staff answers 401 to anyone without a staff
 * session (members included) and 403 to staff of another role; a route for members
 * answers 401 to anyone without a member session (staff included); "adults" refuses a
 * child with 403; "guardian" and "author" answer 404 to every other member, as if the
 * child or the post did not exist. A visibility rule answers 404 to everyone not named.
 * Plan supervision's rows come from the plan domain's own permission table, which its
 * guards read too; the unit and state rules of a report come on top of them.
 */
import { STAFF_ROLES, type StaffRole } from "../core/staff-roles.ts";
import { type PlanPermission, type SchoolProjectPermission, planRoles, schoolProjectRoles } from "../plan/index.ts";
import { ORGANISER_ROLES, POLL_CREATOR_ROLES } from "../voice/index.ts";

/** Which members pass: all, adults only, the subject child's guardian, the subject post's author. */
export type MemberRule = "any" | "adults" | "children" | "guardian" | "author";

/** Whom a public route shows a thing to, when not to everyone. */
export type Viewer = "author" | "guardian" | StaffRole;

/** Who passes one operation's guard. */
export type Access =
  | { kind: "public"; reads?: readonly ("member" | "session")[]; shownTo?: readonly Viewer[] }
  | { kind: "staff"; roles: readonly StaffRole[] }
  | { kind: "member"; who: MemberRule };

/** One row: an operation and who may call it. */
export interface AccessRule {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path as the OpenAPI document writes it. */
  path: string;
  access: Access;
}

const anyone: Access = { kind: "public" };
/** Public, but a member's session (or a staff one) changes what is shown or recorded. */
const anyoneReading = (...reads: ("member" | "session")[]): Access => ({ kind: "public", reads });
const staff = (...roles: StaffRole[]): Access => ({ kind: "staff", roles });
const member = (who: MemberRule = "any"): Access => ({ kind: "member", who });

/** Every staff role: the planner's coverage tools, staff sign-in. */
const ANY_STAFF = staff(...STAFF_ROLES);
const plan = (permission: PlanPermission): Access => staff(...planRoles(permission));
const schoolProjects = (permission: SchoolProjectPermission): Access => staff(...schoolProjectRoles(permission));
const MODERATORS = staff("moderator", "admin");
/** A venue's staff (for its own places; other places 403) and administrators. */
const VENUE = staff("admin", "venue");
const ORGANISERS = staff(...ORGANISER_ROLES);
const COUNCIL_INSIDERS: Access = { kind: "public", reads: ["member", "session"], shownTo: ["author", "guardian", "reporter", "moderator", "admin"] };

const rows: Array<[AccessRule["method"], string, Access]> = [
  ["GET", "/api/health", anyone],
  ["GET", "/api/openapi.json", anyone],
  ["GET", "/api/ready", anyone],
  ["GET", "/api/live", anyone],
  ["GET", "/api/regions", anyone],
  ["GET", "/api/regions/{id}/boundaries", anyone],
  ["GET", "/api/guides", anyone],
  ["POST", "/api/guides", member()],
  ["POST", "/api/staff/guides", staff("admin", "reporter")],
  ["GET", "/api/guides/mine", member()],
  ["GET", "/api/guides/{id}", { kind: "public", reads: ["member", "session"], shownTo: ["author", "guardian", "moderator", "admin"] }],
  ["DELETE", "/api/guides/{id}", member("author")],
  ["DELETE", "/api/family/children/{id}/guides/{guideId}", member("guardian")],
  ["DELETE", "/api/staff/guides/{id}", staff("admin", "reporter")],
  ["GET", "/api/guides/{id}.html", anyone],
  ["GET", "/api/guides/{id}/qr.svg", anyone],
  ["POST", "/api/guides/{id}/stops/{position}/photos", member("author")],
  ["POST", "/api/staff/guides/{id}/stops/{position}/photos", staff("admin", "reporter")],
  ["GET", "/api/guide-photos/{id}", { kind: "public", reads: ["member", "session"], shownTo: ["author", "guardian", "moderator", "admin"] }],
  ["GET", "/api/places/{id}/guides", anyone],
  ["GET", "/api/members/me/favourites", member()],
  ["PUT", "/api/members/me/favourites/{kind}/{id}", member()],
  ["DELETE", "/api/members/me/favourites/{kind}/{id}", member()],
  ["GET", "/api/events", anyone],
  ["POST", "/api/events", VENUE],
  ["GET", "/api/events/indicator", anyone],
  ["GET", "/api/events/{id}", anyone],
  ["PUT", "/api/events/{id}", VENUE],
  ["POST", "/api/events/{id}/cancel", VENUE],
  ["GET", "/api/events/{id}.ics", anyone],
  ["GET", "/api/places/{id}/events.ics", anyone],
  ["GET", "/api/staff/events", VENUE],
  ["GET", "/api/places/{id}/status", anyone],
  ["POST", "/api/places/{id}/status", VENUE],
  ["GET", "/api/status", anyone],
  ["GET", "/api/status/stream", anyone],
  ["GET", "/api/places/{id}/status/history", VENUE],
  ["GET", "/api/status/summary", staff("admin", "leader", "reviewer")],
  ["GET", "/api/places", anyone],
  ["GET", "/api/places/nearby", anyone],
  ["GET", "/api/places/{id}", anyone],
  ["GET", "/tiles/{z}/{x}/{y}.mvt", anyone],
  ["GET", "/tiles/{z}/{x}/{y}.webp", anyone],
  ["GET", "/api/search", anyone],
  ["GET", "/api/suggest", anyone],
  ["GET", "/api/route", anyone],
  ["GET", "/api/plan", anyone],
  ["GET", "/api/plan/tasks/{number}", anyone],
  ["GET", "/api/plan/indicators", anyone],
  ["GET", "/api/units", anyone],
  ["GET", "/api/plan/progress", anyone],
  ["GET", "/api/sites/rubrics", anyone],
  ["POST", "/api/auth/login", anyone],
  ["POST", "/api/auth/logout", anyoneReading("session")],
  ["GET", "/api/auth/me", ANY_STAFF],
  ["GET", "/api/staff/users", staff("admin")],
  ["POST", "/api/staff/users", staff("admin")],
  ["GET", "/api/reports", plan("reports.read")],
  ["POST", "/api/reports", plan("reports.write")],
  ["GET", "/api/reports/owed", plan("reports.read")],
  ["GET", "/api/reports/{id}", plan("reports.read")],
  ["PUT", "/api/reports/{id}", plan("reports.write")],
  ["POST", "/api/reports/{id}/submit", plan("reports.write")],
  ["POST", "/api/reports/{id}/return", plan("reports.decide")],
  ["POST", "/api/reports/{id}/approve", plan("reports.decide")],
  ["GET", "/api/reports/{id}/history", plan("reports.read")],
  ["POST", "/api/reports/{id}/attachments", plan("reports.write")],
  ["GET", "/api/reports/{id}/attachments/{attachment}", plan("reports.read")],
  ["GET", "/api/plan/dashboard", plan("dashboard.read")],
  ["GET", "/api/plan/overdue", plan("overdue.read")],
  ["GET", "/api/plan/evaluation.xlsx", plan("evaluations.read")],
  ["GET", "/api/plan/evaluation.html", plan("evaluations.read")],
  ["GET", "/api/plan/evaluation.pdf", plan("evaluations.read")],
  ["GET", "/api/plan/export.xlsx", plan("values.export")],
  ["POST", "/api/plan/import/values", plan("values.import")],
  ["GET", "/api/audit", plan("audit.read")],
  ["GET", "/api/sites/assessments", plan("sites.read")],
  ["POST", "/api/sites/assessments", plan("sites.assess")],
  ["GET", "/api/coverage", ANY_STAFF],
  ["GET", "/api/coverage/standards", ANY_STAFF],
  ["GET", "/api/coverage/suggest", ANY_STAFF],
  ["GET", "/api/schoolroutes", ANY_STAFF],
  ["GET", "/api/schoolroutes/school", ANY_STAFF],
  ["GET", "/api/schoolroutes/school.html", ANY_STAFF],
  ["GET", "/api/schoolroutes/school.pdf", ANY_STAFF],
  ["GET", "/api/schoolroutes/school.png", ANY_STAFF],
  ["GET", "/api/plan/school-projects", schoolProjects("school-projects.read")],
  ["POST", "/api/plan/school-projects", schoolProjects("school-projects.write")],
  ["GET", "/api/plan/school-projects/summary", schoolProjects("school-projects.read")],
  ["GET", "/api/plan/school-projects/{id}", schoolProjects("school-projects.read")],
  ["PATCH", "/api/plan/school-projects/{id}", schoolProjects("school-projects.write")],
  ["POST", "/api/plan/school-projects/{id}/photos", schoolProjects("school-projects.write")],
  ["GET", "/api/plan/school-projects/{id}/photos/{photoId}", schoolProjects("school-projects.read")],
  ["POST", "/api/safety/check", anyone],
  ["GET", "/api/privacy/child", anyone],
  ["POST", "/api/members/register", anyone],
  ["POST", "/api/members/register/confirm", anyone],
  ["POST", "/api/members/login", anyone],
  ["POST", "/api/members/logout", anyoneReading("member")],
  ["GET", "/api/members/session", anyoneReading("member")],
  ["GET", "/api/members/me", member()],
  ["DELETE", "/api/members/me", member("adults")],
  ["GET", "/api/members/me/reviews", member()],
  ["GET", "/api/family/children", member()],
  ["POST", "/api/family/children", member("adults")],
  ["DELETE", "/api/family/children/{id}", member("guardian")],
  ["GET", "/api/family/children/{id}/reviews", member("guardian")],
  ["DELETE", "/api/family/children/{id}/reviews/{reviewId}", member("guardian")],
  ["GET", "/api/family/consents", member()],
  ["GET", "/api/places/{id}/reviews", anyoneReading("member")],
  ["POST", "/api/places/{id}/reviews", member()],
  ["DELETE", "/api/reviews/{id}", member("author")],
  ["POST", "/api/reviews/{id}/photos", member("author")],
  ["POST", "/api/reviews/{id}/helpful", member()],
  ["GET", "/api/review-photos/{id}", { kind: "public", reads: ["member", "session"], shownTo: ["author", "guardian", "moderator", "admin"] }],
  ["POST", "/api/places/{id}/corrections", anyoneReading("member")],
  ["POST", "/api/content-reports", member()],
  ["GET", "/api/appeals", member()],
  ["POST", "/api/appeals", member("author")],
  ["POST", "/api/takedown-notices", anyone],
  ["GET", "/api/moderation/queue", MODERATORS],
  ["GET", "/api/moderation/items/{type}/{id}", MODERATORS],
  ["POST", "/api/moderation/items/{type}/{id}/decisions", MODERATORS],
  ["GET", "/api/moderation/appeals", MODERATORS],
  ["POST", "/api/moderation/appeals/{id}", MODERATORS],
  ["GET", "/api/moderation/takedowns", MODERATORS],
  ["POST", "/api/moderation/takedowns/{id}", MODERATORS],
  ["GET", "/api/moderation/corrections", MODERATORS],
  ["POST", "/api/moderation/corrections/{id}", MODERATORS],
  ["GET", "/api/journey", anyone],
  ["GET", "/api/transit/departures", anyone],
  ["GET", "/api/transit/stops", anyone],
  ["GET", "/api/ideas/map", anyone],
  ["GET", "/api/ideas", anyoneReading("member")],
  ["POST", "/api/ideas", member()],
  ["GET", "/api/ideas/mine", member()],
  ["GET", "/api/ideas/notifications", member()],
  ["POST", "/api/ideas/notifications/read", member()],
  ["GET", "/api/ideas/accountability", anyone],
  ["GET", "/api/ideas/triage", staff("admin", "reviewer")],
  ["GET", "/api/ideas/assigned", staff("admin", "reviewer", "leader", "reporter")],
  ["GET", "/api/ideas/{id}", anyoneReading("member", "session")],
  ["DELETE", "/api/ideas/{id}", member("author")],
  ["DELETE", "/api/family/children/{id}/ideas/{ideaId}", member("guardian")],
  ["POST", "/api/ideas/{id}/photos", member("author")],
  ["POST", "/api/ideas/{id}/drawing", member("author")],
  ["GET", "/api/idea-photos/{id}", { kind: "public", reads: ["member", "session"], shownTo: ["author", "guardian", "moderator", "admin"] }],
  ["POST", "/api/ideas/{id}/support", member()],
  ["GET", "/api/ideas/{id}/comments", anyoneReading("member")],
  ["POST", "/api/ideas/{id}/comments", member()],
  ["POST", "/api/ideas/{id}/triage", staff("admin", "reviewer")],
  ["POST", "/api/ideas/{id}/answers", staff("admin", "reporter")],
  ["POST", "/api/ideas/{id}/result-photo", staff("admin", "reporter")],
  ["GET", "/api/councils", anyoneReading("member", "session")],
  ["POST", "/api/councils", ORGANISERS],
  ["GET", "/api/councils/mine", member()],
  ["GET", "/api/councils/{id}", anyoneReading("member", "session")],
  ["GET", "/api/councils/{id}/members", ORGANISERS],
  ["POST", "/api/councils/{id}/members", member("adults")],
  ["DELETE", "/api/councils/{id}/members/{childId}/posts/{postId}", member("guardian")],
  ["POST", "/api/councils/{id}/sessions", ORGANISERS],
  ["GET", "/api/councils/{id}/sessions/{sessionId}", COUNCIL_INSIDERS],
  ["PUT", "/api/councils/{id}/sessions/{sessionId}", ORGANISERS],
  ["POST", "/api/councils/{id}/sessions/{sessionId}/record", ORGANISERS],
  ["GET", "/api/councils/{id}/items/{itemId}/posts", COUNCIL_INSIDERS],
  ["POST", "/api/councils/{id}/items/{itemId}/posts", member("author")],
  ["DELETE", "/api/councils/{id}/posts/{postId}", member("author")],
  ["POST", "/api/councils/{id}/decisions", ORGANISERS],
  ["POST", "/api/councils/{id}/decisions/{decisionId}/send", ORGANISERS],
  ["GET", "/api/polls", anyoneReading("member")],
  ["POST", "/api/polls", staff(...POLL_CREATOR_ROLES)],
  ["GET", "/api/polls/{id}", anyoneReading("member")],
  ["POST", "/api/polls/{id}/vote", member("children")],
  ["DELETE", "/api/polls/{id}/vote", member("children")],
  ["POST", "/api/polls/{id}/close", staff(...POLL_CREATOR_ROLES)],
  ["POST", "/api/polls/{id}/options/{optionId}/image", staff(...POLL_CREATOR_ROLES)],
  ["GET", "/api/polls/{id}/options/{optionId}/image", anyone],
  // Last: it takes the matrix's fixture child out of the council the rows above need it in.
  ["DELETE", "/api/councils/{id}/members/{childId}", member("guardian")],
];

/** Every operation the server serves, once. */
export const ACCESS_TABLE: readonly AccessRule[] = rows.map(([method, path, access]) => ({ method, path, access }));

/** The rule of one operation, or undefined when the table does not list it. */
export function accessOf(method: string, path: string): Access | undefined {
  return ACCESS_TABLE.find((r) => r.method === method.toUpperCase() && r.path === path)?.access;
}
