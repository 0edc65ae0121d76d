/**
 * The mid-term and final evaluations, one click each from the dashboard of those who may
 * open them (the working group: administrators, reviewers, leaders): the workbook (xlsx),
 * the printable page (opens in a new tab) and the PDF.
 */
import { el } from "../../shared/dom.ts";
import { t } from "./dashboard-messages.ts";

const STAGES = [
  { stage: "mid-term", label: "evaluationMidTerm" },
  { stage: "final", label: "evaluationFinal" },
] as const;

/** The links, one row per stage. */
export function evaluationLinks(): HTMLElement {
  const rows = STAGES.map(({ stage, label }) =>
    el(
      "li",
      { class: "evaluation-row", "data-stage": stage },
      el("strong", { class: "evaluation-stage" }, t(label)),
      el("a", { class: "button button-quiet evaluation-link", href: `/api/plan/evaluation.xlsx?stage=${stage}`, download: "", "data-format": "xlsx" }, t("evaluationXlsx")),
      el("a", { class: "button button-quiet evaluation-link", href: `/api/plan/evaluation.html?stage=${stage}`, target: "_blank", rel: "noopener", "data-format": "html" }, t("evaluationPage")),
      el("a", { class: "button button-quiet evaluation-link", href: `/api/plan/evaluation.pdf?stage=${stage}`, download: "", "data-format": "pdf" }, t("evaluationPdf")),
    ),
  );
  return el("div", {}, el("ul", { class: "evaluation-links" }, ...rows), el("p", { class: "legend-note" }, t("evaluationNote")));
}
