/**
 * The unit reporter's form for a draft or returned report: the task's status, the progress
 * narrative, a value and a date for each of the task's indicators, evidence files (each
 * uploaded as soon as it is chosen) and the buttons to save the draft or submit it.
 */
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./reports-messages.ts";
import { formatValue } from "../../shared/plan-ui/index.ts";
import type { PlanIndicator } from "../../shared/plan-ui/index.ts";
import { taskStatusText } from "../../shared/plan-ui/index.ts";
import { attachmentList, block, reviewComment } from "./report-parts.ts";
import { TASK_STATUSES, attachFile, decideReport, saveReport, type Report, type ReportContent, type ReportValue, type TaskStatus } from "./reports-api.ts";
import { isDistrict, type StaffContext, taskIndicators } from "../accounts/staff-context.ts";
import { errorText } from "../../shared/error-text.ts";

/** The files the server accepts as evidence. */
const EVIDENCE_ACCEPT = ".pdf,.png,.jpg,.jpeg,.xlsx,.docx";

function targetText(indicator: PlanIndicator): string {
  const parts = [
    indicator.target2025 !== undefined ? t("targetValue", { value: formatValue(indicator.target2025), unit: indicator.unit, year: 2025 }) : null,
    indicator.target2028 !== undefined ? t("targetValue", { value: formatValue(indicator.target2028), unit: indicator.unit, year: 2028 }) : null,
  ];
  return parts.filter(Boolean).join(t("listSeparator")) || t("noNumericTarget");
}

function valueRow(indicator: PlanIndicator, existing: ReportValue | undefined, dates: { first: string; today: string }): HTMLElement {
  const valueId = `value-${indicator.id}`;
  const dateId = `measured-${indicator.id}`;
  return el(
    "fieldset",
    { class: "value-row", "data-indicator": indicator.id },
    el("legend", { class: "value-name" }, `${pick({ zh: indicator.name, en: indicator.nameEn })}`),
    el("p", { class: "value-target muted" }, targetText(indicator)),
    el(
      "div",
      { class: "value-inputs" },
      el("label", { for: valueId }, t("valueIn", { unit: indicator.unit })),
      el("input", { id: valueId, name: "value", type: "number", step: "any", inputmode: "decimal", class: "input", value: existing ? String(existing.value) : "" }),
      el("label", { for: dateId }, t("measuredOn")),
      el("input", { id: dateId, name: "measuredOn", type: "date", class: "input", value: existing?.measuredOn ?? dates.first, max: dates.today }),
    ),
  );
}

/** The content the form holds now; values left empty are not reported. */
function readForm(form: HTMLFormElement, context: StaffContext, report: Report): ReportContent {
  const district = context.user.unitId && isDistrict(context, context.user.unitId) ? context.user.unitId : null;
  const values: ReportValue[] = [];
  for (const row of form.querySelectorAll<HTMLElement>(".value-row")) {
    const raw = row.querySelector<HTMLInputElement>('input[name="value"]')?.value.trim() ?? "";
    const measuredOn = row.querySelector<HTMLInputElement>('input[name="measuredOn"]')?.value ?? "";
    if (raw === "" || !row.dataset.indicator) continue;
    const kept = report.values.find((v) => v.indicatorId === row.dataset.indicator);
    values.push({ indicatorId: row.dataset.indicator, districtUnitId: kept?.districtUnitId ?? district, value: Number(raw), measuredOn });
  }
  const status = (form.elements.namedItem("taskStatus") as HTMLSelectElement).value as TaskStatus;
  const narrative = (form.elements.namedItem("narrative") as HTMLTextAreaElement).value;
  return { taskStatus: status, narrative, values };
}

/** The form for a report the unit may still change; `done` gets the report after each change. */
export function reportEditor(context: StaffContext, report: Report, period: { end: string; today: string }, done: (report: Report) => void): HTMLElement {
  const defaultDate = period.end < period.today ? period.end : period.today;
  const statusSelect = el("select", { id: "task-status", name: "taskStatus", class: "select" }, ...TASK_STATUSES.map((s) => el("option", { value: s, selected: s === report.taskStatus }, taskStatusText(s))));
  const narrative = el("textarea", { id: "narrative", name: "narrative", class: "textarea", rows: 6, maxlength: 5000, required: true, placeholder: t("narrativeHint") });
  narrative.value = report.narrative;
  const indicators = taskIndicators(context, report.taskNumber);
  const message = el("p", { class: "form-message", role: "status", "aria-live": "polite" });
  const busy = (on: boolean): void => {
    for (const button of form.querySelectorAll("button")) button.disabled = on;
  };
  const act = async (work: () => Promise<Report>, success: string): Promise<void> => {
    busy(true);
    message.textContent = t("saving");
    try {
      const saved = await work();
      context.say(success);
      done(saved);
    } catch (error) {
      message.textContent = errorText(error);
      message.dataset.tone = "warning";
      busy(false);
    }
  };
  const save = el("button", { type: "button", class: "button button-quiet", id: "save-report" }, t("saveDraft"));
  const submit = el("button", { type: "submit", class: "button button-primary", id: "submit-report" }, t("submitReport"));
  const form = el(
    "form",
    { class: "report-form", id: "report-form", novalidate: true },
    el("div", { class: "form-field" }, el("label", { for: "task-status", class: "field-label" }, t("taskStatus")), statusSelect),
    el("div", { class: "form-field" }, el("label", { for: "narrative", class: "field-label" }, t("narrative")), narrative),
    indicators.length > 0 ? block(t("indicatorValues"), el("p", { class: "muted" }, t("valuesHint")), ...indicators.map((i) => valueRow(i, report.values.find((v) => v.indicatorId === i.id), { first: defaultDate, today: period.today }))) : null,
    el("div", { class: "form-actions" }, save, submit),
    message,
  );
  save.addEventListener("click", () => void act(() => saveReport(report.id, readForm(form, context, report)), t("draftSaved")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (narrative.value.trim() === "") {
      message.textContent = t("narrativeNeeded");
      narrative.focus();
      return;
    }
    void act(async () => {
      await saveReport(report.id, readForm(form, context, report));
      return decideReport(report.id, "submit");
    }, t("reportSubmitted"));
  });
  return el("div", { class: "report-editor" }, reviewComment(report), form, evidence(context, report, () => readForm(form, context, report), done));
}

/** The evidence files and the input that uploads new ones; unsaved form content is kept. */
function evidence(context: StaffContext, report: Report, unsaved: () => ReportContent, done: (report: Report) => void): HTMLElement {
  const input = el("input", { id: "evidence-file", type: "file", class: "file-input", accept: EVIDENCE_ACCEPT, multiple: true });
  const status = el("p", { class: "form-message", role: "status", "aria-live": "polite" });
  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    void (async () => {
      status.textContent = t("uploading");
      try {
        // The form's text is saved first, so choosing a file never loses what was typed.
        let latest = await saveReport(report.id, unsaved());
        for (const file of files) latest = await attachFile(report.id, file);
        context.say(t("uploaded", { n: files.length }));
        done(latest);
      } catch (error) {
        status.textContent = errorText(error);
        status.dataset.tone = "warning";
      }
    })();
  });
  return block(
    t("evidence"),
    attachmentList(report),
    el("label", { for: "evidence-file", class: "field-label" }, t("addEvidence")),
    el("p", { class: "muted" }, t("evidenceHint")),
    input,
    status,
  );
}
