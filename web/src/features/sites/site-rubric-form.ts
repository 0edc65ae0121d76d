/**
 * Step two of an assessment: the site type, its rubric's criteria as score fields (each
 * with its text, basis, top score and ★ for safety items), a running total with the
 * verdict against the pass mark, a comment, the date, a plain statement of what a pass
 * does (the badge on the public map, the plan's indicators) and the submit button.
 */
import type { DemonstrationType } from "../../../../src/core/place.ts";
import { ApiError, type PlaceFeature } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./sites-messages.ts";
import { DEMONSTRATION_LABELS } from "../../shared/messages.ts";
import { type Assessment, type Criterion, type Rubric, type RubricBook, submitAssessment } from "./site-api.ts";
import { type LiveScore, liveScore, parseScore } from "./site-score.ts";
import { errorText } from "../../shared/error-text.ts";

/** What the form needs from the view around it. */
export interface RubricFormOptions {
  readonly book: RubricBook;
  readonly siteType: DemonstrationType;
  /** The latest date an assessment may carry: today in the city's time zone. */
  readonly today: string;
  /** The place chosen in step one, if any. */
  readonly place: () => PlaceFeature | null;
  readonly onAssessed: (assessment: Assessment) => void;
}

/** The site type in words ("儿童友好公园"). */
export function siteTypeText(type: string): string {
  const label = DEMONSTRATION_LABELS[type];
  return label ? pick(label) : type;
}

/** "task:26 …" -> "依据：任务 26 …"; "principle:<guide>" -> "依据：<guide>". */
function basisText(basis: string): string {
  const task = /^task:(\d+)\s*(.*)$/.exec(basis);
  if (task) return t("siteBasis", { basis: [t("taskNumber", { n: task[1]! }), task[2]].filter(Boolean).join(" ") });
  return t("siteBasis", { basis: basis.replace(/^principle:/, "") });
}

function criterionRow(criterion: Criterion, changed: () => void): HTMLElement {
  const inputId = `score-${criterion.id}`;
  const metaId = `score-meta-${criterion.id}`;
  const input = el("input", {
    id: inputId, type: "number", class: "input site-score-input", min: 0, max: criterion.maxScore, step: 1, inputmode: "numeric",
    "data-criterion": criterion.id, "aria-describedby": metaId, required: true,
  });
  input.addEventListener("input", () => {
    input.removeAttribute("aria-invalid");
    changed();
  });
  return el(
    "li",
    { class: "site-criterion", "data-criterion": criterion.id, "data-required": criterion.required },
    el(
      "div",
      { class: "site-criterion-text" },
      el("label", { for: inputId, class: "site-criterion-name" }, pick({ zh: criterion.text, en: criterion.textEn })),
      el(
        "p",
        { class: "site-criterion-meta", id: metaId },
        criterion.required ? el("span", { class: "site-required" }, t("siteSafetyItem")) : null,
        el("span", {}, basisText(criterion.basis)),
        el("span", {}, t("siteMaxScore", { n: criterion.maxScore })),
      ),
    ),
    el("div", { class: "site-score" }, input, el("span", { class: "site-score-max", "aria-hidden": "true" }, `/ ${criterion.maxScore}`)),
  );
}

function verdictWords(score: LiveScore, passScore: number): { verdict: "pass" | "fail" | "pending"; word: string; why: string } {
  const names = score.failedRequired.map((c) => pick({ zh: c.text, en: c.textEn })).join(t("listSeparator"));
  const reasons = [!score.reachesPassMark ? t("siteBelowPass", { pass: passScore }) : null, names ? t("siteSafetyZero", { names }) : null].filter(Boolean).join(t("listSeparator"));
  if (score.passed === true) return { verdict: "pass", word: t("sitePasses"), why: "" };
  if (score.passed === false) return { verdict: "fail", word: t("siteFails"), why: reasons };
  return { verdict: "pending", word: t("siteIncomplete", { n: score.count - score.scored }), why: names ? t("siteSafetyZero", { names }) : "" };
}

/** The running total and verdict; the verdict is a live region, the number is not (it changes on every key). */
function totalBar(): { element: HTMLElement; show: (score: LiveScore, passScore: number) => void } {
  const number = el("strong", { class: "site-total-number", id: "site-total" }, "0");
  const line = el("span", { class: "site-total-line" });
  const word = el("span", { class: "site-verdict", id: "site-verdict" });
  const why = el("span", { class: "site-verdict-why" });
  const element = el(
    "div",
    { class: "site-total-bar", "data-verdict": "pending" },
    el("p", { class: "site-total" }, el("span", { class: "site-total-label" }, t("siteTotal")), number, el("span", { class: "site-total-of" }, "/ 100")),
    el("p", { class: "site-verdict-box", role: "status", "aria-live": "polite" }, word, why),
    line,
  );
  const show = (score: LiveScore, passScore: number): void => {
    const words = verdictWords(score, passScore);
    element.dataset.verdict = words.verdict;
    number.textContent = String(score.total);
    line.textContent = `${t("sitePassLine", { pass: passScore })} · ${t("siteScored", { done: score.scored, n: score.count })}`;
    word.textContent = words.word;
    why.textContent = words.why;
  };
  return { element, show };
}

