/**
 * A place's assessments, newest first: date, site type, total, pass or not, the comment and
 * each criterion's score. The newest one is marked as the one in force, since the latest
 * assessment decides whether the place is a demonstration site.
 */
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./sites-messages.ts";
import type { Assessment, RubricBook } from "./site-api.ts";
import { siteTypeText } from "./site-rubric-form.ts";

/** A pass or fail badge; `data-passed` carries it for tests and colours. */
export function verdictBadge(passed: boolean): HTMLElement {
  return el("span", { class: "site-verdict-badge", "data-passed": String(passed) }, passed ? t("sitePasses") : t("siteFails"));
}

function scoreList(book: RubricBook, assessment: Assessment): HTMLElement | null {
  const rubric = book.rubrics.find((r) => r.siteType === assessment.siteType);
  if (!rubric) return null;
  const rows = rubric.criteria.map((c) =>
    el("li", { "data-required": c.required }, `${c.required ? "★ " : ""}${pick({ zh: c.text, en: c.textEn })}：${assessment.scores[c.id] ?? "–"} / ${c.maxScore}`),
  );
  return el("details", { class: "site-history-scores" }, el("summary", {}, t("siteScoresDetail")), el("ul", {}, ...rows));
}

/** The history list, or a note when the place was never assessed. */
export function assessmentHistory(book: RubricBook, assessments: readonly Assessment[], userId: string): HTMLElement {
  if (assessments.length === 0) return el("p", { class: "empty-note", id: "site-history-list" }, t("siteNoHistory"));
  const newestFirst = [...assessments].reverse();
  return el(
    "ol",
    { class: "site-history", id: "site-history-list" },
    ...newestFirst.map((a, i) =>
      el(
        "li",
        { class: "site-history-item", "data-passed": String(a.passed), "data-assessment": a.id },
        el(
          "p",
          { class: "site-history-head" },
          el("strong", {}, t("siteHistoryItem", { date: a.assessedOn, type: siteTypeText(a.siteType), total: a.total })),
          verdictBadge(a.passed),
          i === 0 ? el("span", { class: "site-latest" }, t("siteLatest")) : null,
          a.assessedBy === userId ? el("span", { class: "muted" }, t("siteByMe")) : a.assessorName ? el("span", { class: "muted" }, t("siteByName", { name: a.assessorName })) : null,
        ),
        a.comment ? el("p", { class: "site-history-comment" }, a.comment) : null,
        scoreList(book, a),
      ),
    ),
  );
}
