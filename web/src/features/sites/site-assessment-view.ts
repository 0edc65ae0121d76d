/**
 * The demonstration-site assessment view (示范点评估) for reviewers and the working group:
 * choose a place, score it against its site type's rubric, submit, and see the result and
 * the place's earlier assessments. A pass puts the demonstration badge on the public map
 * and counts toward the plan's indicators, so the view says so before and after. The
 * chosen place stays in the URL ("#sites/<place id>") for reloads and bookmarks.
 */
import { fetchPlace, fetchRegions, type PlaceFeature, type Region } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { t } from "./sites-messages.ts";
import { todayIn } from "../place-card/place-format.ts";
import { type Assessment, type RubricBook, fetchAssessments, fetchRubrics } from "./site-api.ts";
import { assessmentHistory, verdictBadge } from "./site-history.ts";
import { placeFacts, placeName, sitePlacePicker } from "./site-place-picker.ts";
import { rubricForm, siteTypeText } from "./site-rubric-form.ts";
import { suggestedSiteType } from "./site-score.ts";
import type { StaffContext } from "../accounts/staff-context.ts";
import { errorText } from "../../shared/error-text.ts";

function section(id: string, title: string, ...body: Array<Node | null>): HTMLElement {
  return el("section", { class: "page-section", id, "aria-labelledby": `${id}-title` }, el("h3", { id: `${id}-title`, class: "section-title" }, title), ...body);
}

/** What the assessment did, in words, with the way to the map when it passed. */
function resultPanel(book: RubricBook, assessment: Assessment, place: PlaceFeature): HTMLElement {
  const rubric = book.rubrics.find((r) => r.siteType === assessment.siteType);
  const words = { place: placeName(place), total: assessment.total, type: siteTypeText(assessment.siteType), task: rubric?.taskNumber ?? "" };
  return el(
    "div",
    { class: "site-result", id: "site-result", "data-passed": String(assessment.passed) },
    el("p", { class: "site-result-head" }, verdictBadge(assessment.passed), el("strong", {}, assessment.passed ? t("siteResultPassed", words) : t("siteResultFailed", words))),
    el("p", { class: "site-result-badge" }, assessment.passed ? t("siteResultBadge", words) : t("siteResultNoBadge")),
    assessment.passed ? el("a", { class: "site-map-link", href: `/?region=${encodeURIComponent(place.properties.regionId)}` }, t("siteSeeMap")) : null,
  );
}

/** The region the view opens in: the chosen place's, else the plan's city, else the first. */
function startRegion(context: StaffContext, regions: readonly Region[], place: PlaceFeature | null): Region | undefined {
  return regions.find((r) => r.id === place?.properties.regionId) ?? regions.find((r) => r.name.zh === context.tree.plan.city.zh) ?? regions[0];
}

/** Renders the view into `slot`, with `placeId` chosen when the URL names one. */
export async function showSiteAssessment(context: StaffContext, slot: HTMLElement, placeId: string | null): Promise<void> {
  const [book, regions, initial] = await Promise.all([fetchRubrics(), fetchRegions(), placeId ? fetchPlace(placeId).catch(() => null) : Promise.resolve(null)]);
  const region = startRegion(context, regions, initial);
  let place = initial;
  const chosen = el("p", { class: "site-chosen", id: "site-chosen" });
  // A live region from the start, so the result is read out when it appears.
  const result = el("div", { class: "site-result-slot", role: "status", "aria-live": "polite" });
  const historySlot = el("div", { class: "site-history-slot" }, el("p", { class: "empty-note" }, t("sitePlaceNeeded")));
  const showChosen = (): void => {
    replaceChildren(chosen, place ? el("strong", {}, t("siteChosen", { name: placeName(place) })) : t("sitePlaceNeeded"), place ? el("span", { class: "muted" }, placeFacts(place)) : null);
  };
  const loadHistory = async (): Promise<void> => {
    if (!place) return;
    historySlot.dataset.state = "loading";
    try {
      replaceChildren(historySlot, assessmentHistory(book, await fetchAssessments(place.properties.id), context.user.id));
      historySlot.dataset.state = "ready";
    } catch (error) {
      replaceChildren(historySlot, el("p", { class: "error-note", role: "alert" }, errorText(error)));
      historySlot.dataset.state = "failed";
    }
  };
  const form = rubricForm({
    book,
    siteType: (initial && suggestedSiteType(initial.properties)) ?? "park",
    today: todayIn(region?.timeZone ?? "Asia/Shanghai"),
    place: () => place,
    onAssessed: (assessment) => void assessed(assessment),
  });
  const picker = sitePlacePicker({
    regions,
    regionId: region?.id ?? "",
    placeId,
    onPick: (picked) => {
      place = picked;
      historySlot.replaceChildren();
      result.replaceChildren();
      history.replaceState(null, "", `#sites/${encodeURIComponent(picked.properties.id)}`);
      showChosen();
      suggestType(form, picked);
      void loadHistory();
    },
  });
  const assessed = async (assessment: Assessment): Promise<void> => {
    if (!place) return;
    place = await fetchPlace(place.properties.id).catch(() => place);
    if (!place) return;
    replaceChildren(result, resultPanel(book, assessment, place));
    result.scrollIntoView({ block: "start" });
    showChosen();
    await Promise.all([loadHistory(), picker.reload()]);
  };
  showChosen();
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, t("siteTitle")),
    el("p", { class: "site-intro" }, t("siteIntro", { pass: book.passScore })),
    el(
      "div",
      { class: "site-layout" },
      section("site-step-place", t("sitePlaceStep"), picker.element),
      section("site-step-form", t("siteFormStep"), chosen, result, form),
      section("site-step-history", t("siteHistory"), historySlot),
    ),
  );
  await loadHistory();
}

/** Switches the form to the site type the place suggests, unless scoring has begun. */
function suggestType(form: HTMLFormElement, place: PlaceFeature): void {
  const suggestion = suggestedSiteType(place.properties);
  const select = form.querySelector<HTMLSelectElement>("#site-type");
  const untouched = [...form.querySelectorAll<HTMLInputElement>(".site-score-input")].every((input) => input.value === "");
  if (!select || !suggestion || !untouched || select.value === suggestion) return;
  select.value = suggestion;
  select.dispatchEvent(new Event("change"));
}
