/**
 * Review photos as buttons that open the photo large: a modal <dialog> with a close button
 * (Escape closes it too, as every modal dialog does); when it closes, focus goes back to
 * the photo that opened it. Used on place cards and in the moderation queue.
 */
import { el } from "../../shared/dom.ts";
import { ft } from "./family-messages.ts";

/** Thumbnail size on a card; the dialog shows the photo as large as the screen allows. */
export interface ThumbSize {
  width: number;
  height: number;
}

function openLarge(src: string, n: number, opener: HTMLElement): void {
  const close = el("button", { type: "button", class: "button button-primary photo-close", style: "min-height:44px;align-self:flex-end" }, ft("photoClose"));
  const titleId = `photo-title-${Math.random().toString(36).slice(2)}`;
  const dialog = el(
    "dialog",
    { class: "photo-dialog", "aria-labelledby": titleId, style: "max-width:min(96vw,1100px);max-height:94vh;padding:12px;border:0;border-radius:16px" },
    el("div", { style: "display:flex;flex-direction:column;gap:8px" },
      el("h2", { id: titleId, class: "visually-hidden" }, ft("photoDialog", { n })),
      close,
      el("img", { src, alt: ft("photoDialog", { n }), class: "photo-large", style: "display:block;max-width:100%;max-height:80vh;object-fit:contain;border-radius:8px" })),
  );
  close.addEventListener("click", () => dialog.close());
  // Escape closes this dialog only, not the place card under it (which listens on document).
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") event.stopPropagation();
  });
  // A click on the backdrop (the dialog itself, outside its content) closes it too.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}

/** A row of photo buttons; each opens its photo large. */
export function photoStrip(sources: readonly string[], size: ThumbSize): HTMLElement {
  return el("div", { class: "review-photos" }, ...sources.map((src, i) => {
    const button = el(
      "button",
      { type: "button", class: "photo-thumb", "aria-label": ft("photoOpen", { n: i + 1 }), "aria-haspopup": "dialog", style: "padding:0;border:0;background:none;cursor:zoom-in;border-radius:8px" },
      el("img", { src, alt: "", loading: "lazy", width: size.width, height: size.height, style: `width:${size.width}px;height:${size.height}px;object-fit:cover;border-radius:8px` }),
    );
    button.addEventListener("click", () => openLarge(src, i + 1, button));
    return button;
  }));
}
