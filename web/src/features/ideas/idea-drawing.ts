/**
 * A child's drawing for an idea (optional, one): a big "上传一幅画" button, a preview of the
 * picture chosen, a button to take it away, and the same type and size limits the server
 * sets (JPEG, PNG or WebP up to 8 MB, src/voice/idea-routes.ts), checked here first so a
 * child hears at once, in words they can read, why a picture cannot be sent. The drawing is
 * sent after the idea, as the image body of POST /api/ideas/{id}/drawing.
 */
import { MAX_PHOTO_UPLOAD_BYTES } from "../../../../src/core/community.ts";
import { el } from "../../shared/dom.ts";
import { vt } from "./ideas-messages.ts";

/** The picture types the server accepts for a drawing. */
export const DRAWING_TYPES: readonly string[] = ["image/jpeg", "image/png", "image/webp"];
export const DRAWING_MAX_BYTES = MAX_PHOTO_UPLOAD_BYTES;

/** Why a chosen file cannot be sent as a drawing (a message key), or null when it can. */
export function drawingProblem(file: { readonly type: string; readonly size: number }): "drawingType" | "drawingTooBig" | "drawingEmpty" | null {
  if (!DRAWING_TYPES.includes(file.type)) return "drawingType";
  if (file.size === 0) return "drawingEmpty";
  if (file.size > DRAWING_MAX_BYTES) return "drawingTooBig";
  return null;
}

/** The drawing field of the idea form. */
export interface DrawingPicker {
  readonly node: HTMLElement;
  /** The drawing to send, when one is chosen and allowed. */
  file(): File | null;
  /** Forgets the drawing (after the idea is sent, or on "remove"). */
  reset(): void;
}

export function drawingPicker(): DrawingPicker {
  const input = el("input", { type: "file", accept: DRAWING_TYPES.join(","), id: "idea-drawing", class: "photo-input visually-hidden", "aria-describedby": "idea-drawing-state" });
  const state = el("span", { class: "muted photo-name", id: "idea-drawing-state", "aria-live": "polite" });
  const preview = el("img", { class: "idea-drawing-preview", id: "idea-drawing-preview", alt: vt("drawingPreviewAlt"), width: 120, height: 90, hidden: true });
  const remove = el("button", { type: "button", class: "button button-quiet button-small", id: "idea-drawing-remove", hidden: true }, vt("removeDrawing"));
  let chosen: File | null = null;
  let url: string | null = null;

  const show = (file: File | null, message: string) => {
    if (url) URL.revokeObjectURL(url);
    url = file ? URL.createObjectURL(file) : null;
    chosen = file;
    preview.hidden = !url;
    if (url) preview.src = url;
    else preview.removeAttribute("src");
    remove.hidden = !file;
    state.textContent = message;
  };
  const reset = () => {
    input.value = "";
    show(null, "");
  };

  input.addEventListener("change", () => {
    const file = input.files?.[0] ?? null;
    if (!file) return show(null, "");
    const problem = drawingProblem(file);
    if (problem) {
      input.value = "";
      show(null, vt(problem));
      state.setAttribute("role", "alert");
      return;
    }
    state.removeAttribute("role");
    show(file, vt("drawingChosen"));
  });
  remove.addEventListener("click", () => {
    reset();
    input.focus();
  });

  const node = el(
    "div",
    { class: "photo-picker idea-drawing" },
    input,
    el("label", { for: "idea-drawing", class: "button button-quiet button-small photo-button" }, vt("chooseDrawing")),
    preview,
    remove,
    state,
  );
  return { node, file: () => chosen, reset };
}
