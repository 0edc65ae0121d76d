/**
 * The parents' school-route map (学径图) as one SVG drawn on the server, no basemap tiles:
 * the streets near the walks in light grey, the walks in purple (wider where more homes walk:
 * square-root of the floor area), the catchment's homes as dots, the crossings coloured by
 * their control (the school's ten "fix first" numbered), the gates with a waiting zone, a
 * scale bar, a north arrow and a legend. Longitude and latitude are projected with a local
 * equirectangular projection (exact enough over a catchment of a few km) and fitted into an
 * A4 landscape view box. Every text from the data (names come from OSM) is escaped.
 */
import type { CROSSING_CONTROLS } from "../core/api/schoolroutes.ts";

type Control = (typeof CROSSING_CONTROLS)[number];
type LonLat = readonly [number, number];

/** What the map shows, in plain positions (school-map-data.ts gathers it from the analysis). */
export interface SchoolMapInput {
  school: { name: string; kindLabel: string; position: LonLat; gates: readonly LonLat[] };
  /** The walks: street pieces with the residential floor area walking along them. */
  walks: ReadonlyArray<{ line: readonly LonLat[]; areaM2: number }>;
  /** Other streets near the walks, drawn light grey. */
  streets: ReadonlyArray<readonly LonLat[]>;
  /** The catchment's homes (residential areas walking to this school). */
  homes: readonly LonLat[];
  /** The school's crossings, fix first at the top. */
  crossings: ReadonlyArray<{ position: LonLat; control: Control }>;
  /** A line under the title, e.g. that what-if changes are shown. */
  note?: string;
}

/** Colours of the crossing controls on the map, the page and the legend. */
export const CONTROL_COLOURS: Readonly<Record<Control, string>> = { signals: "#2b8a3e", zebra: "#1971c2", unmarked: "#e67700", none: "#c92a2a" };
export const CONTROL_LABELS: Readonly<Record<Control, { zh: string; en: string }>> = {
  signals: { zh: "信号灯", en: "traffic signals" },
  zebra: { zh: "斑马线", en: "zebra" },
  unmarked: { zh: "无标线过街", en: "unmarked crossing" },
  none: { zh: "无过街设施", en: "no crossing" },
};
export const WALK_COLOUR = "#7048e8";
/** Crossings numbered on the map (and listed on the page). */
export const NUMBERED_CROSSINGS = 10;
/** Radius of the suggested waiting zone drawn at each gate. */
export const WAITING_ZONE_M = 15;

export const VIEW = { width: 1123, height: 794 } as const;
const MAP = { x: 20, y: 70, width: 800, height: 704 } as const;
const LEGEND_X = 845;
const MARGIN_M = 80;
const M_PER_DEG_LAT = 110_540;
const M_PER_DEG_LON = 111_320;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const f1 = (x: number) => x.toFixed(1);

interface Projection {
  point(p: LonLat): [number, number];
  /** Pixels per metre. */
  scale: number;
}

/** Fits the walks, gates and school (plus a margin) into the map frame, north up, metres square. */
function fit(input: SchoolMapInput): Projection {
  const points: LonLat[] = [input.school.position, ...input.school.gates, ...input.walks.flatMap((w) => w.line)];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const lon0 = (Math.min(...lons) + Math.max(...lons)) / 2;
  const kx = M_PER_DEG_LON * Math.cos((lat0 * Math.PI) / 180);
  const spanX = (Math.max(...lons) - Math.min(...lons)) * kx + 2 * MARGIN_M;
  const spanY = (Math.max(...lats) - Math.min(...lats)) * M_PER_DEG_LAT + 2 * MARGIN_M;
  const scale = Math.min(MAP.width / spanX, MAP.height / spanY);
  const cx = MAP.x + MAP.width / 2;
  const cy = MAP.y + MAP.height / 2;
  return { scale, point: ([lon, lat]) => [cx + (lon - lon0) * kx * scale, cy - (lat - lat0) * M_PER_DEG_LAT * scale] };
}

const inFrame = ([x, y]: [number, number]) => x >= MAP.x && x <= MAP.x + MAP.width && y >= MAP.y && y <= MAP.y + MAP.height;

function polyline(projection: Projection, line: readonly LonLat[]): string {
  return line.map((p, i) => {
    const [x, y] = projection.point(p);
    return `${i === 0 ? "M" : "L"}${f1(x)} ${f1(y)}`;
  }).join("");
}

