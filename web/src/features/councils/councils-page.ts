/**
 * The children's councils page (councils.html): the councils with what they belong to and
 * how many members; one council (`#<id>`) with its sessions. A guardian signed in may enrol a
 * child, agreeing to the council's consent scope; members post in the agenda threads.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../family/family.css";
import "../ideas/ideas.css";
import "./councils.css";
import { CHILD_PRIVACY_VERSION } from "../../../../src/core/child-privacy.ts";
import { COUNCIL_SCOPE_LABELS } from "../../../../src/core/api/councils-vocabulary.ts";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { initLanguage, onLanguageChange, pick } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { type Member, fetchChildren, fetchMember } from "../family/family-api.ts";
import { errorLine } from "../family/form-parts.ts";
import { type Council, fetchCouncil, fetchCouncils, joinCouncil } from "./councils-api.ts";
import { ct } from "./councils-messages.ts";
import { sessionView } from "./session-view.ts";

initLanguage();
const main = byId("councils");
mountPageFrame(byId("page-header"), "councils", () => ct("councilsTitle"));
let member: Member | null = null;

function hero(): HTMLElement {
  return el("div", { class: "page-hero" }, el("p", { class: "hero-kicker" }, ct("councilsKicker")), el("h1", { class: "hero-title" }, ct("councilsTitle")), el("p", { class: "hero-note" }, ct("councilsIntro")));
}

function councilLine(council: Council): HTMLElement {
  return el("li", { class: "council-line", "data-council": council.id },
    el("h3", { class: "council-name" }, el("a", { href: `#${council.id}` }, council.name)),
    el("p", { class: "muted" }, pick(COUNCIL_SCOPE_LABELS[council.scope]), council.areaName ? ` · ${council.areaName}` : "", " · ", ct("members", { n: council.memberCount })),
    council.description ? el("p", {}, council.description) : null);
}

async function joinForm(council: Council): Promise<HTMLElement | null> {
  if (!member || member.kind !== "adult") return null;
  const children = await fetchChildren();
  if (children.length === 0) return el("p", { class: "muted" }, ct("noChildrenYet"));
  const child = el("select", { id: "join-child", class: "select" }, ...children.map((c) => el("option", { value: c.id }, c.nickname)));
  const error = errorLine();
  const submit = el("button", { type: "submit", class: "button button-primary", id: "join-council" }, ct("join"));
  const form = el("form", { class: "family-form" }, el("label", { for: child.id, class: "field-label" }, ct("chooseChild")), child, el("p", { class: "field-hint" }, ct("joinConsent")), error.node, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    joinCouncil(council.id, { childId: child.value, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } })
      .then(() => box.replaceWith(el("p", { class: "success-note page-section", id: "joined-note", role: "status" }, ct("joined"))), (e: unknown) => error.show(e))
      .finally(() => (submit.disabled = false));
  });
  const box = el("details", { class: "page-section" }, el("summary", { class: "button button-secondary" }, ct("joinTitle")), form);
  return box;
}

async function showCouncil(id: string): Promise<void> {
  const { council, sessions } = await fetchCouncil(id);
  const canPost = member !== null && member.kind === "child" && council.mine;
  replaceChildren(main, hero(),
    el("a", { href: "#", class: "back-link" }, `← ${ct("allCouncils")}`),
    el("section", { class: "page-section", "aria-labelledby": "council-title", "data-council": council.id },
      el("h2", { id: "council-title", class: "section-title" }, council.name),
      el("p", { class: "muted" }, pick(COUNCIL_SCOPE_LABELS[council.scope]), council.areaName ? ` · ${council.areaName}` : "", " · ", ct("members", { n: council.memberCount })),
      council.description ? el("p", {}, council.description) : null),
    await joinForm(council),
    el("section", { class: "page-section", "aria-labelledby": "sessions-title" }, el("h2", { id: "sessions-title", class: "section-title" }, ct("sessions")),
      sessions.length === 0 ? el("p", { class: "muted" }, ct("noSessions")) : el("div", { class: "council-sessions" }, ...sessions.map((s) => sessionView(council.id, s, { canPost })))));
}

async function render(): Promise<void> {
  try {
    const id = location.hash.replace(/^#/, "");
    if (id) await showCouncil(decodeURIComponent(id));
    else {
      const councils = await fetchCouncils(new URLSearchParams(location.search).get("region") ?? undefined);
      replaceChildren(main, hero(), el("section", { class: "page-section", "aria-labelledby": "councils-list" }, el("h2", { id: "councils-list", class: "section-title" }, ct("allCouncils")),
        councils.length === 0 ? el("p", { class: "muted" }, ct("noCouncils")) : el("ul", { class: "council-list" }, ...councils.map(councilLine))));
    }
    main.dataset.status = "ready";
  } catch (error) {
    main.dataset.status = "error";
    replaceChildren(main, el("p", { class: "error-note", role: "alert" }, ct("loadFailed")));
    console.error(error);
  }
}

window.addEventListener("hashchange", () => void render());
onLanguageChange(() => void render());
void fetchMember().then((m) => (member = m)).finally(() => void render());
