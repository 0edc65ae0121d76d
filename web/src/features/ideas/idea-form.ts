/**
 * Sharing an idea, in five big steps a child can do with a parent: tap the picture of what
 * it is about, give it a name, say what is wrong and what they wish for, add photos or a
 * drawing if they like, and tap the map where it is. While a child types, the safety check warns at once
 * about a phone number or an address; a held idea is explained kindly and stays in the form
 * to be fixed. After sending, the pin shown is the one the server made public: a child's is
 * coarsened, so it never shows where they live.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { checkText, type Member } from "../family/family-api.ts";
import { errorLine, reasonList, reasonsOf } from "../family/form-parts.ts";
import { formatLatLon } from "../../../../src/core/api/vocabulary.ts";
import { IDEA_KINDS, IDEA_PHOTOS_MAX, isHazardKind, IDEA_TEXT_MAX, IDEA_TITLE_MAX, type IdeaKind, KIND_LOOKS, kindName, kindSvg } from "./idea-kinds.ts";
import { type LonLat, type OwnIdea, addIdeaDrawing, addIdeaPhoto, postIdea } from "./ideas-api.ts";
import { drawingPicker } from "./idea-drawing.ts";
import { PIN_SVG, withPicture } from "./idea-icons.ts";
import { vt } from "./ideas-messages.ts";

const CHECK_DELAY_MS = 400;

/** What the form needs from the panel. */
export interface FormDeps {
  readonly member: Member;
  readonly region: string;
  /** Lets the child tap the map; resolves with the spot, or null when cancelled. */
  pick(): Promise<LonLat | null>;
  /** Called with the idea as the server stored it and what to tell the author. */
  posted(idea: OwnIdea, notice: HTMLElement): void;
}

/** The kinds as big picture tiles (radio buttons): wishes first, then hazards on the way to school. */
function kindPicker(): { node: HTMLElement; value(): IdeaKind | null; focus(): void } {
  const tile = (kind: IdeaKind) => {
    const input = el("input", { type: "radio", name: "idea-kind", value: kind, id: `idea-kind-${kind}`, class: "visually-hidden" });
    const picture = el("span", { class: "kind-tile-picture", style: `--kind-color:${KIND_LOOKS[kind].color}`, "aria-hidden": "true" });
    picture.innerHTML = kindSvg(kind);
    return el("span", { class: "kind-tile" }, input, el("label", { for: input.id }, picture, el("span", { class: "kind-tile-name" }, kindName(kind))));
  };
  const node = el("fieldset", { class: "kind-picker" }, el("legend", { class: "field-label idea-step-title" }, vt("stepKind")),
    ...IDEA_KINDS.filter((kind) => !isHazardKind(kind)).map(tile),
    el("p", { class: "kind-group", id: "idea-hazard-group" }, vt("hazardGroup")),
    ...IDEA_KINDS.filter(isHazardKind).map(tile));
  const checked = (): HTMLInputElement | null => node.querySelector<HTMLInputElement>("input:checked");
  return { node, value: () => (checked()?.value as IdeaKind | undefined) ?? null, focus: () => node.querySelector<HTMLInputElement>("input")?.focus() };
}

