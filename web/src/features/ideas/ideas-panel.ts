/**
 * The ideas panel on the map page: the public ideas as their own map layer and as a list
 * (newest, most supported, near me), an idea's card, and the form to share a new one. A
 * bottom sheet on phones that leaves the map above it in view, a side panel on desktops. It
 * closes with its button or Escape; closing hides the layer too.
 */
import type { IdeaPin } from "../../map/ideas-layer.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, onLanguageChange, t } from "../../shared/i18n.ts";
import { mapPadding } from "../../shared/layout.ts";
import { currentRegion } from "../../shared/store.ts";
import { announce } from "../../shared/toast.ts";
import { closeAccount, currentMember, onMemberChange, openAccount } from "../family/member-session.ts";
import { ideaCard } from "./idea-card.ts";
import { ideaForm } from "./idea-form.ts";
import { ideaPins } from "./idea-format.ts";
import { BULB_SVG, withPicture } from "./idea-icons.ts";
import { KIND_ICONS, kindMark, stageName } from "./idea-kinds.ts";
import { type IdeaSort, type LonLat, type OwnIdea, type PublicIdea, fetchIdeaLayer, fetchIdeas, fetchMyIdeas, listSearch } from "./ideas-api.ts";
import type { IdeasDeps } from "./ideas-deps.ts";
import { vt } from "./ideas-messages.ts";
import "./ideas.css";

type View = { name: "list" } | { name: "card"; id: string } | { name: "form" };

const SORTS: ReadonlyArray<{ sort: IdeaSort; label: "sortNewest" | "sortSupported" | "sortNear" }> = [
  { sort: "newest", label: "sortNewest" },
  { sort: "supported", label: "sortSupported" },
  { sort: "near", label: "sortNear" },
];

/** The panel and the layer it shows. */
export class IdeasPanel {
  private view: View = { name: "list" };
  private sort: IdeaSort = "newest";
  private mine: OwnIdea[] = [];
  /** The pin of an idea just posted, drawn even before the layer knows it. */
  private justPosted: OwnIdea | null = null;
  /** What the form said after posting, shown once above the new idea's card. */
  private notice: HTMLElement | null = null;