/** A round length (1, 2 or 5 × 10ⁿ m) near a fifth of the map's width. */
function scaleBar(projection: Projection): string {
  const target = MAP.width / 5 / projection.scale;
  const power = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((k) => k * power).find((m) => m <= target) ?? power;
  const width = metres * projection.scale;
  const x = MAP.x + 16;
  const y = MAP.y + MAP.height - 20;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return `<g class="scale"><rect x="${f1(x - 6)}" y="${y - 22}" width="${f1(width + 60)}" height="34" fill="#fff" opacity="0.85"/>`
    + `<path d="M${x} ${y - 6}V${y}H${f1(x + width)}V${y - 6}" fill="none" stroke="#212529" stroke-width="2"/>`
    + `<text x="${f1(x + width + 6)}" y="${y + 4}" font-size="13">${label}</text></g>`;
}

function northArrow(): string {
  const x = MAP.x + MAP.width - 30;
  const y = MAP.y + 20;
  return `<g class="north"><path d="M${x} ${y}l-10 30l10-7l10 7z" fill="#212529"/><text x="${x}" y="${y + 48}" font-size="14" text-anchor="middle" font-weight="bold">N 北</text></g>`;
}

function legend(): string {
  const rows: string[] = [];
  let y = 90;
  const row = (symbol: string, zh: string, en: string) => {
    rows.push(`<g transform="translate(${LEGEND_X} ${y})">${symbol}<text x="34" y="5" font-size="14">${zh}</text><text x="34" y="21" font-size="11" fill="#495057">${en}</text></g>`);
    y += 40;
  };
  row(`<path d="M0 0H24" stroke="${WALK_COLOUR}" stroke-width="6" stroke-linecap="round"/>`, "上学步行路线（越宽走的人越多）", "walks to school (wider: more homes)");
  row(`<circle cx="12" cy="0" r="3" fill="#495057"/>`, "本校学区内的住宅", "homes walking to this school");
  row(`<path d="M0 0H24" stroke="#ced4da" stroke-width="3"/>`, "其他街道", "other streets");
  for (const control of Object.keys(CONTROL_COLOURS) as Control[]) {
    row(`<circle cx="12" cy="0" r="8" fill="${CONTROL_COLOURS[control]}" stroke="#fff" stroke-width="2"/>`, `过街点：${CONTROL_LABELS[control].zh}`, `crossing: ${CONTROL_LABELS[control].en}`);
  }
  row(`<circle cx="12" cy="0" r="10" fill="#fcc419" fill-opacity="0.35" stroke="#f08c00" stroke-dasharray="3 2"/><rect x="8" y="-4" width="8" height="8" fill="#212529"/>`, "校门与建议等候区", "gate and suggested waiting point");
  rows.push(`<text x="${LEGEND_X}" y="${y + 6}" font-size="12" fill="#495057"><tspan x="${LEGEND_X}">数字 1–${NUMBERED_CROSSINGS}：最需要改善的过街点</tspan><tspan x="${LEGEND_X}" dy="16">1–${NUMBERED_CROSSINGS}: crossings to fix first</tspan></text>`);
  return `<g class="legend"><text x="${LEGEND_X}" y="62" font-size="16" font-weight="bold">图例 Legend</text>${rows.join("")}</g>`;
}

const BADGE_GAP = 21;

/**
 * Where each numbered badge goes, in rank order: on its crossing, or nudged to the first free
 * place on rings around it (drawn with a leader) when an earlier badge already covers it.
 */
function badgePlaces(points: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const placed: Array<[number, number]> = [];
  const free = ([x, y]: [number, number]) => placed.every(([px, py]) => Math.hypot(px - x, py - y) >= BADGE_GAP);
  for (const [x, y] of points) {
    let spot: [number, number] = [x, y];
    for (let ring = 1; ring <= 3 && !free(spot); ring++) {
      const around = Array.from({ length: 8 }, (_, k): [number, number] => [x + 24 * ring * Math.cos((k * Math.PI) / 4), y - 24 * ring * Math.sin((k * Math.PI) / 4)]);
      spot = around.find(free) ?? spot;
    }
    placed.push(spot);
  }
  return placed;
}

