/**
 * The "我的想法" button over the map: big, bright, with a light bulb, mounted once the map
 * has drawn its first frame. Its first tap loads the ideas panel (its own file, so the map's
 * first load does not grow). A link to one idea (`?idea=<id>`, from a notification or the
 * "what happened" page) opens its card; other features ask for a card with the
 * `tongxing:open-idea` event.
 */
import { el } from "../../shared/dom.ts";
import { onLanguageChange } from "../../shared/i18n.ts";
import type { IdeasDeps } from "./ideas-deps.ts";
import { announce } from "../../shared/toast.ts";
import { OPEN_IDEA_EVENT } from "./idea-events.ts";
import { BULB_SVG } from "./idea-icons.ts";
import { vt } from "./ideas-messages.ts";
import type { IdeasPanel } from "./ideas-panel.ts";
import "./ideas-entry.css";




/** Mounts the button in `slot` and, on first use, the panel in `panel` (an empty hidden section). */
export function mountIdeasEntry(slot: HTMLElement, panel: HTMLElement, deps: IdeasDeps): void {
  const label = el("span", { class: "ideas-button-label" });
  const button = el("button", { type: "button", class: "ideas-button", id: "ideas-button", "aria-haspopup": "dialog", "aria-expanded": "false", "aria-controls": panel.id }, label);
  button.insertAdjacentHTML("afterbegin", BULB_SVG);
  const render = (): void => {
    label.textContent = vt("ideasButton");
  };
  let loading: Promise<IdeasPanel> | undefined;
  const withPanel = (use: (controller: IdeasPanel) => void): void => {
    loading ??= import("./ideas-panel.ts").then(({ IdeasPanel }) => new IdeasPanel(panel, button, deps));
    loading.then(use, (error: unknown) => {
      loading = undefined;
      announce(vt("loadIdeasFailed"), "warning");
      console.error(error);
    });
  };
  button.addEventListener("click", () => withPanel((controller) => controller.toggle()));
  window.addEventListener(OPEN_IDEA_EVENT, (event) => {
    const id = (event as CustomEvent<unknown>).detail;
    if (typeof id === "string") withPanel((controller) => controller.openIdea(id));
  });
  slot.append(button);
  onLanguageChange(render);
  render();
  const linked = new URLSearchParams(location.search).get("idea");
  if (linked) withPanel((controller) => controller.openIdea(linked));
}
