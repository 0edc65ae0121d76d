/**
 * Councils on the staff page, for their organisers: create a council (community or district
 * by its division code, school by its place), then per council (`#councils/<id>`) plan a
 * session (time, place, agenda), record it (held with minutes and attendance per age band,
 * or cancelled), record its decisions and send one to the unit in charge, where it follows
 * the ideas' accountability path.
 */
import { AGE_BANDS, AGE_BAND_LABELS, COUNCIL_LIMITS, COUNCIL_SCOPES, COUNCIL_SCOPE_LABELS, DECISION_KINDS, type CouncilScope, type DecisionKind } from "../../../../src/core/api/councils-vocabulary.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { errorText } from "../../shared/error-text.ts";
import type { StaffContext } from "../accounts/staff-context.ts";
import { type Council, type Session, createCouncil, fetchCouncil, fetchCouncils, planSession, recordDecision, recordSession, sendDecision } from "../councils/councils-api.ts";
import { sessionView } from "../councils/session-view.ts";
import { kindName } from "../ideas/idea-kinds.ts";
import { st } from "./staff-voice-messages.ts";

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const labelled = (label: string, input: Field): HTMLElement => el("div", { class: "form-field" }, el("label", { for: input.id, class: "field-label" }, label), input);

/** A form whose submit runs `act`, says `done` and calls `after`, or shows the error. */
function actionForm(context: StaffContext, id: string, button: string, fields: HTMLElement[], act: () => Promise<unknown>, done: string, after: () => void): HTMLFormElement {
  const status = el("p", { class: "form-message", role: "status" });
  const submit = el("button", { type: "submit", class: "button button-primary button-small" }, button);
  const form = el("form", { class: "staff-voice-form", id }, ...fields, el("div", { class: "form-actions" }, submit), status);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    act().then(() => (context.say(done), after()), (error: unknown) => {
      status.textContent = errorText(error);
      submit.disabled = false;
    });
  });
  return form;
}

function newCouncilForm(context: StaffContext, refresh: () => void): HTMLElement {
  const name = el("input", { id: "council-name", class: "input", maxlength: COUNCIL_LIMITS.nameMax, required: true });
  const scope = el("select", { id: "council-scope", class: "select" }, ...COUNCIL_SCOPES.map((s) => el("option", { value: s }, pick(COUNCIL_SCOPE_LABELS[s]))));
  const region = el("input", { id: "council-region", class: "input", value: "hengyang" });
  const division = el("input", { id: "council-division", class: "input", inputmode: "numeric", maxlength: 15 });
  const place = el("input", { id: "council-place", class: "input" });
  const about = el("textarea", { id: "council-about", class: "textarea", rows: 2, maxlength: COUNCIL_LIMITS.descriptionMax });
  const form = actionForm(context, "council-form", st("createCouncil"),
    [labelled(st("councilName"), name), labelled(st("councilScope"), scope), labelled(st("pollRegion"), region), labelled(st("divisionCode"), division), labelled(st("schoolPlace"), place), labelled(st("description"), about)],
    () => createCouncil({ name: name.value.trim(), scope: scope.value as CouncilScope, regionId: region.value.trim(), divisionCode: division.value.trim() || null, placeId: place.value.trim() || null, description: about.value.trim() }),
    st("councilCreated"), refresh);
  return el("details", { class: "staff-box" }, el("summary", { class: "button button-primary", id: "council-new" }, st("newCouncil")), form);
}

function planForm(context: StaffContext, council: Council, refresh: () => void): HTMLElement {
  const when = el("input", { id: "session-time", class: "input", type: "datetime-local", required: true });
  const where = el("input", { id: "session-place", class: "input", maxlength: COUNCIL_LIMITS.placeTextMax, required: true });
  const item = el("input", { id: "session-item", class: "input", maxlength: COUNCIL_LIMITS.itemTitleMax });
  const form = actionForm(context, "session-form", st("planSession"), [labelled(st("sessionTime"), when), labelled(st("sessionPlace"), where), labelled(st("agendaTitle"), item)],
    () => planSession(council.id, { startsAt: new Date(when.value).toISOString(), place: where.value.trim(), agenda: item.value.trim() ? [{ kind: "free", title: item.value.trim() }] : [] }),
    st("sessionPlanned"), refresh);
  return el("details", { class: "staff-box" }, el("summary", { class: "button button-secondary" }, st("planSession")), form);
}

