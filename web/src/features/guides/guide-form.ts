/**
 * Writing a guide by picking places: who writes decides the path. A signed-in family member
 * (a child of a 小小推荐官 team, with the team's name, or a parent) posts through the
 * child-safe path and a child is told the guide waits for a moderator; staff of the guide
 * units post through the staff path; anyone else is told where to sign in. Places are found
 * by the search and kept in order (up, down, remove), each with an optional line. The
 * server's refusal (a phone number in a child's note, say) is shown at the field it names.
 */
import { GUIDE_COST_LABELS, GUIDE_COSTS, GUIDE_KIND_LABELS, GUIDE_KINDS, GUIDE_LIMITS, GUIDE_THEME_LABELS, GUIDE_THEMES } from "../../../../src/core/api/guides-vocabulary.ts";
import type { GuideInput } from "../../../../src/core/api/guides.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { errorText } from "../../shared/error-text.ts";
import { getLanguage } from "../../shared/i18n.ts";
import { type GuideDetail, addStopPhoto, guideLinks, searchPlaces, writeGuide } from "./guides-api.ts";
import { moved } from "./guide-format.ts";
import { t } from "./guides-messages.ts";

/** Who is writing: a member (kind says whether a child) or staff allowed to write guides. */
export type Writer = { as: "member"; name: string; child: boolean } | { as: "staff"; name: string; allowed: boolean };

interface PickedStop { placeId: string; name: string; regionId: string; note: string; photos: File[] }

const PHOTO_TYPES = "image/jpeg,image/png,image/webp";

/**
 * Sends each stop's photos after the guide is written, one at a time; the guide as it is after
 * the last that arrived, and how many did not (with the first reason).
 */
async function sendPhotos(guide: GuideDetail, stops: readonly PickedStop[], asStaff: boolean): Promise<{ guide: GuideDetail; failed: number; reason: string }> {
  let now = guide;
  let failed = 0;
  let reason = "";
  for (const [position, stop] of stops.entries()) {
    for (const photo of stop.photos.slice(0, GUIDE_LIMITS.photosPerStop)) {
      try {
        now = await addStopPhoto(guide.id, position, photo, asStaff);
      } catch (error) {
        failed++;
        reason ||= errorText(error);
      }
    }
  }
  return { guide: now, failed, reason };
}

const field = (id: string, label: string, input: HTMLElement) => el("div", { class: "gd-field" }, el("label", { for: id }, label), input);
const options = (values: readonly string[], label: (v: string) => string, chosen: string) => values.map((v) => el("option", { value: v, selected: v === chosen }, label(v)));

/** Where to sign in, for a visitor. */
export function signInFirst(main: HTMLElement): void {
  replaceChildren(main, el("div", { class: "gd-head" }, el("a", { class: "gd-back", href: "/guides.html" }, t("gdBack")), el("h1", {}, t("gdFormTitle")), el("p", {}, t("gdSignInFirst")),
    el("p", { class: "gd-links" }, el("a", { href: "/" }, t("gdToMap")), " · ", el("a", { href: "/staff.html" }, t("gdToStaff")))));
  main.dataset.ready = "sign-in";
}

