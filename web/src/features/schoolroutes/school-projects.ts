/**
 * School-route projects (学径改造) on the school-route page: the chosen school's projects with
 * their status, a form that starts one at a ranked crossing (its unit, the measure, a budget),
 * and the next step of a project (start works, complete it today). A unit's reporter starts
 * projects for their own unit; reviewers and administrators for any unit carrying task 22;
 * the server decides and says why not. Completed signals and zebras become the analysis' base.
 */
import type { SchoolProject } from "../../../../src/core/api/school-projects.ts";
import { SCHOOL_PROJECT_MEASURE_LABELS, SCHOOL_PROJECT_STATUS_LABELS, type SchoolProjectMeasureKind } from "../../../../src/core/api/school-project-vocabulary.ts";
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { getField, sendField } from "../../shared/http.ts";
import type { RankedCrossing, SchoolSummary } from "./schoolroutes-api.ts";
import { t } from "./schoolroutes-messages.ts";

/** The measures a project can put at a crossing from this page. */
const CROSSING_MEASURES: readonly SchoolProjectMeasureKind[] = ["signal", "zebra", "refuge", "speed_humps", "cameras"];

export async function fetchProjects(region: string): Promise<SchoolProject[]> {
  return getField<SchoolProject[]>(`/api/plan/school-projects?region=${encodeURIComponent(region)}`, "projects", Array.isArray);
}

/** The units carrying the school-route task, which a project may belong to (from the projects' summary). */
export async function fetchProjectUnitIds(): Promise<readonly string[]> {
  return getField<string[]>("/api/plan/school-projects/summary", "unitIds", Array.isArray);
}

/**
 * The units the form offers: a reporter their own unit; reviewers and administrators their own
 * (if any) first, then every other unit carrying the task; nobody else any. Without the list of
 * carriers (no plan), all units, and the server says which may not.
 */
export function choosableUnits<U extends { readonly id: string }>(units: readonly U[], user: { readonly role: string; readonly unitId: string | null }, carriers: readonly string[] | null): U[] {
  if (user.role === "reporter") return units.filter((u) => u.id === user.unitId);
  if (user.role !== "admin" && user.role !== "reviewer") return [];
  const carrying = carriers ? units.filter((u) => carriers.includes(u.id)) : [...units];
  return [...carrying.filter((u) => u.id === user.unitId), ...carrying.filter((u) => u.id !== user.unitId)];
}

/** The status a project moves to next, and the fields that move needs (null: nothing next). */
export function nextStep(project: Pick<SchoolProject, "status" | "version">, today: string): { status: "in_progress" | "completed"; body: Record<string, unknown> } | null {
  if (project.status === "planned") return { status: "in_progress", body: { version: project.version, status: "in_progress" } };
  if (project.status === "in_progress") return { status: "completed", body: { version: project.version, status: "completed", completedOn: today } };
  return null;
}

export interface ProjectContext {
  region: string;
  school: SchoolSummary;
  crossings: readonly RankedCrossing[];
  /** Units the person may choose (their own first). */
  units: ReadonlyArray<{ id: string; name: string }>;
  projects: readonly SchoolProject[];
  /** Called after a change, to read everything again. */
  changed(message: string): void;
  failed(error: unknown): void;
}

function projectLine(project: SchoolProject, ctx: ProjectContext): HTMLElement {
  const step = nextStep(project, new Date().toISOString().slice(0, 10));
  const button = step ? el("button", { type: "button", class: "button button-quiet sr-project-step", "data-project": project.id }, t(step.status === "in_progress" ? "srProjectStart" : "srProjectComplete")) : null;
  button?.addEventListener("click", () => {
    button.disabled = true;
    sendField<SchoolProject>("PATCH", `/api/plan/school-projects/${encodeURIComponent(project.id)}`, step!.body, "project")
      .then((saved) => ctx.changed(t("srProjectNow", { title: saved.title, status: pick(SCHOOL_PROJECT_STATUS_LABELS[saved.status]) })))
      .catch((error: unknown) => {
        button.disabled = false;
        ctx.failed(error);
      });
  });
  const measures = project.measures.map((m) => pick(SCHOOL_PROJECT_MEASURE_LABELS[m.measure])).join("、");
  return el("li", { class: "sr-project", "data-status": project.status },
    el("span", { class: "sr-project-title" }, project.title),
    el("span", { class: "sr-project-status" }, `${pick(SCHOOL_PROJECT_STATUS_LABELS[project.status])}${measures ? ` · ${measures}` : ""}`),
    button);
}

function projectForm(ctx: ProjectContext): HTMLElement {
  const crossing = el("select", { id: "sr-project-crossing" }, ...ctx.crossings.slice(0, 10).map((c, i) => el("option", { value: c.id }, `${i + 1}. ${c.road.name ?? t("srUnnamedRoad")}`)));
  const measure = el("select", { id: "sr-project-measure" }, ...CROSSING_MEASURES.map((m) => el("option", { value: m }, pick(SCHOOL_PROJECT_MEASURE_LABELS[m]))));
  const unit = el("select", { id: "sr-project-unit" }, ...ctx.units.map((u) => el("option", { value: u.id }, u.name)));
  const budget = el("input", { id: "sr-project-budget", type: "number", min: 0, step: 1000, inputmode: "numeric" });
  const submit = el("button", { type: "submit", class: "button" }, t("srProjectCreate"));
  const form = el("form", { class: "sr-project-form", id: "sr-project-form" },
    el("label", { class: "sr-field" }, t("srProjectCrossing"), crossing),
    el("label", { class: "sr-field" }, t("srProjectMeasure"), measure),
    el("label", { class: "sr-field" }, t("srProjectUnit"), unit),
    el("label", { class: "sr-field" }, t("srProjectBudget"), budget),
    submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const at = ctx.crossings.find((c) => c.id === crossing.value);
    if (!at) return;
    const kind = measure.value as SchoolProjectMeasureKind;
    const road = at.road.name ?? t("srUnnamedRoad");
    submit.disabled = true;
    sendField<SchoolProject>("POST", "/api/plan/school-projects", {
      region: ctx.region, schoolId: ctx.school.id, schoolName: ctx.school.name, unitId: unit.value,
      title: t("srProjectTitle", { road, measure: pick(SCHOOL_PROJECT_MEASURE_LABELS[kind]) }),
      measures: [{ measure: kind, lon: at.position[0], lat: at.position[1] }],
      budgetYuan: budget.value === "" ? null : Math.round(Number(budget.value)),
    }, "project")
      .then((saved) => ctx.changed(t("srProjectCreated", { title: saved.title })))
      .catch((error: unknown) => {
        submit.disabled = false;
        ctx.failed(error);
      });
  });
  return form;
}

/** The section: this school's projects, and the form when there is a crossing to start one at. */
export function projectSection(ctx: ProjectContext): HTMLElement {
  const mine = ctx.projects.filter((p) => p.schoolId === ctx.school.id);
  return el("section", { class: "sr-projects", "aria-labelledby": "sr-projects-title" },
    el("h2", { id: "sr-projects-title" }, t("srProjects")),
    mine.length > 0 ? el("ul", {}, ...mine.map((p) => projectLine(p, ctx))) : el("p", { class: "sr-proxy" }, t("srNoProjects")),
    ctx.crossings.length > 0 && ctx.units.length > 0 ? projectForm(ctx) : null);
}
