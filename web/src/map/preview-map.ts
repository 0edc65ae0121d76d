/**
 * The map a touch phone opens with: pictures of the basemap tiles (GET /tiles/{z}/{x}/{y}.webp,
 * drawn by the server from the same vector tiles) and the places as coloured dots on a 2D
 * canvas. No WebGL and no map library: on a slow phone MapLibre's script and its WebGL set-up
 * cost seconds before a first frame, and the person sees the city's places at once instead.
 *
 * A tap on a dot opens the place; dragging moves the picture; anything more (a pinch, the
 * zoom buttons, a route, the ideas layer) asks for the full map (`onWake`), which takes over
 * at the same spot (lazy-map.ts). The credits stay visible in a corner (ODbL).
 */
import type { PlaceFeature } from "../shared/api.ts";
import type { Lang } from "../shared/i18n.ts";
import { type Camera, type Padding, centredIn, fitBounds, project, tilesFor, toUnit, unproject } from "./camera.ts";
import { toMarkerCollection } from "./map-data.ts";

/** The deepest zoom the server has tiles for (src/basemap/tile-builder.ts). */
const MAX_TILE_ZOOM = 14;
const DOT_RADIUS = 9;
const SELECTED_RADIUS = 13;
/** A touch within this many pixels of a dot's edge opens it (a child's finger is wide). */
const TAP_SLOP = 14;
/** A move of more than this many pixels is a drag, not a tap. */
const DRAG_PX = 8;

const WORDS: Readonly<Record<Lang, { map: string; zoomIn: string; zoomOut: string }>> = {
  zh: { map: "儿童友好地点地图", zoomIn: "放大", zoomOut: "缩小" },
  en: { map: "Map of child-friendly places", zoomIn: "Zoom in", zoomOut: "Zoom out" },
};

export interface PreviewOptions {
  readonly container: HTMLElement;
  readonly lang: Lang;
  readonly onPlaceTap: (id: string) => void;
  /** The person wants more than a picture: start the full map (called once or more). */
  readonly onWake: () => void;
}

/** Resolves once the image has loaded or failed. */
function settled(image: HTMLImageElement): Promise<void> {
  if (image.complete) return Promise.resolve();
  return new Promise((resolve) => {
    image.addEventListener("load", () => resolve(), { once: true });
    image.addEventListener("error", () => resolve(), { once: true });
  });
}

interface Dot {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly color: string;
}

export class PreviewMap {
  readonly element: HTMLDivElement;
  private readonly tileLayer: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly credits: HTMLButtonElement;
  private readonly zoomIn: HTMLButtonElement;
  private readonly zoomOut: HTMLButtonElement;
  private camera: Camera | null = null;
  private dots: Dot[] = [];
  private selected: string | null = null;
  private lang: Lang;
  private hasBasemap = true;
  private drag: { id: number; x: number; y: number; camera: Camera; moved: boolean } | null = null;
  private pending: Promise<void> = Promise.resolve();
  private shown!: () => void;
  /** Resolves once a view has been drawn (its tiles loaded or failed). */
  private readonly firstFrame = new Promise<void>((resolve) => (this.shown = resolve));
  private readonly images = new Map<string, HTMLImageElement>();
  private readonly resizing = new ResizeObserver(() => this.draw());

  constructor(private readonly options: PreviewOptions) {
    this.lang = options.lang;
    this.element = document.createElement("div");
    this.element.className = "map-preview";
    this.element.setAttribute("role", "region");
    this.tileLayer = document.createElement("div");
    this.tileLayer.className = "map-preview-tiles";
    this.canvas = document.createElement("canvas");
    this.canvas.className = "map-preview-dots";
    this.canvas.setAttribute("aria-hidden", "true");
    // One line, cut with an ellipsis where long; a tap shows it whole (as MapLibre's ⓘ does).
    this.credits = document.createElement("button");
    this.credits.type = "button";
    this.credits.className = "map-preview-credits";
    this.credits.setAttribute("aria-expanded", "false");
    this.credits.addEventListener("click", () => this.credits.setAttribute("aria-expanded", String(this.credits.getAttribute("aria-expanded") !== "true")));
    this.zoomIn = this.button("+", () => this.zoomBy(1));
    this.zoomOut = this.button("−", () => this.zoomBy(-1));
    const zoom = document.createElement("div");
    zoom.className = "map-preview-zoom";
    zoom.append(this.zoomIn, this.zoomOut);
    this.element.append(this.tileLayer, this.canvas, this.credits, zoom);
    this.setLanguage(options.lang);
    options.container.append(this.element);
    this.listen();
    this.resizing.observe(this.element);
  }