/** The form; `done` gets the written guide, and what to say of photos that did not arrive. */
export function mountGuideForm(main: HTMLElement, writer: Writer, done: (guide: GuideDetail, photoProblem: string | null) => void): void {
  const lang = getLanguage();
  const head = el("div", { class: "gd-head" }, el("a", { class: "gd-back", href: "/guides.html" }, t("gdBack")), el("h1", {}, t("gdFormTitle")), el("p", {}, t("gdWritingAs", { name: writer.name })));
  if (writer.as === "staff" && !writer.allowed) {
    replaceChildren(main, head, el("p", { class: "gd-error", role: "alert" }, t("gdNotAllowed")));
    main.dataset.ready = "not-allowed";
    return;
  }
  const input = (id: string, attrs: Record<string, string | number | boolean>) => el("input", { id, name: id, ...attrs });
  const title = input("gd-title", { required: true, minlength: 2, maxlength: GUIDE_LIMITS.titleMax });
  const summary = el("textarea", { id: "gd-summary", name: "gd-summary", required: true, minlength: 2, maxlength: GUIDE_LIMITS.summaryMax, rows: 3 });
  const team = input("gd-team", { maxlength: GUIDE_LIMITS.teamMax });
  const kind = el("select", { id: "gd-kind-input" }, ...options(GUIDE_KINDS, (k) => GUIDE_KIND_LABELS[k as "tour"][lang], "tour"));
  const theme = el("select", { id: "gd-theme-input" }, ...options(GUIDE_THEMES, (k) => GUIDE_THEME_LABELS[k as "nature"][lang], "nature"));
  const cost = el("select", { id: "gd-cost" }, ...options(GUIDE_COSTS, (k) => GUIDE_COST_LABELS[k as "free"][lang], "free"));
  const ageMin = input("gd-age-min", { type: "number", min: 0, max: 18, value: 4, required: true });
  const ageMax = input("gd-age-max", { type: "number", min: 0, max: 18, value: 10, required: true });
  const minutes = input("gd-minutes", { type: "number", min: GUIDE_LIMITS.minutesMin, max: GUIDE_LIMITS.minutesMax, step: 15, value: 120, required: true });
  const stroller = input("gd-stroller", { type: "checkbox" });
  const wheelchair = input("gd-wheelchair", { type: "checkbox" });
  const check = (box: HTMLElement, label: string) => el("div", { class: "gd-check" }, box, el("label", { for: box.id }, label));

  let stops: PickedStop[] = [];
  const stopsBox = el("ol", { class: "gd-picked", "aria-live": "polite" });
  const drawStops = (): void => {
    if (stops.length === 0) return replaceChildren(stopsBox, el("li", { class: "gd-empty" }, t("gdNoStops")));
    replaceChildren(stopsBox, ...stops.map((s, i) => {
      const note = el("input", { id: `gd-note-${i}`, maxlength: GUIDE_LIMITS.noteMax, value: s.note });
      note.addEventListener("input", () => (s.note = note.value));
      const photos = el("input", { id: `gd-photos-${i}`, type: "file", accept: PHOTO_TYPES, multiple: true });
      const chosen = el("span", { class: "gd-photos-chosen", "aria-live": "polite" }, s.photos.length ? t("gdPhotosChosen", { n: s.photos.length }) : "");
      photos.addEventListener("change", () => {
        s.photos = [...(photos.files ?? [])].slice(0, GUIDE_LIMITS.photosPerStop);
        chosen.textContent = s.photos.length ? t("gdPhotosChosen", { n: s.photos.length }) : "";
      });
      const button = (label: string, action: () => void, disabled = false) => {
        const b = el("button", { type: "button", class: "gd-small", disabled, "aria-label": `${label}: ${s.name}` }, label);
        b.addEventListener("click", () => {
          action();
          drawStops();
        });
        return b;
      };
      return el("li", { class: "gd-picked-stop" }, el("span", { class: "gd-stop-name" }, s.name),
        el("label", { for: note.id, class: "gd-note-label" }, t("gdStopNote", { n: i + 1 })), note,
        el("label", { for: photos.id, class: "gd-note-label" }, t("gdStopPhotos", { n: i + 1, max: GUIDE_LIMITS.photosPerStop })), photos, chosen,
        el("span", { class: "gd-picked-actions" }, button(t("gdUp"), () => {
          stops = moved(stops, i, -1);
        }, i === 0), button(t("gdDown"), () => {
          stops = moved(stops, i, 1);
        }, i === stops.length - 1), button(t("gdRemove"), () => stops.splice(i, 1))));
    }));
  };
  const query = input("gd-place-query", { type: "search", maxlength: 100 });
  const hits = el("ul", { class: "gd-hits", "aria-live": "polite" });
  const searchButton = el("button", { type: "button", class: "button" }, t("gdSearch"));
  const search = async (): Promise<void> => {
    if (!query.value.trim()) return;
    const region = stops[0]?.regionId ?? null;
    const found = (await searchPlaces(query.value.trim(), region).catch(() => [])).filter((p) => !stops.some((s) => s.placeId === p.id));
    replaceChildren(hits, ...(found.length ? found.map((p) => {
      const add = el("button", { type: "button", class: "gd-small", "aria-label": `${t("gdAdd")}: ${p.name}`, disabled: stops.length >= GUIDE_LIMITS.stopsMax }, t("gdAdd"));
      add.addEventListener("click", () => {
        stops.push({ placeId: p.id, name: p.name, regionId: p.regionId, note: "", photos: [] });
        drawStops();
        add.closest("li")?.remove();
      });
      return el("li", { class: "gd-hit" }, el("span", {}, p.name), add);
    }) : [el("li", { class: "gd-empty" }, t("gdNoHits"))]));
  };
  searchButton.addEventListener("click", () => void search());
  query.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    void search();
  });

  const problem = el("p", { class: "gd-error", role: "alert" });
  const submit = el("button", { type: "submit", class: "button button-primary" }, t("gdSubmit"));
  const form = el("form", { class: "gd-form", novalidate: true },
    writer.as === "member" && writer.child ? el("p", { class: "gd-note" }, t("gdChildNote")) : null,
    field("gd-title", t("gdFieldTitle"), title), field("gd-summary", t("gdFieldSummary"), summary),
    writer.as === "member" ? field("gd-team", t("gdFieldTeam"), team) : null,
    el("div", { class: "gd-row" }, field("gd-kind-input", t("gdKind"), kind), field("gd-theme-input", t("gdTheme"), theme), field("gd-cost", t("gdFieldCost"), cost)),
    el("div", { class: "gd-row" }, field("gd-age-min", t("gdFieldAgeMin"), ageMin), field("gd-age-max", t("gdFieldAgeMax"), ageMax), field("gd-minutes", t("gdFieldMinutes"), minutes)),
    el("div", { class: "gd-row" }, check(stroller, t("gdFieldStroller")), check(wheelchair, t("gdFieldWheelchair"))),
    el("fieldset", { class: "gd-pick" }, el("legend", {}, t("gdPickPlaces")), field("gd-place-query", t("gdSearchPlaces"), query), searchButton, hits, stopsBox),
    problem, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body: GuideInput = {
      kind: kind.value as GuideInput["kind"], title: title.value.trim(), summary: summary.value.trim(), theme: theme.value as GuideInput["theme"],
      ageMin: Number(ageMin.value), ageMax: Number(ageMax.value), minutes: Number(minutes.value), cost: cost.value as GuideInput["cost"],
      stroller: stroller.checked, wheelchair: wheelchair.checked,
      stops: stops.map((s) => ({ placeId: s.placeId, ...(s.note.trim() ? { note: s.note.trim() } : {}) })),
      ...(writer.as === "member" && team.value.trim() ? { team: team.value.trim() } : {}),
    };
    submit.disabled = true;
    problem.textContent = "";
    const asStaff = writer.as === "staff";
    writeGuide(body, asStaff).then(async (guide) => {
      const sent = await sendPhotos(guide, stops, asStaff);
      done(sent.guide, sent.failed ? t("gdPhotosFailed", { n: sent.failed, reason: sent.reason }) : null);
    }, (error: unknown) => {
      problem.textContent = errorText(error);
      submit.disabled = false;
    });
  });
  replaceChildren(main, head, form);
  drawStops();
  main.dataset.ready = "form";
}

/** After writing: where the guide is now (and any photos that did not arrive). */
export function written(main: HTMLElement, guide: GuideDetail, photoProblem: string | null = null): void {
  const pending = guide.status === "pending";
  replaceChildren(main, el("div", { class: "gd-head" }, el("h1", {}, t("gdFormTitle")),
    el("p", { class: "gd-status", role: "status", "data-status": guide.status ?? "" }, pending ? t("gdSubmittedPending") : t("gdSubmitted")),
    photoProblem ? el("p", { class: "gd-error", role: "alert" }, photoProblem) : null,
    el("p", {}, el("a", { class: "gd-back", href: guideLinks(guide.id).page }, guide.title))));
  main.dataset.ready = "written";
}