  constructor(private readonly panel: HTMLElement, private readonly button: HTMLElement, private readonly deps: IdeasDeps) {
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "ideas-title");
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden && panel.dataset.picking !== "true") this.close();
    });
    onLanguageChange(() => {
      this.render();
      // The pins' labels ("3 人支持") follow the language too.
      if (!panel.hidden) void this.refreshLayer();
    });
    onMemberChange(() => {
      if (!panel.hidden) void this.refreshLayer().then(() => this.render());
    });
  }

  /** Opens the panel on the list, or closes it. */
  toggle(): void {
    if (this.panel.hidden) this.open({ name: "list" });
    else this.close();
  }

  /** Opens one idea's card. */
  openIdea(id: string): void {
    this.open({ name: "card", id });
  }

  private open(view: View): void {
    closeAccount();
    this.view = view;
    this.panel.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    this.deps.app.dataset.ideasOpen = "true";
    void this.refreshLayer();
    this.render();
  }

  close(): void {
    this.panel.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    delete this.deps.app.dataset.ideasOpen;
    this.deps.map.cancelPick();
    void this.deps.map.ideas.hide();
    this.button.focus();
  }

  /** Fetches the region's public pins and my own ideas and draws them. */
  private async refreshLayer(): Promise<void> {
    const region = currentRegion(this.deps.store.get());
    if (!region) return;
    try {
      const [layer, mine] = await Promise.all([fetchIdeaLayer(region.bbox), currentMember() ? fetchMyIdeas() : Promise.resolve([])]);
      this.mine = mine;
      const own = this.justPosted && !mine.some((idea) => idea.id === this.justPosted?.id) ? [this.justPosted, ...mine] : mine;
      const pins: IdeaPin[] = ideaPins(layer, own, (n) => vt("pinLabel", { n }));
      if (this.panel.hidden) return;
      await this.deps.map.ideas.show(pins, KIND_ICONS, (id) => this.openIdea(id));
    } catch (error) {
      announce(vt("loadIdeasFailed"), "warning");
      console.error(error);
    }
  }

  private render(): void {
    if (this.panel.hidden) return;
    const close = el("button", { type: "button", class: "icon-button card-close", "aria-label": vt("ideaClose") }, "×");
    close.addEventListener("click", () => this.close());
    this.panel.dataset.view = this.view.name;
    replaceChildren(this.panel, el("div", { class: "card-handle", "aria-hidden": "true" }), close, el("h2", { id: "ideas-title", class: "card-title", tabindex: -1 }, vt("ideasTitle")), this.body());
  }

  private body(): HTMLElement {
    const view = this.view;
    if (view.name === "card") return this.cardView(view.id);
    if (view.name === "form") return this.formView();
    return this.listView();
  }

  private back(): HTMLElement {
    const back = el("button", { type: "button", class: "button button-quiet button-small ideas-back", id: "ideas-back" }, `← ${vt("back")}`);
    back.addEventListener("click", () => this.open({ name: "list" }));
    return back;
  }

  private cardView(id: string): HTMLElement {
    const slot = el("div", { class: "idea-card-slot", "aria-busy": "true" }, el("p", { class: "muted" }, t("loading")));
    const notice = this.notice;
    this.notice = null;
    ideaCard(id, {
      openIdea: (other) => this.openIdea(other),
      signIn: () => this.signIn(),
      focusOn: (lonLat) => this.deps.map.flyTo(lonLat, mapPadding()),
    }).then(({ node, idea }) => {
      replaceChildren(slot, notice, node);
      slot.removeAttribute("aria-busy");
      // The card's idea in view above the sheet: its pin (a child's, coarsened) is what others see.
      this.deps.map.flyTo([idea.lon, idea.lat], mapPadding());
    }, (error: unknown) => {
      replaceChildren(slot, el("p", { class: "form-error", role: "alert" }, vt("loadIdeasFailed")));
      console.error(error);
    });
    return el("div", { class: "ideas-view" }, this.back(), slot);
  }

  private formView(): HTMLElement {
    const member = currentMember();
    if (!member) return el("div", { class: "ideas-view" }, this.back(), this.signInNote());
    const region = currentRegion(this.deps.store.get());
    return el("div", { class: "ideas-view" }, this.back(), ideaForm({
      member,
      region: region?.id ?? "",
      pick: () => this.pick(),
      posted: (idea, notice) => void this.posted(idea, notice),
    }));
  }

  /** Collapses the panel to a bar while the child taps the map; the tapped spot is marked. */
  private async pick(): Promise<LonLat | null> {
    this.panel.dataset.picking = "true";
    const bar = el("div", { class: "ideas-picking", role: "status" }, el("strong", {}, vt("pickingNote")));
    const cancel = el("button", { type: "button", class: "button button-quiet button-small", id: "idea-pick-cancel" }, vt("cancelPick"));
    cancel.addEventListener("click", () => this.deps.map.cancelPick());
    bar.append(cancel);
    this.panel.prepend(bar);
    const point = await this.deps.map.pickPoint();
    bar.remove();
    delete this.panel.dataset.picking;
    await this.deps.map.ideas.setDraft(point);
    return point;
  }

  /**
   * After posting: the new idea's card under what the form said, its pin at the public
   * (for a child, coarsened) point with the camera on it, the tapped spot's mark gone.
   */
  private async posted(idea: OwnIdea, notice: HTMLElement): Promise<void> {
    this.justPosted = idea;
    this.notice = notice;
    await this.deps.map.ideas.setDraft(null);
    this.open({ name: "card", id: idea.id });
  }

  private signIn(): void {
    this.close();
    openAccount();
  }

  private signInNote(): HTMLElement {
    const go = el("button", { type: "button", class: "button button-primary", id: "ideas-sign-in" }, vt("signInButton"));
    go.addEventListener("click", () => this.signIn());
    return el("div", { class: "ideas-sign-in" }, el("p", {}, vt("signInFirst")), go);
  }

  private listView(): HTMLElement {
    const create = withPicture("button", { type: "button", class: "button button-primary idea-new", id: "idea-new" }, BULB_SVG, vt("newIdea"));
    create.addEventListener("click", () => this.open({ name: "form" }));
    const sorts = SORTS.map(({ sort, label }) => {
      const button = el("button", { type: "button", class: "tab", "aria-pressed": String(this.sort === sort), "data-sort": sort }, vt(label));
      button.addEventListener("click", () => {
        this.sort = sort;
        this.render();
      });
      return button;
    });
    const list = el("div", { class: "idea-list-slot", "aria-live": "polite" }, el("p", { class: "muted" }, t("loading")));
    void this.fillList(list);
    return el(
      "div",
      { class: "ideas-view" },
      el("p", { class: "ideas-intro" }, vt("ideasIntro")),
      create,
      el("a", { class: "ideas-outcomes-link", href: `/ideas.html?lang=${getLanguage()}` }, vt("whatHappened")),
      el("div", { class: "tabs idea-sorts", role: "group", "aria-label": vt("sortBy") }, ...sorts),
      list,
    );
  }

  private async fillList(slot: HTMLElement): Promise<void> {
    const state = this.deps.store.get();
    const near = this.sort === "near" ? (state.userPosition ?? this.deps.map.center()) : null;
    try {
      const { ideas, total } = await fetchIdeas(listSearch(this.sort, { region: state.regionId ?? undefined, near, limit: 30 }));
      replaceChildren(
        slot,
        this.sort === "near" && !state.userPosition ? el("p", { class: "field-hint" }, vt("nearMapCentre")) : null,
        ideas.length === 0 ? el("p", { class: "muted" }, vt("noIdeas")) : el("p", { class: "muted idea-total" }, vt("ideaCount", { n: total })),
        ideas.length === 0 ? null : el("ul", { class: "idea-list" }, ...ideas.map((idea) => this.listItem(idea))),
      );
      slot.dataset.loaded = this.sort;
    } catch (error) {
      replaceChildren(slot, el("p", { class: "form-error", role: "alert" }, vt("loadIdeasFailed")));
      console.error(error);
    }
  }

  private listItem(idea: PublicIdea): HTMLElement {
    const open = el(
      "button",
      { type: "button", class: "idea-item", "data-idea": idea.id },
      kindMark(idea.kind),
      el("span", { class: "idea-item-text" },
        el("span", { class: "idea-item-title" }, idea.title),
        el("span", { class: "idea-item-meta" },
          el("span", { class: "stage-badge", "data-stage": idea.stage }, stageName(idea.stage)),
          el("span", {}, `❤ ${vt("supports", { n: idea.supportCount })}`),
          idea.placeName ?? idea.district ? el("span", {}, idea.placeName ?? idea.district ?? "") : null)),
    );
    open.addEventListener("click", () => this.openIdea(idea.id));
    return el("li", {}, open);
  }
}
