/**
 * The staff pages' entry (督导评估): signs the user in, then shows the views their role
 * may use, chosen by the URL's hash so Back and bookmarks work: the unit's tasks and
 * reports (reporters), the review queue and demonstration-site assessment (reviewers, the
 * working group), the dashboard and the district view (every plan role) and single reports;
 * moderators get moderation and corrections only (staff-tabs.ts); children's voice adds the
 * triage of ideas, units' answers, polls and councils. The user's name, role and a sign-out
 * button stay on top.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../../shared/staff-forms.css";
import "./staff.css";
import "../family/family.css";
import { STAFF_ROLE_LABELS } from "../../../../src/core/staff-roles.ts";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { initLanguage, onLanguageChange, pick } from "../../shared/i18n.ts";
import { t } from "./staff-messages.ts";
import { announce } from "../../shared/toast.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { fetchPlanTree } from "../../shared/plan-ui/index.ts";
import { showDashboard } from "../dashboard/dashboard-view.ts";
import { showCorrections } from "../moderation/corrections-view.ts";
import { showDistrictView } from "../dashboard/district-view.ts";
import { showModeration } from "../moderation/moderation-view.ts";
import { showReport } from "../reports/report-page.ts";
import { showReviewQueue } from "../review/review-queue.ts";
import { signInForm } from "../accounts/staff-sign-in-form.ts";
import { showSiteAssessment } from "../sites/site-assessment-view.ts";
import { fetchMe, fetchUnits, signOut, type StaffUser } from "../accounts/staff-session-api.ts";
import { type StaffContext, unitName, viewHash } from "../accounts/staff-context.ts";
import { errorText } from "../../shared/error-text.ts";
import { tabsFor } from "./staff-tabs.ts";
import { showVenueHome } from "./venue-home.ts";
import { type PageView, viewFor } from "./staff-views.ts";
import { showUnitTasks } from "../reports/unit-tasks.ts";
import { showIdeaAnswers } from "./idea-answers-view.ts";
import { showIdeaTriage } from "./idea-triage-view.ts";
import { showStaffCouncils } from "./staff-councils-view.ts";
import { showStaffPolls } from "./staff-polls-view.ts";
import "../ideas/ideas.css";
import "../polls/polls.css";
import "../councils/councils.css";
import "./staff-voice.css";

initLanguage();
const main = byId("staff");
mountPageFrame(byId("page-header"), "staff", () => t("staffTitle"));

let context: StaffContext | null = null;
/** Counts renders: a view that finishes loading after a newer one started must not mark the page ready. */
let renders = 0;

function showSignIn(): void {
  context = null;
  main.dataset.view = "sign-in";
  replaceChildren(main, signInForm((user) => void enter(user)));
  document.getElementById("username")?.focus();
}

function userBar(user: StaffUser, view: PageView): HTMLElement {
  const out = el("button", { type: "button", class: "button button-quiet", id: "sign-out" }, t("signOut"));
  out.addEventListener("click", () => {
    out.disabled = true;
    // Signed out either way: a session the server no longer knows needs no closing.
    signOut().catch(() => undefined).finally(() => {
      history.replaceState(null, "", location.pathname);
      showSignIn();
    });
  });
  const tabs = tabsFor(user.role).map((tab) => el("a", { href: `#${tab.name}`, class: "tab", "aria-current": view.name === tab.name ? "page" : null }, t(tab.label)));
  const who = [user.displayName, pick(STAFF_ROLE_LABELS[user.role]), context && user.unitId ? unitName(context, user.unitId) : null].filter(Boolean).join(" · ");
  return el(
    "div",
    { class: "user-bar" },
    el("div", { class: "user-text" }, el("h1", { class: "staff-heading" }, t("staffTitle")), el("p", { class: "user-who", id: "user-who" }, who)),
    out,
    el("nav", { class: "tabs", "aria-label": t("staffViews") }, ...tabs, el("a", { href: "/planner.html", class: "tab", id: "planner-link" }, t("plannerTitle")), el("a", { href: "/schoolroutes.html", class: "tab", id: "schoolroutes-link" }, t("schoolRoutesTitle"))),
  );
}

/** Draws the current view; errors become a message with a retry. */
async function render(): Promise<void> {
  if (!context) return;
  const view = viewFor(context.user.role, location.hash);
  const current = ++renders;
  const slot = el("div", { class: "view", id: "view" });
  delete main.dataset.ready;
  main.dataset.view = view.name;
  replaceChildren(main, userBar(context.user, view), slot);
  try {
    if (view.name === "tasks") await showUnitTasks(context, slot);
    else if (view.name === "queue") await showReviewQueue(context, slot);
    else if (view.name === "dashboard") await showDashboard(context, slot);
    else if (view.name === "sites") await showSiteAssessment(context, slot, view.id);
    else if (view.name === "districts") await showDistrictView(context, slot, view.id);
    else if (view.name === "moderation") await showModeration(context, slot);
    else if (view.name === "corrections") await showCorrections(context, slot);
    else if (view.name === "ideas") await showIdeaTriage(context, slot);
    else if (view.name === "answers") await showIdeaAnswers(context, slot);
    else if (view.name === "polls") await showStaffPolls(context, slot);
    else if (view.name === "councils") await showStaffCouncils(context, slot, view.id);
    else if (view.name === "venue") showVenueHome(context.user, slot);
    else await showReport(context, slot, view.id);
    if (current === renders) main.dataset.ready = view.name;
  } catch (error) {
    if (current !== renders) return;
    const retry = el("button", { type: "button", class: "button button-quiet" }, t("retry"));
    retry.addEventListener("click", () => void render());
    replaceChildren(slot, el("p", { class: "error-note", role: "alert" }, errorText(error)), retry);
  }
}

async function enter(user: StaffUser): Promise<void> {
  const [tree, units] = await Promise.all([fetchPlanTree(), fetchUnits()]);
  context = {
    user,
    tree,
    units: new Map(units.map((u) => [u.id, u])),
    go: (view) => {
      if (location.hash === viewHash(view)) void render();
      else location.hash = viewHash(view);
    },
    say: (message, tone) => announce(message, tone),
  };
  await render();
  main.querySelector<HTMLElement>(".view-title")?.focus({ preventScroll: true });
}

window.addEventListener("hashchange", () => {
  void render().then(() => main.querySelector<HTMLElement>(".view-title")?.focus({ preventScroll: true }));
});
onLanguageChange(() => (context ? void render() : showSignIn()));

async function start(): Promise<void> {
  try {
    const user = await fetchMe();
    if (user) await enter(user);
    else showSignIn();
  } catch (error) {
    replaceChildren(main, el("p", { class: "error-note", role: "alert" }, errorText(error)));
    console.error(error);
  }
}

void start();