/** The map as a standalone SVG document (it carries its own title, legend and attribution). */
export function schoolMapSvg(input: SchoolMapInput): string {
  const projection = fit(input);
  const maxArea = Math.max(1, ...input.walks.map((w) => w.areaM2));
  const streets = input.streets.map((line) => `<path d="${polyline(projection, line)}"/>`).join("");
  const walks = input.walks.map((w) => `<path class="walk" d="${polyline(projection, w.line)}" stroke-width="${f1(1.5 + 8 * Math.sqrt(w.areaM2 / maxArea))}"/>`).join("");
  const homes = input.homes.map((p) => projection.point(p)).filter(inFrame).map(([x, y]) => `<circle cx="${f1(x)}" cy="${f1(y)}" r="2.2"/>`).join("");
  const zone = Math.max(6, WAITING_ZONE_M * projection.scale);
  const gates = (input.school.gates.length > 0 ? input.school.gates : [input.school.position]).map((gate) => {
    const [x, y] = projection.point(gate);
    // OSM waiting areas (amenity=waiting_area, footway areas) are not read: the gate's zone is the suggested waiting point.
    return `<g class="gate"><circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(zone)}" fill="#fcc419" fill-opacity="0.35" stroke="#f08c00" stroke-width="1.5" stroke-dasharray="4 3"/>`
      + `<rect x="${f1(x - 5)}" y="${f1(y - 5)}" width="10" height="10" fill="#212529"/>`
      + `<text x="${f1(x + zone + 4)}" y="${f1(y - 4)}" font-size="12" class="halo">建议等候区</text><text x="${f1(x + zone + 4)}" y="${f1(y + 10)}" font-size="10" class="halo">waiting point</text></g>`;
  }).join("");
  const points = input.crossings.map((c) => projection.point(c.position));
  const badges = badgePlaces(points.slice(0, NUMBERED_CROSSINGS));
  // The worst last, so the numbered ones are drawn on top.
  const crossings = input.crossings.map((c, i) => ({ ...c, rank: i + 1, at: points[i]! })).reverse().map((c) => {
    const [x, y] = c.at;
    const badge = badges[c.rank - 1];
    if (!badge) return `<g class="crossing ${c.control}"><circle cx="${f1(x)}" cy="${f1(y)}" r="5" fill="${CONTROL_COLOURS[c.control]}" stroke="#fff" stroke-width="1.5"/></g>`;
    const [bx, by] = badge;
    const leader = bx === x && by === y ? "" : `<g class="leader"><path d="M${f1(x)} ${f1(y)}L${f1(bx)} ${f1(by)}" stroke="#212529" stroke-width="1"/><circle cx="${f1(x)}" cy="${f1(y)}" r="4" fill="${CONTROL_COLOURS[c.control]}" stroke="#fff"/></g>`;
    return `${leader}<g class="crossing ${c.control}"><circle cx="${f1(bx)}" cy="${f1(by)}" r="10" fill="${CONTROL_COLOURS[c.control]}" stroke="#fff" stroke-width="1.5"/>`
      + `<text x="${f1(bx)}" y="${f1(by + 4)}" font-size="11" font-weight="bold" fill="#fff" text-anchor="middle">${c.rank}</text></g>`;
  }).join("");
  const name = escapeXml(input.school.name);
  const note = input.note ? `<text x="${MAP.x}" y="62" font-size="12" fill="#c92a2a">${escapeXml(input.note)}</text>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW.width} ${VIEW.height}" role="img" aria-label="${name} 上学路线图 school-route map" font-family="'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif">`
    + `<style>.halo{paint-order:stroke;stroke:#fff;stroke-width:3px;fill:#212529}</style>`
    + `<rect width="${VIEW.width}" height="${VIEW.height}" fill="#fff"/>`
    + `<text x="${MAP.x}" y="32" font-size="22" font-weight="bold">${name} 上学路线图</text>`
    + `<text x="${MAP.x}" y="50" font-size="13" fill="#495057">${escapeXml(input.school.kindLabel)} · Safe routes to school</text>${note}`
    + `<clipPath id="frame"><rect x="${MAP.x}" y="${MAP.y}" width="${MAP.width}" height="${MAP.height}"/></clipPath>`
    + `<rect x="${MAP.x}" y="${MAP.y}" width="${MAP.width}" height="${MAP.height}" fill="#f8f9fa" stroke="#adb5bd"/>`
    + `<g clip-path="url(#frame)"><g class="streets" fill="none" stroke="#ced4da" stroke-width="2" stroke-linecap="round">${streets}</g>`
    + `<g class="walks" fill="none" stroke="${WALK_COLOUR}" stroke-linecap="round">${walks}</g>`
    + `<g class="homes" fill="#495057" fill-opacity="0.7">${homes}</g>${gates}<g class="crossings">${crossings}</g></g>`
    + scaleBar(projection) + northArrow() + legend()
    + `<text x="${VIEW.width - 20}" y="${VIEW.height - 8}" font-size="10" fill="#495057" text-anchor="end">© OpenStreetMap contributors, ODbL</text></svg>`;
}
