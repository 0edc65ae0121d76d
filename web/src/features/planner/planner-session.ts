/**
 * One signed-in planner's session: the analysis chosen, the what-if plan (sites proposed,
 * sites closed, suggestions) and what the server answered, kept in step with the map, the
 * panel and the print brief. Every change asks the server again; an answer that arrives
 * after a newer question is dropped, so the screen always shows the latest plan.
 */
import { CATEGORIES, isCategoryId } from "../../../../src/core/categories.ts";
import { placeName } from "../../map/map-data.ts";
import { fetchPlaces, type PlaceFeature, type Region } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, languageTag, pick } from "../../shared/i18n.ts";
import { t } from "./planner-messages.ts";
import { announce } from "../../shared/toast.ts";
import type { StaffUser } from "../accounts/staff-session-api.ts";
import { errorText } from "../../shared/error-text.ts";
import { mapLegend } from "./map-legend.ts";
import { plannerControls, standardName, type Choice, type ControlOptions } from "./planner-controls.ts";
import { plannerLayout, userHead, type PlannerLayout } from "./planner-layout.ts";
import { PlannerMap, type PointMarker, type SiteMarker } from "./planner-map.ts";
import { type PanelModel, areaText, panelSections } from "./planner-panel.ts";
import { percentText } from "./share-chart.ts";
import { renderBrief } from "./print-brief.ts";
import { SiteNames } from "./site-names.ts";
import {
  type CoverageLayer,
  type CoverageRequest,
  type CoverageSummary,
  type LonLat,
  type Suggestion,
  exportUrl,
  fetchCoverage,
  fetchCoverageLayer,
  fetchSuggestions,
} from "./planner-api.ts";

/** On desktops the legend lies over the map's lower left; regions are framed beside it. */
const DESKTOP = "(min-width: 900px)";
const LEGEND_CLEARANCE_PX = 320;

function mapPadding(): { top: number; right: number; bottom: number; left: number } {
  const wide = window.matchMedia(DESKTOP).matches;
  return { top: 24, right: wide ? 64 : 24, bottom: 24, left: wide ? LEGEND_CLEARANCE_PX : 24 };
}

/** The server takes at most this many proposed sites. */
export const MAX_PROPOSED = 10;
const SUGGESTION_COUNT = 3;

/** What the session starts from. */
export interface SessionSetup extends ControlOptions {
  readonly user: StaffUser;
  readonly first: Choice;
  readonly signOut: () => void;
}

type Status = "loading" | "ready" | "no-data" | "error";

interface Analysis {
  status: Status;
  choice: Choice;
  added: LonLat[];
  removed: string[];
  suggestions: Suggestion[] | null;
  suggesting: boolean;
  baseline: CoverageSummary | null;
  baseLayer: CoverageLayer | null;
  current: CoverageSummary | null;
  layer: CoverageLayer | null;
  sites: PlaceFeature[];
  message: string;
}

const placeIcon = (place: PlaceFeature): string => {
  const first = place.properties.categories.find(isCategoryId);
  return first ? CATEGORIES[first].icon : "star";
};

/** The planner's state, its map and its panels. */
export class PlannerSession {
  private readonly parts: PlannerLayout;
  private readonly map: PlannerMap;
  private readonly places = new Map<string, Promise<PlaceFeature[]>>();
  /** Names of proposed sites (the nearest place or the district); one arriving redraws. */
  private readonly siteNames = new SiteNames(() => this.render());
  private state: Analysis;
  private turn = 0;
  private abort: AbortController | null = null;
  private readonly beforePrint = (): void => this.fillBrief();

