/**
 * A synthetic city street network for routing benchmarks at scale, built as OSM elements so
 * it goes through the real `buildStreetNetwork` and profiles: a perturbed grid of blocks
 * (80-120 m) of residential streets, every 8th line a secondary road and every 16th a
 * primary, footways and paths through some blocks with mid-block crossings where they meet
 * a main road, signals at most main intersections, a share of one-way streets, and a few
 * missing links (dead ends). Synthetic, and said so wherever its figures are printed; it is
 * placed over Hengyang (112.6 E, 26.9 N) and deterministic for a given seed.
 */
import type { OsmElement, OsmTags } from "../src/osm/index.ts";
import { seededRandom } from "./synthetic-places.ts";

export interface SyntheticCityOptions {
  /** Grid lines in each direction; 380 gives about 315,000 network vertices. */
  lines: number;
  seed: number;
}

const ORIGIN_LON = 112.6;
const ORIGIN_LAT = 26.9;
const METRES_PER_DEGREE_LAT = 111_320;
const METRES_PER_DEGREE_LON = METRES_PER_DEGREE_LAT * Math.cos((ORIGIN_LAT * Math.PI) / 180);
/** Share of block edges (street between two intersections) with a shape node in the middle. */
const SHAPE_NODE_SHARE = 0.5;
const FOOTWAY_BLOCK_SHARE = 0.15;
const ONEWAY_SHARE = 0.15;
const MISSING_LINK_SHARE = 0.03;

type LineKind = "primary" | "secondary" | "residential";

const lineKind = (i: number): LineKind => (i % 16 === 0 ? "primary" : i % 8 === 0 ? "secondary" : "residential");
const rounded = (degrees: number) => Math.round(degrees * 1e7) / 1e7;

/** Positions of grid lines in metres from the origin, 80-120 m apart. */
function linePositions(count: number, random: () => number): number[] {
  const positions = [0];
  for (let i = 1; i < count; i++) positions.push(positions[i - 1]! + 80 + random() * 40);
  return positions;
}

function pick<T>(random: () => number, choices: ReadonlyArray<readonly [number, T]>): T {
  let r = random();
  for (const [share, value] of choices) {
    if (r < share) return value;
    r -= share;
  }
  return choices[choices.length - 1]![1];
}

/** Tags of one way along a grid line; residential streets vary from way to way. */
function streetTags(kind: LineKind, name: string, random: () => number): OsmTags {
  if (kind === "primary") return { highway: "primary", name, lanes: "4", maxspeed: "60", sidewalk: "both", lit: "yes" };
  if (kind === "secondary") {
    return { highway: "secondary", name, lanes: "2", maxspeed: "50", sidewalk: random() < 0.8 ? "both" : "no" };
  }
  const tags: OsmTags = { highway: "residential", name };
  const sidewalk = pick(random, [[0.4, "both"], [0.2, "no"], [0.4, ""]] as const);
  if (sidewalk) tags["sidewalk"] = sidewalk;
  if (random() < ONEWAY_SHARE) tags["oneway"] = "yes";
  if (random() < 0.5) tags["maxspeed"] = "30";
  if (random() < 0.1) tags["lit"] = "no";
  if (random() < 0.03) tags["surface"] = "unpaved";
  return tags;
}