function recordForm(context: StaffContext, council: Council, session: Session, refresh: () => void): HTMLElement {
  const prefix = `record-${session.id}`;
  const state = el("select", { id: `${prefix}-state`, class: "select" }, el("option", { value: "held" }, st("held")), el("option", { value: "cancelled" }, st("cancelled")));
  const minutes = el("textarea", { id: `${prefix}-minutes`, class: "textarea", rows: 3, maxlength: COUNCIL_LIMITS.minutesMax });
  const bands = AGE_BANDS.map((band) => el("input", { id: `${prefix}-${band}`, class: "input", type: "number", min: 0, max: COUNCIL_LIMITS.attendanceMax, value: 0, "data-band": band }));
  const attendance = el("fieldset", { class: "attendance-inputs" }, el("legend", { class: "field-label" }, st("attendance")), ...bands.map((input, i) => labelled(pick(AGE_BAND_LABELS[AGE_BANDS[i]!]), input)));
  return actionForm(context, `${prefix}-form`, st("saveRecord"), [labelled(st("recordSession"), state), labelled(st("minutes"), minutes), attendance],
    () => recordSession(council.id, session.id, {
      state: state.value as "held" | "cancelled", minutes: minutes.value.trim(),
      attendance: Object.fromEntries(bands.map((input) => [input.dataset.band!, Number(input.value) || 0])) as Record<(typeof AGE_BANDS)[number], number>,
    }), st("recordSaved"), refresh);
}

function decisionForm(context: StaffContext, council: Council, session: Session, refresh: () => void): HTMLElement {
  const prefix = `decision-${session.id}`;
  const title = el("input", { id: `${prefix}-title`, class: "input", maxlength: COUNCIL_LIMITS.decisionTitleMax, required: true });
  const text = el("textarea", { id: `${prefix}-text`, class: "textarea", rows: 2, maxlength: COUNCIL_LIMITS.decisionTextMax, required: true });
  const kind = el("select", { id: `${prefix}-kind`, class: "select" }, ...DECISION_KINDS.map((k) => el("option", { value: k }, kindName(k))));
  return actionForm(context, `${prefix}-form`, st("addDecision"), [labelled(st("decisionTitle"), title), labelled(st("decisionText"), text), labelled(st("decisionKind"), kind)],
    () => recordDecision(council.id, { sessionId: session.id, title: title.value.trim(), text: text.value.trim(), kind: kind.value as DecisionKind }), st("recordSaved"), refresh);
}

function sendButtons(context: StaffContext, council: Council, session: Session, refresh: () => void): HTMLElement | null {
  const recorded = session.decisions.filter((d) => d.state === "recorded");
  if (recorded.length === 0) return null;
  return el("div", { class: "button-row" }, ...recorded.map((d) => {
    const button = el("button", { type: "button", class: "button button-primary button-small", "data-send-decision": d.id }, `${st("sendDecision")}: ${d.title}`);
    button.addEventListener("click", () => {
      button.disabled = true;
      sendDecision(council.id, d.id).then(() => (context.say(st("decisionSent")), refresh()), (error: unknown) => {
        context.say(errorText(error), "warning");
        button.disabled = false;
      });
    });
    return button;
  }));
}

async function showCouncil(context: StaffContext, slot: HTMLElement, id: string): Promise<void> {
  const { council, sessions } = await fetchCouncil(id);
  const refresh = (): void => void showCouncil(context, slot, id);
  replaceChildren(slot,
    el("a", { href: "#councils", class: "back-link" }, `← ${st("councilsTitle")}`),
    el("h2", { class: "view-title", tabindex: -1 }, council.name),
    el("p", { class: "muted" }, pick(COUNCIL_SCOPE_LABELS[council.scope]), council.areaName ? ` · ${council.areaName}` : "", " · ", st("membersCount", { n: council.memberCount }), " · ",
      el("a", { href: `/councils.html#${council.id}`, target: "_blank", rel: "noopener" }, st("openPublic"))),
    council.organising ? planForm(context, council, refresh) : null,
    el("h3", {}, st("sessionsTitle")),
    sessions.length === 0 ? el("p", { class: "empty-note" }, st("noSessions")) : el("div", { class: "council-sessions" }, ...sessions.map((session) => el("div", { class: "staff-session" },
      sessionView(council.id, session, { canPost: false }),
      council.organising && session.state === "planned" ? recordForm(context, council, session, refresh) : null,
      council.organising && session.state === "held" ? decisionForm(context, council, session, refresh) : null,
      council.organising ? sendButtons(context, council, session, refresh) : null))));
}

/** The councils view: the list (and the form to create one), or one council. */
export async function showStaffCouncils(context: StaffContext, slot: HTMLElement, id: string | null): Promise<void> {
  if (id) return showCouncil(context, slot, id);
  const councils = await fetchCouncils();
  const refresh = (): void => void showStaffCouncils(context, slot, null);
  replaceChildren(slot,
    el("h2", { class: "view-title", tabindex: -1 }, st("councilsTitle")),
    el("p", { class: "muted" }, st("councilsIntro")),
    newCouncilForm(context, refresh),
    councils.length === 0 ? el("p", { class: "empty-note" }, st("noCouncils")) : el("ul", { class: "council-list" }, ...councils.map((c) => el("li", { class: "council-line", "data-council": c.id },
      el("h3", { class: "council-name" }, el("a", { href: `#councils/${encodeURIComponent(c.id)}` }, c.name)),
      el("p", { class: "muted" }, pick(COUNCIL_SCOPE_LABELS[c.scope]), c.areaName ? ` · ${c.areaName}` : "", " · ", st("membersCount", { n: c.memberCount }))))));
}
