/**
 * MapView's handle on the ideas layer: small and loaded with the map, it fetches the layer's
 * own file (ideas-overlay.ts) on the first `show`, so the map's first load stays as it was.
 * It remembers whether the layer is shown and who hears of a tapped pin, and says on the
 * map's element how many pins are drawn (`data-ideas-shown`, for tests and styling).
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { IdeaPin, IdeasOverlay } from "./ideas-overlay.ts";

export type { IdeaPin };

/** Where an idea pin is drawn: page pixels and map position (test hook). */
export interface DrawnIdea {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly lon: number;
  readonly lat: number;
}

/** The ideas layer of one map. */
export class IdeasLayer {
  private overlay: Promise<IdeasOverlay> | null = null;
  private ready: IdeasOverlay | null = null;
  private shown = false;
  private onTap: ((id: string) => void) | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly container: HTMLElement,
    /** Resolves once the map has loaded its style and drawn what it was given. */
    private readonly idle: () => Promise<void>,
  ) {}

  private load(icons: Readonly<Record<string, string>>): Promise<IdeasOverlay> {
    this.overlay ??= Promise.all([this.idle(), import("./ideas-overlay.ts")]).then(async ([, { IdeasOverlay }]) => {
      const overlay = new IdeasOverlay(this.map);
      await overlay.add(icons);
      this.ready = overlay;
      return overlay;
    });
    return this.overlay;
  }

  /** Draws these pins (pictures by name, as SVG sources) and calls `onTap` with a tapped pin's id; resolves once drawn. */
  async show(pins: readonly IdeaPin[], icons: Readonly<Record<string, string>>, onTap: (id: string) => void): Promise<void> {
    const overlay = await this.load(icons);
    this.onTap = onTap;
    this.shown = true;
    overlay.setPins(pins);
    overlay.setVisible(true);
    await this.idle();
    this.container.dataset.ideasShown = String(pins.length);
  }

  /** Hides the layer and the tapped spot (it stays loaded for the next `show`). */
  async hide(): Promise<void> {
    this.shown = false;
    delete this.container.dataset.ideasShown;
    if (!this.overlay) return;
    const overlay = await this.overlay;
    overlay.setVisible(false);
    overlay.setDraft(null);
  }

  /** Marks the spot tapped for a new idea, or removes the mark. */
  async setDraft(lonLat: readonly [number, number] | null): Promise<void> {
    if (!this.overlay) return;
    (await this.overlay).setDraft(lonLat);
  }

  /** Tells the listener of a tap on a shown pin; true when there was one (the tap is then used). */
  tap(point: { x: number; y: number }): boolean {
    const id = this.shown ? (this.ready?.idAt(point) ?? null) : null;
    if (id === null) return false;
    this.onTap?.(id);
    return true;
  }

  /** The pins on screen now (test hook). */
  drawn(): DrawnIdea[] {
    return this.shown && this.ready ? this.ready.drawn() : [];
  }
}