/** Builds the city; node and way ids are dense from 1, nodes first. */
export function syntheticCity(options: SyntheticCityOptions): OsmElement[] {
  const random = seededRandom(options.seed);
  const n = options.lines;
  const xs = linePositions(n, random);
  const ys = linePositions(n, random);
  const nodes: OsmElement[] = [];
  const ways: OsmElement[] = [];
  const addNode = (xM: number, yM: number, tags: OsmTags = {}): number => {
    const id = nodes.length + 1;
    nodes.push({ type: "node", id, lon: rounded(ORIGIN_LON + xM / METRES_PER_DEGREE_LON), lat: rounded(ORIGIN_LAT + yM / METRES_PER_DEGREE_LAT), tags });
    return id;
  };
  const addWay = (refs: number[], tags: OsmTags) => {
    if (refs.length >= 2) ways.push({ type: "way", id: ways.length + 1, refs, tags });
  };
  const jitter = () => (random() - 0.5) * 16;

  // Intersections: signals at most main-main crossings and some main-residential ones.
  const junction = new Int32Array(n * n);
  const jx = new Float64Array(n * n);
  const jy = new Float64Array(n * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const mains = Number(lineKind(row) !== "residential") + Number(lineKind(col) !== "residential");
      const signals = mains === 2 ? random() < 0.7 : mains === 1 && random() < 0.2;
      const k = row * n + col;
      jx[k] = xs[col]! + jitter();
      jy[k] = ys[row]! + jitter();
      junction[k] = addNode(jx[k]!, jy[k]!, signals ? { highway: "traffic_signals" } : {});
    }
  }

  // Block edges: edge e of the horizontal line `row` joins (row, e) to (row, e + 1); vertical likewise.
  // Each may get a shape node in the middle; footways need one, and it is a crossing on a main road.
  const horizontalMid = new Int32Array(n * (n - 1));
  const verticalMid = new Int32Array(n * (n - 1));
  const midNode = (a: number, b: number, kind: LineKind, forced: boolean): number => {
    if (!forced && random() >= SHAPE_NODE_SHARE) return 0;
    const tags: OsmTags = kind === "residential" || !forced ? {} : pick<OsmTags>(random, [
      [0.4, { highway: "traffic_signals", crossing: "traffic_signals" }],
      [0.35, { highway: "crossing", crossing: "zebra" }],
      [0.25, { highway: "crossing", crossing: "uncontrolled" }],
    ]);
    return addNode((jx[a]! + jx[b]!) / 2 + jitter() / 4, (jy[a]! + jy[b]!) / 2 + jitter() / 4, { ...tags });
  };

  // Footways cross a block from the middle of its south side to the middle of its north side.
  const footwayBlock = new Uint8Array((n - 1) * (n - 1));
  for (let k = 0; k < footwayBlock.length; k++) footwayBlock[k] = Number(random() < FOOTWAY_BLOCK_SHARE);
  const hasFootway = (row: number, col: number) => row >= 0 && row < n - 1 && col >= 0 && col < n - 1 && footwayBlock[row * (n - 1) + col] === 1;

  for (let row = 0; row < n; row++) {
    for (let e = 0; e < n - 1; e++) {
      const forced = hasFootway(row, e) || hasFootway(row - 1, e);
      horizontalMid[row * (n - 1) + e] = midNode(row * n + e, row * n + e + 1, lineKind(row), forced);
    }
  }
  for (let col = 0; col < n; col++) {
    for (let e = 0; e < n - 1; e++) verticalMid[col * (n - 1) + e] = midNode(e * n + col, (e + 1) * n + col, lineKind(col), false);
  }

  // Streets: one way per stretch between main lines, broken where a link is missing.
  const addLine = (kind: LineKind, name: string, junctionAt: (i: number) => number, midAt: (e: number) => number) => {
    let refs = [junctionAt(0)];
    let tags = streetTags(kind, name, random);
    for (let e = 0; e < n - 1; e++) {
      if (kind === "residential" && random() < MISSING_LINK_SHARE) {
        addWay(refs, tags);
        refs = [junctionAt(e + 1)];
        continue;
      }
      const mid = midAt(e);
      if (mid) refs.push(mid);
      refs.push(junctionAt(e + 1));
      if ((e + 1) % 8 === 0 && e + 1 < n - 1) {
        addWay(refs, tags);
        refs = [junctionAt(e + 1)];
        tags = streetTags(kind, name, random);
      }
    }
    addWay(refs, tags);
  };
  for (let row = 0; row < n; row++) addLine(lineKind(row), `东${row}街`, (i) => junction[row * n + i]!, (e) => horizontalMid[row * (n - 1) + e]!);
  for (let col = 0; col < n; col++) addLine(lineKind(col), `南${col}路`, (i) => junction[i * n + col]!, (e) => verticalMid[col * (n - 1) + e]!);

  // Footways (and some paths and steps) through the chosen blocks, with a bend in the middle.
  for (let row = 0; row < n - 1; row++) {
    for (let col = 0; col < n - 1; col++) {
      if (!hasFootway(row, col)) continue;
      const south = horizontalMid[row * (n - 1) + col]!;
      const north = horizontalMid[(row + 1) * (n - 1) + col]!;
      const k = row * n + col;
      const bend = addNode((jx[k]! + jx[k + 1]!) / 2 + jitter(), (jy[k]! + jy[k + n]!) / 2 + jitter());
      const tags = pick<OsmTags>(random, [
        [0.7, { highway: "footway", surface: "paving_stones" }],
        [0.2, { highway: "path", surface: random() < 0.5 ? "gravel" : "asphalt" }],
        [0.1, { highway: "steps" }],
      ]);
      addWay([south, bend, north], { ...tags });
    }
  }
  return [...nodes, ...ways];
}
