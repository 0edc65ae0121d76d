/**
 * The planner's page entry (规划决策): staff sign in with the staff pages' form, then see
 * walking coverage of residential areas for a standard, the gaps on a map, and what new or
 * closed sites would change. Regions the server cannot analyse (no street network or
 * residential areas, e.g. Hengyang today) stay listed and explain themselves.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../../shared/staff-forms.css";
import "./planner.css";
import type { Region } from "../../shared/api.ts";
import { fetchRegions } from "../../shared/api.ts";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { initLanguage, onLanguageChange } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { t } from "./planner-messages.ts";
import { signInForm } from "../accounts/staff-sign-in-form.ts";
import { fetchMe, signOut, type StaffUser } from "../accounts/staff-session-api.ts";
import { errorText } from "../../shared/error-text.ts";
import { type AccessStandard, fetchStandards } from "./planner-api.ts";
import type { Choice } from "./planner-controls.ts";
import { PlannerSession } from "./planner-session.ts";

/** The preset a planner sees first: children's play within a short walk. */
const FIRST_STANDARD = "playground-5";

initLanguage();
const main = byId("planner");
const brief = byId("print-brief");
// The planner is one of the staff pages, so the frame marks the staff link as where we are.
mountPageFrame(byId("page-header"), "staff", () => t("plannerTitle"));

let session: PlannerSession | null = null;

function showSignIn(): void {
  session?.destroy();
  session = null;
  main.dataset.status = "sign-in";
  replaceChildren(main, signInForm((user) => void enter(user)));
  document.getElementById("username")?.focus();
}

/** The first choice: the first preset named FIRST_STANDARD, in the first region that can be analysed. */
function firstChoice(regions: readonly Region[], available: ReadonlySet<string>, standards: readonly AccessStandard[]): Choice {
  const standard = standards.find((s) => s.id === FIRST_STANDARD) ?? standards[0];
  const region = regions.find((r) => available.has(r.id)) ?? regions[0];
  return { region: region?.id ?? "", standard: standard?.id ?? null, kinds: standard?.kinds ?? ["playground"], minutes: standard?.minutes ?? 5 };
}

async function enter(user: StaffUser): Promise<void> {
  main.dataset.status = "loading";
  const [listed, { standards }] = await Promise.all([fetchRegions(), fetchStandards()]);
  const available = new Set(listed.filter((r) => r.coverage).map((r) => r.id));
  // Regions that can be analysed first, so the list reads "works" before "not yet".
  const regions = [...listed.filter((r) => available.has(r.id)), ...listed.filter((r) => !available.has(r.id))];
  session = new PlannerSession(main, brief, {
    user,
    regions,
    available,
    standards,
    first: firstChoice(regions, available, standards),
    signOut: () => {
      // Signed out either way: a session the server no longer knows needs no closing.
      void signOut().catch(() => undefined).finally(showSignIn);
    },
  });
  main.querySelector<HTMLElement>(".planner-title")?.focus({ preventScroll: true });
}

onLanguageChange(() => (session ? session.relabel() : main.dataset.status === "sign-in" ? showSignIn() : undefined));

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