function entriesOf(form: HTMLElement): Map<string, string> {
  return new Map([...form.querySelectorAll<HTMLInputElement>(".site-score-input")].map((input) => [input.dataset.criterion ?? "", input.value]));
}

/** The form for one assessment; it submits itself and hands the stored assessment to `onAssessed`. */
export function rubricForm(options: RubricFormOptions): HTMLFormElement {
  const { book } = options;
  let rubric: Rubric = book.rubrics.find((r) => r.siteType === options.siteType) ?? book.rubrics[0]!;
  const typeSelect = el("select", { id: "site-type", class: "select" }, ...book.rubrics.map((r) => el("option", { value: r.siteType, selected: r === rubric }, siteTypeText(r.siteType))));
  const heading = el("p", { class: "site-rubric-title" });
  const criteria = el("ol", { class: "site-criteria" });
  const badgeNote = el("p", { class: "site-badge-note", id: "site-badge-note" });
  const total = totalBar();
  const comment = el("textarea", { id: "site-comment", class: "textarea", rows: 3, maxlength: 2000, placeholder: t("siteCommentHint") });
  const date = el("input", { id: "site-date", type: "date", class: "input site-date", value: options.today, max: options.today, required: true });
  const submit = el("button", { type: "submit", class: "button button-primary", id: "site-submit" }, t("siteSubmit"));
  const message = el("p", { class: "form-message", id: "site-message", role: "status", "aria-live": "polite" });
  const update = (): void => total.show(liveScore(rubric, book.passScore, entriesOf(criteria)), book.passScore);
  const drawRubric = (): void => {
    heading.textContent = t("siteRubricFor", { title: pick({ zh: rubric.title, en: rubric.titleEn }), task: rubric.taskNumber });
    badgeNote.textContent = t("siteBadgeNote", { type: siteTypeText(rubric.siteType), pass: book.passScore, task: rubric.taskNumber });
    replaceChildren(criteria, ...rubric.criteria.map((c) => criterionRow(c, update)));
    update();
  };
  typeSelect.addEventListener("change", () => {
    rubric = book.rubrics.find((r) => r.siteType === typeSelect.value) ?? rubric;
    drawRubric();
  });
  const form = el(
    "form",
    { class: "site-form", id: "site-form", novalidate: true, "aria-labelledby": "site-form-title" },
    el("div", { class: "form-field" }, el("label", { for: "site-type", class: "field-label" }, t("siteType")), typeSelect),
    heading,
    el("p", { class: "site-safety-hint" }, t("siteSafetyHint")),
    criteria,
    total.element,
    el("div", { class: "form-field" }, el("label", { for: "site-comment", class: "field-label" }, t("siteComment")), comment),
    el("div", { class: "form-field" }, el("label", { for: "site-date", class: "field-label" }, t("siteAssessedOn")), date),
    badgeNote,
    el("div", { class: "form-actions" }, submit),
    message,
  );
  const refuse = (text: string, focus: HTMLElement | null): void => {
    message.textContent = text;
    message.dataset.tone = "warning";
    focus?.setAttribute("aria-invalid", "true");
    focus?.focus();
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const place = options.place();
    if (!place) return refuse(t("sitePlaceNeeded"), document.getElementById("site-search"));
    const entries = entriesOf(criteria);
    const scores: Record<string, number> = {};
    for (const criterion of rubric.criteria) {
      const score = parseScore(entries.get(criterion.id) ?? "", criterion);
      if (typeof score !== "number") return refuse(t("siteScoreInvalid", { name: pick({ zh: criterion.text, en: criterion.textEn }), max: criterion.maxScore }), document.getElementById(`score-${criterion.id}`));
      scores[criterion.id] = score;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value) || date.value > options.today) return refuse(t("siteDateInvalid", { today: options.today }), date);
    submit.disabled = true;
    message.textContent = t("siteSubmitting");
    delete message.dataset.tone;
    submitAssessment({ placeId: place.properties.id, siteType: rubric.siteType, scores, comment: comment.value.trim(), assessedOn: date.value })
      .then((assessment) => {
        message.textContent = "";
        options.onAssessed(assessment);
      })
      .catch((error: unknown) => {
        const field = error instanceof ApiError ? (error.field ?? "") : "";
        refuse(errorText(error), field.startsWith("scores.") ? document.getElementById(`score-${field.slice(7)}`) : field === "assessedOn" ? date : null);
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  drawRubric();
  return form;
}