/** The form; `deps.posted` hears of each idea sent. */
export function ideaForm(deps: FormDeps): HTMLElement {
  const kinds = kindPicker();
  const title = el("input", { id: "idea-title", class: "text-input", maxlength: IDEA_TITLE_MAX, minlength: 2, required: true, placeholder: vt("titleHint") });
  const text = el("textarea", { id: "idea-text", class: "text-input", rows: 4, maxlength: IDEA_TEXT_MAX, minlength: 2, required: true, "aria-describedby": "idea-text-hint" });
  const photos = el("input", { type: "file", multiple: true, accept: "image/jpeg,image/png,image/webp", id: "idea-photos", class: "photo-input visually-hidden", "aria-describedby": "idea-photos-name" });
  const photoName = el("span", { class: "muted photo-name", id: "idea-photos-name" }, vt("noPhotos"));
  photos.addEventListener("change", () => {
    const n = photos.files?.length ?? 0;
    photoName.textContent = n === 0 ? vt("noPhotos") : n > IDEA_PHOTOS_MAX ? vt("tooManyPhotos") : vt("photosChosen", { n });
  });
  const drawing = drawingPicker();
  let spot: LonLat | null = null;
  const placeState = el("span", { class: "idea-place-state", id: "idea-place-state", "aria-live": "polite" });
  const placeButton = withPicture("button", { type: "button", class: "button button-secondary idea-place-button", id: "idea-place" }, PIN_SVG, vt("choosePlace"));
  placeButton.addEventListener("click", () => {
    void deps.pick().then((point) => {
      if (point) spot = point;
      placeState.textContent = spot ? vt("placeChosen") : "";
      placeButton.lastElementChild!.textContent = vt(spot ? "changePlace" : "choosePlace");
      placeButton.focus();
    });
  });
  const hint = el("div", { class: "safety-hint", "aria-live": "polite" });
  const error = errorLine();
  const outcome = el("div", { class: "idea-outcome", "aria-live": "polite" });
  const submit = el("button", { type: "submit", class: "button button-primary idea-send", id: "idea-send" }, vt("send"));
  const form = el(
    "form",
    { class: "family-form idea-form", id: "idea-form", novalidate: true },
    kinds.node,
    el("label", { for: "idea-title", class: "field-label idea-step-title" }, vt("stepTitle")), title,
    el("label", { for: "idea-text", class: "field-label idea-step-title" }, vt("stepText")), text,
    el("p", { class: "field-hint", id: "idea-text-hint" }, vt("textHint"), " ", deps.member.kind === "child" ? vt("checkHint") : ""),
    hint,
    el("span", { class: "field-label idea-step-title" }, vt("stepPhoto")),
    el("div", { class: "photo-picker" }, photos, el("label", { for: "idea-photos", class: "button button-quiet button-small photo-button" }, vt("choosePhotos")), photoName),
    drawing.node,
    el("span", { class: "field-label idea-step-title" }, vt("stepPlace")),
    el("div", { class: "photo-picker" }, placeButton, placeState),
    error.node,
    submit,
    outcome,
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const words = `${title.value}\n${text.value}`.trim();
      if (words.length < 2) return replaceChildren(hint);
      checkText(words, deps.member.kind)
        .then((result) => replaceChildren(hint, result.verdict === "pass" ? null : reasonList(result.reasons)))
        .catch(() => replaceChildren(hint));
    }, CHECK_DELAY_MS);
  };
  title.addEventListener("input", check);
  text.addEventListener("input", check);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.clear();
    replaceChildren(outcome);
    const kind = kinds.value();
    if (!kind) return (error.say(vt("chooseKind")), kinds.focus());
    if (title.value.trim().length < 2) return (error.say(vt("stepTitle")), title.focus());
    if (text.value.trim().length < 2) return (error.say(vt("stepText")), text.focus());
    const files = [...(photos.files ?? [])];
    if (files.length > IDEA_PHOTOS_MAX) return (error.say(vt("tooManyPhotos")), photos.focus());
    if (!spot) return (error.say(vt("needPlace")), placeButton.focus());
    const picture = drawing.file();
    submit.disabled = true;
    submit.textContent = vt("sending");
    postIdea({ kind, title: title.value.trim(), text: text.value.trim(), at: formatLatLon(spot), region: deps.region })
      .then(async (idea) => {
        for (const file of files) await addIdeaPhoto(idea.id, file);
        if (picture) await addIdeaDrawing(idea.id, picture);
        form.reset();
        drawing.reset();
        spot = null;
        placeState.textContent = "";
        photoName.textContent = vt("noPhotos");
        replaceChildren(hint);
        deps.posted(idea, el("div", { class: "idea-outcome", id: "idea-outcome", role: "status" },
          el("p", { class: "success-note", "data-status": idea.status }, vt(idea.status === "published" ? "postedAdult" : "postedChild")),
          deps.member.kind === "child" ? el("p", { class: "card-note idea-coarse-note" }, vt("coarseNote")) : null));
      })
      .catch((e: unknown) => {
        const reasons = reasonsOf(e);
        if (!reasons) return error.show(e);
        replaceChildren(outcome, el("div", { class: "held-note", role: "alert", "data-held": "true" }, el("strong", {}, vt("heldTitle")), reasonList(reasons)));
      })
      .finally(() => {
        submit.disabled = false;
        submit.textContent = vt("send");
      });
  });
  return form;
}
