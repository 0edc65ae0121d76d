/**
 * "我的收藏": a button over the map (beside 我的想法, in the container the page gives) and the
 * panel it opens, listing the member's saved places
 * and guides from this phone's copy (so it works offline), newest first, with the changes
 * still waiting for a network. A place opens on the map (`onPickPlace`), a guide its page.
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { onLanguageChange, pick } from "../../shared/i18n.ts";
import { announce } from "../../shared/toast.ts";
import { openAccount } from "../family/member-session.ts";
import type { LocalFavourite } from "./favourites-state.ts";
import { favourites } from "./favourites.ts";
import { tFav } from "./favourites-messages.ts";
import "./favourites.css";

export interface FavouritesActions {
  /** Shows a saved place: its card, on the map. */
  onPickPlace(id: string, favourite: LocalFavourite): void;
}

function row(favourite: LocalFavourite, actions: FavouritesActions, close: () => void): HTMLElement {
  const name = favourite.name ? pick(favourite.name) || tFav("unnamed") : tFav("unnamed");
  const kind = el("span", { class: "favourite-kind" }, favourite.kind === "place" ? tFav("place") : tFav("guide"));
  const gone = favourite.available ? null : el("span", { class: "favourite-gone" }, tFav("gone"));
  const target =
    favourite.kind === "guide"
      ? el("a", { class: "favourite-open", href: `/guides.html?id=${encodeURIComponent(favourite.id)}` }, kind, el("span", { class: "favourite-name" }, name), gone)
      : el("button", { type: "button", class: "favourite-open", "data-place-id": favourite.id }, kind, el("span", { class: "favourite-name" }, name), gone);
  if (target instanceof HTMLButtonElement) {
    target.addEventListener("click", () => {
      close();
      actions.onPickPlace(favourite.id, favourite);
    });
  }
  return el("li", { class: "favourite-item" }, target);
}

/** Mounts the "我的收藏" button into `entry` (#ideas-entry: over the map, hidden with it) and its panel into `host` (#app). */
export function mountFavourites(entry: HTMLElement, host: HTMLElement, actions: FavouritesActions): { open(): void; close(): void } {
  const sync = favourites();
  const heading = el("h2", { id: "favourites-title", class: "favourites-title" });
  const closeButton = el("button", { type: "button", class: "icon-button card-close" }, "×");
  const body = el("div", { class: "favourites-body" });
  const panel = el("section", { id: "favourites-panel", class: "favourites-panel", role: "dialog", "aria-labelledby": "favourites-title", hidden: true }, el("div", { class: "favourites-head" }, heading, closeButton), body);
  const button = el("button", { type: "button", class: "icon-button favourites-button", id: "favourites-button", "aria-haspopup": "dialog", "aria-expanded": "false", "aria-controls": "favourites-panel" });
  host.append(panel);
  entry.append(button);

  const close = (): void => {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
  };
  const open = (): void => {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    render();
    closeButton.focus();
  };
  const render = (): void => {
    heading.textContent = tFav("myFavourites");
    closeButton.setAttribute("aria-label", tFav("close"));
    button.textContent = tFav("myFavouritesButton");
    button.dataset["count"] = String(sync.items.length);
    if (panel.hidden) return;
    if (sync.member === null) {
      const signIn = el("button", { type: "button", class: "button" }, tFav("signIn"));
      signIn.addEventListener("click", () => {
        close();
        openAccount();
      });
      replaceChildren(body, el("p", { class: "favourites-note" }, tFav("signedOut")), signIn);
      return;
    }
    const waiting = sync.pending.length > 0 ? el("p", { class: "favourites-waiting", role: "status" }, tFav("waiting", { count: sync.pending.length })) : null;
    const list = sync.items.length === 0 ? el("p", { class: "favourites-note" }, tFav("empty")) : el("ul", { class: "favourites-list" }, ...sync.items.map((f) => row(f, actions, close)));
    replaceChildren(body, waiting, list);
  };
  button.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", () => {
    close();
    button.focus();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    close();
    button.focus();
  });
  sync.subscribe(render);
  sync.onRefused((refused) => announce(tFav("refused", { names: refused.map((r) => (r.item?.name ? pick(r.item.name) : r.id)).join("、") }), "warning"));
  onLanguageChange(render);
  render();
  return { open, close };
}