  constructor(
    private readonly main: HTMLElement,
    private readonly brief: HTMLElement,
    private readonly setup: SessionSetup,
  ) {
    this.parts = plannerLayout(main);
    this.state = { status: "loading", choice: setup.first, added: [], removed: [], suggestions: null, suggesting: false, baseline: null, baseLayer: null, current: null, layer: null, sites: [], message: "" };
    this.map = new PlannerMap({
      container: this.parts.map,
      lang: getLanguage(),
      onMapTap: (lonLat) => this.propose(lonLat),
      onSiteTap: (id) => this.toggleSite(id),
      onProposedTap: (index) => this.removeProposed(index),
      onSuggestionTap: (index) => this.adopt(index),
    });
    window.__planner = { idle: () => this.map.whenIdle(), areaCount: () => this.map.areaCount(), pagePoint: (lon, lat) => this.map.pagePoint([lon, lat]) };
    window.addEventListener("beforeprint", this.beforePrint);
    this.relabel();
    void this.analyse(setup.first);
  }

  /** Draws every text again in the current language. */
  relabel(): void {
    replaceChildren(this.parts.head, ...userHead(this.setup.user, this.setup.signOut));
    replaceChildren(this.parts.controls, plannerControls(this.setup, this.state.choice, (choice) => void this.analyse(choice)));
    // MapLibre's canvas is the map's one landmark (role region), named here; a second region
    // of the same name around it would be a duplicate landmark to a screen reader.
    this.map.setLanguage(getLanguage(), t("coverageMap"));
    this.render();
  }

  /** Leaves the page to the sign-in form. */
  destroy(): void {
    this.abort?.abort();
    window.removeEventListener("beforeprint", this.beforePrint);
    delete window.__planner;
    this.map.destroy();
  }

  private region(): Region | undefined {
    return this.setup.regions.find((r) => r.id === this.state.choice.region);
  }

  private request(): CoverageRequest {
    const { choice, added, removed } = this.state;
    return { region: choice.region, standard: choice.standard, kinds: choice.kinds, minutes: choice.minutes, added, removed };
  }

  private nextTurn(): { turn: number; signal: AbortSignal } {
    this.abort?.abort();
    this.abort = new AbortController();
    return { turn: ++this.turn, signal: this.abort.signal };
  }

  private regionPlaces(region: string): Promise<PlaceFeature[]> {
    let list = this.places.get(region);
    if (!list) {
      list = fetchPlaces({ region, categories: [], facilities: [], age: null, openNow: false }).then((c) => [...c.features]);
      list.catch(() => this.places.delete(region));
      this.places.set(region, list);
    }
    return list;
  }

  /** Starts over for a new region or standard: the plan is cleared and coverage asked anew. */
  private async analyse(choice: Choice): Promise<void> {
    const regionChanged = choice.region !== this.state.choice.region || this.state.baseline === null;
    this.state = { ...this.state, status: "loading", choice, added: [], removed: [], suggestions: null, suggesting: false, baseline: null, current: null, message: "" };
    const region = this.region();
    if (region && regionChanged) this.map.showRegion(region, mapPadding());
    if (!this.setup.available.has(choice.region)) {
      this.state = { ...this.state, status: "no-data", layer: null, baseLayer: null, sites: [] };
      this.render();
      return;
    }
    this.render();
    const { turn, signal } = this.nextTurn();
    try {
      const request = this.request();
      const [summary, layer, places] = await Promise.all([fetchCoverage(request, signal), fetchCoverageLayer(request, signal), this.regionPlaces(choice.region)]);
      if (turn !== this.turn) return;
      const sites = places.filter((p) => choice.kinds.includes(p.properties.kind));
      this.state = { ...this.state, status: "ready", baseline: summary, current: summary, baseLayer: layer, layer, sites };
    } catch (error) {
      if (turn !== this.turn || signal.aborted) return;
      this.state = { ...this.state, status: "error", message: errorText(error) };
    }
    this.render();
  }