  private button(text: string, action: () => void): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      action();
      this.options.onWake();
    });
    return button;
  }

  private size(): [number, number] {
    return [this.element.clientWidth || 1, this.element.clientHeight || 1];
  }

  /** Resolves once a view is drawn and the tiles of the present one have loaded (or failed). */
  async whenIdle(): Promise<void> {
    await this.firstFrame;
    await this.pending;
  }

  /** The camera now (null before a region was shown). */
  view(): Camera | null {
    return this.camera;
  }

  center(): [number, number] {
    return this.camera ? [this.camera.center[0], this.camera.center[1]] : [0, 0];
  }

  showRegion(bbox: readonly [number, number, number, number], maxZoom: number, padding: Padding, hasBasemap: boolean): void {
    const [width, height] = this.size();
    this.hasBasemap = hasBasemap;
    this.camera = fitBounds(bbox, width, height, padding, maxZoom);
    this.draw();
  }

  /** Centres on a point at `zoom` or closer (the list's or the search's place). */
  focusOn(lonLat: readonly [number, number], zoom: number, padding: Padding): void {
    const [width, height] = this.size();
    this.camera = centredIn(toUnit(lonLat[0], lonLat[1]), Math.max(this.camera?.zoom ?? 0, zoom), width, height, padding);
    this.draw();
  }

  /** Frames the points, no closer than `maxZoom`. */
  fitPositions(positions: readonly (readonly [number, number])[], padding: Padding, maxZoom: number): void {
    if (positions.length === 0) return;
    const lons = positions.map((p) => p[0]);
    const lats = positions.map((p) => p[1]);
    const [width, height] = this.size();
    this.camera = fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], width, height, padding, maxZoom);
    this.draw();
  }

  setPlaces(places: readonly PlaceFeature[]): Promise<void> {
    this.dots = toMarkerCollection(places, this.lang).features.map((f) => ({ id: f.properties.id, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]!, color: f.properties.color }));
    this.draw();
    return this.pending;
  }

  setSelected(id: string | null): void {
    this.selected = id;
    this.drawDots();
  }

  setAttribution(lines: readonly string[]): void {
    this.credits.textContent = lines.join(" · ");
    this.credits.hidden = lines.length === 0;
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    this.element.setAttribute("aria-label", WORDS[lang].map);
    this.zoomIn.setAttribute("aria-label", WORDS[lang].zoomIn);
    this.zoomOut.setAttribute("aria-label", WORDS[lang].zoomOut);
  }

  /** Page positions of the dots inside the map now, with their place ids (test hook, as MapView's). */
  markerPositions(): Array<{ id: string; x: number; y: number }> {
    if (!this.camera) return [];
    const rect = this.element.getBoundingClientRect();
    return this.visibleDots().map(({ dot, x, y }) => ({ id: dot.id, x: rect.left + x, y: rect.top + y }));
  }

  renderedPlaces(): { markers: number; clustered: number } {
    return { markers: this.visibleDots().length, clustered: 0 };
  }

  remove(): void {
    this.resizing.disconnect();
    this.element.remove();
  }

  private visibleDots(): Array<{ dot: Dot; x: number; y: number }> {
    if (!this.camera) return [];
    const [width, height] = this.size();
    const camera = this.camera;
    return this.dots
      .map((dot) => {
        const [x, y] = project(camera, width, height, dot.lon, dot.lat);
        return { dot, x, y };
      })
      .filter(({ x, y }) => x >= 0 && y >= 0 && x <= width && y <= height);
  }

  private zoomBy(step: number): void {
    if (!this.camera) return;
    this.camera = { center: this.camera.center, zoom: Math.max(2, Math.min(MAX_TILE_ZOOM + 4, this.camera.zoom + step)) };
    this.draw();
  }

  private draw(): void {
    if (!this.camera) return;
    this.pending = this.drawTiles();
    this.drawDots();
    void this.pending.then(this.shown);
  }

  /** Places the tile pictures of the view (kept ones reused) and resolves when they have loaded. */
  private async drawTiles(): Promise<void> {
    if (!this.camera || !this.hasBasemap) {
      this.tileLayer.replaceChildren();
      return;
    }
    const [width, height] = this.size();
    const ratio = (window.devicePixelRatio || 1) > 1.5 ? 2 : 1;
    const wanted = tilesFor(this.camera, width, height, MAX_TILE_ZOOM);
    const shown: HTMLImageElement[] = [];
    for (const tile of wanted) {
      const src = `/tiles/${tile.z}/${tile.x}/${tile.y}.webp${ratio === 2 ? "?ratio=2" : ""}`;
      let image = this.images.get(src);
      if (!image) {
        image = document.createElement("img");
        image.alt = "";
        image.decoding = "async";
        image.draggable = false;
        image.src = src;
        // An empty tile (204: sea, no data) shows the background.
        image.addEventListener("error", () => (image!.style.visibility = "hidden"), { once: true });
        this.images.set(src, image);
      }
      Object.assign(image.style, { left: `${tile.left}px`, top: `${tile.top}px`, width: `${tile.size}px`, height: `${tile.size}px` });
      shown.push(image);
    }
    this.tileLayer.replaceChildren(...shown);
    await Promise.all(shown.map(settled));
  }

  private drawDots(): void {
    const [width, height] = this.size();
    const scale = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * scale) || this.canvas.height !== Math.round(height * scale)) {
      this.canvas.width = Math.round(width * scale);
      this.canvas.height = Math.round(height * scale);
    }
    const context = this.canvas.getContext("2d");
    if (!context) return;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    context.clearRect(0, 0, width, height);
    const visible = this.visibleDots();
    for (const { dot, x, y } of visible) {
      if (dot.id === this.selected) continue;
      this.circle(context, x, y, DOT_RADIUS, dot.color, "#ffffff", 2);
    }
    const selected = visible.find(({ dot }) => dot.id === this.selected);
    if (selected) this.circle(context, selected.x, selected.y, SELECTED_RADIUS, selected.dot.color, "#212529", 3);
  }

  private circle(context: CanvasRenderingContext2D, x: number, y: number, radius: number, fill: string, stroke: string, width: number): void {
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.fillStyle = fill;
    context.fill();
    context.lineWidth = width;
    context.strokeStyle = stroke;
    context.stroke();
  }

  /** The place whose dot is under (x, y) in the element, nearest first, or null. */
  private dotAt(x: number, y: number): string | null {
    let best: { id: string; distance: number } | null = null;
    for (const { dot, x: dx, y: dy } of this.visibleDots()) {
      const distance = Math.hypot(dx - x, dy - y);
      if (distance <= DOT_RADIUS + TAP_SLOP && (!best || distance < best.distance)) best = { id: dot.id, distance };
    }
    return best?.id ?? null;
  }

  private listen(): void {
    const surface = this.canvas;
    surface.addEventListener("pointerdown", (event) => {
      if (!this.camera || this.drag) return;
      this.drag = { id: event.pointerId, x: event.clientX, y: event.clientY, camera: this.camera, moved: false };
      surface.setPointerCapture?.(event.pointerId);
    });
    surface.addEventListener("pointermove", (event) => {
      const drag = this.drag;
      if (!drag || drag.id !== event.pointerId) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_PX) return;
      if (!drag.moved) {
        drag.moved = true;
        this.options.onWake();
      }
      const [width, height] = this.size();
      const center = unproject(drag.camera, width, height, width / 2 - dx, height / 2 - dy);
      this.camera = { center, zoom: drag.camera.zoom };
      this.draw();
    });
    const end = (event: PointerEvent): void => {
      const drag = this.drag;
      if (!drag || drag.id !== event.pointerId) return;
      this.drag = null;
      if (drag.moved || event.type === "pointercancel") return;
      const rect = this.element.getBoundingClientRect();
      const id = this.dotAt(event.clientX - rect.left, event.clientY - rect.top);
      if (id) this.options.onPlaceTap(id);
      else this.options.onWake();
    };
    surface.addEventListener("pointerup", end);
    surface.addEventListener("pointercancel", end);
    // A wheel, a second finger or a double tap: the person wants to zoom, which the full map does.
    surface.addEventListener("wheel", () => this.options.onWake(), { passive: true });
    surface.addEventListener("dblclick", () => this.options.onWake());
    surface.addEventListener("touchstart", (event) => event.touches.length > 1 && this.options.onWake(), { passive: true });
  }
}
