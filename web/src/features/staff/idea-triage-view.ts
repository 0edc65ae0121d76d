/**
 * Triage of children's ideas (staff): each public idea waiting to be sent on, with who
 * shared it (a nickname, marked when a minor), its text and photos, its supports, how long
 * it has waited, and the exact point (shown to staff only, for routing). Staff send it to a
 * plan task and one of the task's lead units, or merge it into the same idea.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { errorText } from "../../shared/error-text.ts";
import { planTasks } from "../../shared/plan-ui/index.ts";
import { photoStrip } from "../family/photo-viewer.ts";
import type { StaffContext } from "../accounts/staff-context.ts";
import { kindName } from "../ideas/idea-kinds.ts";
import { type StaffIdea, fetchTriage, triage } from "./voice-staff-api.ts";
import { st } from "./staff-voice-messages.ts";
import { ideaHead } from "./idea-staff-parts.ts";

function taskPicker(context: StaffContext, idea: StaffIdea, done: () => void): HTMLElement {
  const id = `triage-${idea.id}`;
  const tasks = planTasks(context.tree).filter((task) => task.leadUnits.length > 0);
  const task = el("select", { id: `${id}-task`, class: "select triage-task" }, el("option", { value: "" }, st("chooseTask")),
    ...tasks.map((t) => el("option", { value: t.number }, `${t.number}. ${pick({ zh: t.title, en: t.titleEn })}`)));
  const unit = el("select", { id: `${id}-unit`, class: "select triage-unit" });
  const fillUnits = (): void => {
    const chosen = tasks.find((t) => String(t.number) === task.value);
    replaceChildren(unit, ...(chosen?.leadUnits ?? []).map((u) => el("option", { value: u.id }, pick({ zh: u.name, en: u.nameEn }))));
  };
  task.addEventListener("change", fillUnits);
  fillUnits();
  const status = el("p", { class: "form-message", role: "status" });
  const send = el("button", { type: "button", class: "button button-primary button-small", "data-action": "assign" }, st("assign"));
  send.addEventListener("click", () => {
    if (!task.value) return void (status.textContent = st("needTask"));
    send.disabled = true;
    triage(idea.id, { action: "assign", taskNumber: Number(task.value), ...(unit.value ? { unitId: unit.value } : {}) }).then(() => {
      context.say(st("assigned", { unit: unit.selectedOptions[0]?.textContent ?? "" }));
      done();
    }, (error: unknown) => {
      status.textContent = errorText(error);
      send.disabled = false;
    });
  });
  return el("div", { class: "triage-row" },
    el("div", { class: "form-field" }, el("label", { for: task.id, class: "field-label" }, st("taskLabel")), task),
    el("div", { class: "form-field" }, el("label", { for: unit.id, class: "field-label" }, st("unitLabel")), unit),
    el("div", { class: "form-actions" }, send), status);
}

function mergePicker(context: StaffContext, idea: StaffIdea, others: readonly StaffIdea[], done: () => void): HTMLElement | null {
  const candidates = others.filter((o) => o.id !== idea.id);
  if (candidates.length === 0) return null;
  const id = `merge-${idea.id}`;
  const into = el("select", { id, class: "select merge-into" }, el("option", { value: "" }, st("chooseIdea")),
    ...candidates.map((o) => el("option", { value: o.id }, `${kindName(o.kind)} · ${o.title}`)));
  const status = el("p", { class: "form-message", role: "status" });
  const merge = el("button", { type: "button", class: "button button-quiet button-small", "data-action": "merge" }, st("merge"));
  merge.addEventListener("click", () => {
    if (!into.value) return void (status.textContent = st("needIdea"));
    merge.disabled = true;
    triage(idea.id, { action: "merge", into: into.value }).then(() => {
      context.say(st("merged"));
      done();
    }, (error: unknown) => {
      status.textContent = errorText(error);
      merge.disabled = false;
    });
  });
  return el("details", { class: "merge-box" }, el("summary", { class: "link-button" }, st("mergeLabel")),
    el("div", { class: "form-field" }, el("label", { for: id, class: "field-label" }, st("mergeLabel")), into), merge, status);
}

function triageCard(context: StaffContext, idea: StaffIdea, all: readonly StaffIdea[], refresh: () => void): HTMLElement {
  return el("li", { class: "staff-idea", "data-idea": idea.id },
    ideaHead(idea),
    el("p", { class: "item-text" }, idea.text),
    idea.photos.length ? photoStrip(idea.photos, { width: 120, height: 90 }) : null,
    taskPicker(context, idea, refresh),
    mergePicker(context, idea, all, refresh));
}

/** The triage view. */
export async function showIdeaTriage(context: StaffContext, slot: HTMLElement): Promise<void> {
  const ideas = await fetchTriage();
  const refresh = (): void => void showIdeaTriage(context, slot);
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, st("triageTitle")),
    el("p", { class: "muted" }, st("triageIntro", { days: 30 })),
    ideas.length === 0 ? el("p", { class: "empty-note" }, st("triageEmpty")) : el("ul", { class: "staff-ideas" }, ...ideas.map((idea) => triageCard(context, idea, ideas, refresh))),
  );
}