  /** Asks for coverage with the plan's changes (or shows the baseline again without any). */
  private async recompute(): Promise<void> {
    const { baseline, baseLayer } = this.state;
    if (!baseline) return;
    if (this.state.added.length === 0 && this.state.removed.length === 0) {
      this.nextTurn();
      this.state = { ...this.state, status: "ready", current: baseline, layer: baseLayer };
      this.render();
      return;
    }
    this.state = { ...this.state, status: "loading" };
    this.render();
    const { turn, signal } = this.nextTurn();
    try {
      const request = this.request();
      const [current, layer] = await Promise.all([fetchCoverage(request, signal), fetchCoverageLayer(request, signal)]);
      if (turn !== this.turn) return;
      this.state = { ...this.state, status: "ready", current, layer };
      announce(t("coverageUpdated", { buildings: percentText(current.buildings), land: percentText(current.land) }));
    } catch (error) {
      if (turn !== this.turn || signal.aborted) return;
      this.state = { ...this.state, status: "ready" };
      announce(errorText(error), "warning");
    }
    this.render();
  }

  private propose(lonLat: LonLat): void {
    if (this.state.status !== "ready") return;
    if (this.state.added.length >= MAX_PROPOSED) {
      announce(t("tooManyProposed", { n: MAX_PROPOSED }), "warning");
      return;
    }
    this.state = { ...this.state, added: [...this.state.added, lonLat], suggestions: null };
    void this.recompute();
  }

  private adopt(index: number): void {
    const chosen = this.state.suggestions?.[index];
    if (!chosen || this.state.added.length >= MAX_PROPOSED) return;
    // The other suggestions were picked given this one first, so they stay good advice.
    const rest = this.state.suggestions?.filter((_, i) => i !== index) ?? null;
    this.state = { ...this.state, added: [...this.state.added, [chosen.lon, chosen.lat]], suggestions: rest };
    void this.recompute();
  }

  private removeProposed(index: number): void {
    this.state = { ...this.state, added: this.state.added.filter((_, i) => i !== index), suggestions: null };
    void this.recompute();
  }

  private toggleSite(id: string): void {
    if (this.state.status !== "ready") return;
    const removed = this.state.removed.includes(id) ? this.state.removed.filter((r) => r !== id) : [...this.state.removed, id];
    this.state = { ...this.state, removed, suggestions: null };
    void this.recompute();
  }

  private reset(): void {
    this.state = { ...this.state, added: [], removed: [], suggestions: null, suggesting: false };
    void this.recompute();
  }

  private async suggest(): Promise<void> {
    if (this.state.status !== "ready") return;
    this.state = { ...this.state, suggesting: true };
    this.render();
    const turn = this.turn;
    try {
      const suggestions = await fetchSuggestions(this.request(), SUGGESTION_COUNT);
      // Advice for a plan changed meanwhile is stale: dropped, and the button freed again.
      this.state = { ...this.state, suggestions: turn === this.turn ? suggestions : this.state.suggestions, suggesting: false };
    } catch (error) {
      this.state = { ...this.state, suggesting: false };
      announce(errorText(error), "warning");
    }
    this.render();
  }

  private model(): PanelModel | null {
    const { baseline, current, choice } = this.state;
    if (!baseline || !current) return null;
    const names = new Map(this.state.sites.map((p) => [p.properties.id, placeName(p, getLanguage())]));
    const request = this.request();
    return {
      baseline,
      current,
      added: this.state.added,
      addedNames: this.state.added.map((lonLat) => this.siteNames.get(lonLat, this.state.choice.region)),
      closed: this.state.removed.map((id) => ({ id, name: names.get(id) ?? id })),
      suggestions: this.state.suggestions,
      suggesting: this.state.suggesting,
      askAbout: { kind: choice.kinds[0] ?? null, minutes: choice.minutes },
      basis: ((basis) => (basis ? pick(basis) : null))(this.setup.standards.find((s) => s.id === choice.standard)?.basis),
      exports: { csv: exportUrl(request, "csv"), xlsx: exportUrl(request, "xlsx"), geojson: exportUrl(request, "geojson") },
    };
  }

  private markers(): { sites: SiteMarker[]; proposed: PointMarker[]; suggestions: PointMarker[] } {
    const lang = getLanguage();
    const unsnapped = new Set(this.state.current?.unsnappedSites ?? []);
    const compact = new Intl.NumberFormat(languageTag(lang), { notation: "compact", maximumFractionDigits: 1 });
    return {
      sites: this.state.sites.map((p) => {
        const closed = this.state.removed.includes(p.properties.id);
        const name = placeName(p, lang);
        return { id: p.properties.id, lonLat: [p.geometry.coordinates[0], p.geometry.coordinates[1]], label: t(closed ? "plannerSiteClosed" : "plannerSiteOpen", { name }), icon: placeIcon(p), closed };
      }),
      proposed: this.state.added.map((lonLat, i) => ({ lonLat, label: t("proposedMarker", { n: i + 1 }), text: String(i + 1), warning: unsnapped.has(`proposed-${i + 1}`) })),
      suggestions: (this.state.suggestions ?? []).map((s, i) => {
        const text = `${i + 1} · +${compact.format(s.gainM2)} m²`;
        // The accessible name starts with the visible text, so voice control can name the button.
        return { lonLat: [s.lon, s.lat], label: `${text} · ${t("suggestionMarker", { n: i + 1, gain: areaText(s.gainM2) })}`, text };
      }),
    };
  }

  private render(): void {
    const { status, choice } = this.state;
    this.main.dataset.status = status;
    this.parts.panel.setAttribute("aria-busy", String(status === "loading"));
    this.parts.note.textContent = status === "loading" ? t("coverageLoading") : "";
    replaceChildren(this.parts.legend, status === "no-data" ? null : mapLegend(choice.minutes));
    void this.map.setAreas(this.state.layer, choice.minutes);
    const markers = this.markers();
    this.map.setMarkers(markers.sites, markers.proposed, markers.suggestions);
    const model = this.model();
    if (status === "no-data") {
      replaceChildren(this.parts.panel, this.noDataNote());
    } else if (status === "error") {
      replaceChildren(this.parts.panel, this.errorNote());
    } else if (model) {
      replaceChildren(this.parts.panel, ...panelSections(model, {
        suggest: () => void this.suggest(),
        adopt: (i) => this.adopt(i),
        removeProposed: (i) => this.removeProposed(i),
        reopen: (id) => this.toggleSite(id),
        reset: () => this.reset(),
        print: () => this.print(),
      }));
    }
  }

  private noDataNote(): HTMLElement {
    const region = this.region();
    return el("p", { class: "no-data-note", id: "no-data-note" }, t("noCoverageData", { name: region ? pick(region.name) : this.state.choice.region }));
  }

  private errorNote(): HTMLElement {
    const retry = el("button", { type: "button", class: "button button-quiet" }, t("retry"));
    retry.addEventListener("click", () => void this.analyse(this.state.choice));
    return el("div", {}, el("p", { class: "error-note", role: "alert" }, this.state.message), retry);
  }

  private fillBrief(): void {
    const model = this.model();
    if (!model) return;
    let snapshot: string | null = null;
    try {
      snapshot = this.map.snapshot();
    } catch (error) {
      console.warn("the map could not be copied for the brief", error);
    }
    const region = this.region();
    renderBrief(this.brief, {
      model,
      region: region ? pick(region.name) : this.state.choice.region,
      standard: standardName(this.state.choice, this.setup.standards),
      minutes: this.state.choice.minutes,
      snapshot,
      date: new Date().toISOString().slice(0, 10),
    });
  }

  private print(): void {
    this.fillBrief();
    window.print();
  }
}

/** The test hook: what the map holds and where a point is on the page. */
export interface PlannerTestHook {
  idle(): Promise<void>;
  areaCount(): number;
  pagePoint(lon: number, lat: number): { x: number; y: number };
}

declare global {
  interface Window {
    __planner?: PlannerTestHook;
  }
}
