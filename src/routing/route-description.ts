/**
 * Turns a path of graph edges into what a parent reads: the line, its length and a child's
 * walking time, step-by-step instructions in Chinese and English that name streets and say
 * how each road is crossed, and warnings where no safe option existed.
 */
import type { ProfileGraph } from "./profile-graph.ts";
import { PROFILES } from "./profiles.ts";
import { CROSSING_NONE, CROSSING_SIGNALS, CROSSING_ZEBRA, ROAD_CLASSES, type StreetNetwork, type WayInfo } from "./street-network.ts";

export type Lang = "zh" | "en";

export interface Instruction {
  type: "start" | "continue" | "turn-left" | "turn-right" | "cross" | "arrive";
  text: string;
  distanceM: number;
  at: [number, number];
}

export interface Warning {
  type: "unsignalled-crossing" | "no-sidewalk" | "steps";
  text: string;
  at: [number, number];
}

export interface RouteDescription {
  coordinates: Array<[number, number]>;
  distanceM: number;
  durationS: number;
  instructions: Instruction[];
  warnings: Warning[];
}

const MAJOR = new Set(["tertiary", "secondary", "primary", "trunk"]);
/** Road classes ranked below `service` (footways, paths, steps...): a walker on one crosses roads at crossing nodes. */
const PEDESTRIAN_CLASSES = new Set(ROAD_CLASSES.slice(0, ROAD_CLASSES.indexOf("service")));
/** A step shorter than this is folded into its neighbour: "turn left onto X, 0 m" helps no one. */
export const MIN_STEP_M = 5;
/** Seconds a walker waits at a signal on average, added to the time (not only the cost). */
const SIGNAL_WAIT_S = 20;

const T = {
  start: { zh: (n: string) => `沿${n}出发`, en: (n: string) => `Start along ${n}` },
  continue: { zh: (n: string) => `继续沿${n}前行`, en: (n: string) => `Continue along ${n}` },
  "turn-left": { zh: (n: string) => `左转进入${n}`, en: (n: string) => `Turn left onto ${n}` },
  "turn-right": { zh: (n: string) => `右转进入${n}`, en: (n: string) => `Turn right onto ${n}` },
  arrive: { zh: () => "到达目的地", en: () => "You have arrived" },
  unnamed: { zh: "小路", en: "the path" },
  crossSignals: { zh: (n: string) => `在有信号灯的人行横道过${n}`, en: (n: string) => `Cross ${n} at the signalled crossing` },
  crossZebra: { zh: (n: string) => `走斑马线过${n}，先看左右来车`, en: (n: string) => `Cross ${n} on the zebra crossing; look both ways first` },
  crossUnmarked: { zh: (n: string) => `过${n}（无信号灯），请大人牵手、注意来车`, en: (n: string) => `Cross ${n} (no signals): hold an adult's hand and watch for traffic` },
  warnCrossing: { zh: (n: string) => `过${n}处没有信号灯或斑马线`, en: (n: string) => `No signals or zebra where the route crosses ${n}` },
  warnSidewalk: { zh: (n: string) => `${n}这一段没有人行道`, en: (n: string) => `No sidewalk along ${n} here` },
  warnSteps: { zh: () => "路线上有台阶", en: () => "There are steps on this route" },
  theRoad: { zh: "马路", en: "the road" },
} as const;

function bearing(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const y = Math.sin((b[0] - a[0]) * rad) * Math.cos(b[1] * rad);
  const x = Math.cos(a[1] * rad) * Math.sin(b[1] * rad) - Math.sin(a[1] * rad) * Math.cos(b[1] * rad) * Math.cos((b[0] - a[0]) * rad);
  return (Math.atan2(y, x) / rad + 360) % 360;
}

/**
 * Adds the instruction (and warning) for crossing `road` by `kind` at `at`, unless the last
 * instruction already says exactly that: a dual carriageway or a refuge island puts two
 * crossing nodes of the same road on one crossing, and a parent should read it once.
 */
function addCrossing(instructions: Instruction[], warnings: Warning[], road: WayInfo, kind: number, at: [number, number], lang: Lang): void {
  const roadName = road.name ?? T.theRoad[lang];
  const text = kind === CROSSING_SIGNALS ? T.crossSignals[lang](roadName) : kind === CROSSING_ZEBRA ? T.crossZebra[lang](roadName) : T.crossUnmarked[lang](roadName);
  const last = instructions[instructions.length - 1];
  if (last?.type === "cross" && last.text === text) return;
  instructions.push({ type: "cross", text, distanceM: 0, at });
  if (kind !== CROSSING_SIGNALS && kind !== CROSSING_ZEBRA && MAJOR.has(road.roadClass)) {
    warnings.push({ type: "unsignalled-crossing", text: T.warnCrossing[lang](roadName), at });
  }
}

export function describeRoute(network: StreetNetwork, graph: ProfileGraph, edges: readonly number[], start: number, lang: Lang): RouteDescription {
  const profile = PROFILES[graph.profile];
  const at = (v: number): [number, number] => [network.coords[2 * v]!, network.coords[2 * v + 1]!];
  const coordinates: Array<[number, number]> = [at(start)];
  const instructions: Instruction[] = [];
  const warnings: Warning[] = [];
  let distanceM = 0;
  let durationS = 0;
  let current: { way: number; name: string } | null = null;
  /** The last instruction that is not a crossing: the one whose distance grows along the way. */
  let along: Instruction | null = null;
  let vertex = start;
  const nameOf = (way: number) => network.ways[way]!.name ?? T.unnamed[lang];
  const crossedAlready = new Set<number>();
  /** The street each start/continue/turn instruction is about, for merging short steps. */
  const streetOf = new Map<Instruction, string>();

  for (const edge of edges) {
    const segmentIndex = Math.abs(graph.segment[edge]!) - 1;
    const segment = network.segments[segmentIndex]!;
    const way = network.ways[segment.way]!;
    const next = graph.target[edge]!;
    const from = at(vertex);
    const to = at(next);
    distanceM += segment.lengthM;
    durationS += segment.lengthM / profile.speed;
    // The way's instruction comes before the crossings on it: "start along the path", then "cross".
    const name = nameOf(segment.way);
    if (!current) {
      along = { type: "start", text: T.start[lang](name), distanceM: 0, at: from };
      streetOf.set(along, name);
      instructions.push(along);
      current = { way: segment.way, name };
    } else if (name !== current.name) {
      const previous = coordinates[coordinates.length - 2] ?? from;
      const turn = ((bearing(from, to) - bearing(previous, from) + 540) % 360) - 180;
      const type = turn < -35 ? "turn-left" : turn > 35 ? "turn-right" : "continue";
      along = { type, text: T[type][lang](name), distanceM: 0, at: from };
      streetOf.set(along, name);
      instructions.push(along);
      current = { way: segment.way, name };
    }
    // A crossing: a crossing way, or a pedestrian way touching a crossing node on a road.
    if (way.isCrossing || PEDESTRIAN_CLASSES.has(way.roadClass)) {
      for (let end = 0; end < 2; end++) {
        const v = end === 0 ? vertex : next;
        const crossed = network.crossedWay[v]!;
        const kind = network.crossing[v]!;
        if (crossed < 0 || (kind === CROSSING_NONE && !way.isCrossing) || crossedAlready.has(v)) continue;
        crossedAlready.add(v);
        if (kind === CROSSING_SIGNALS) durationS += SIGNAL_WAIT_S;
        addCrossing(instructions, warnings, network.ways[crossed]!, kind, at(v), lang);
      }
    }
    if (MAJOR.has(way.roadClass) && way.sidewalk !== "yes" && graph.profile !== "child-bike" && segment.lengthM > 20) {
      if (!warnings.some((w) => w.type === "no-sidewalk" && w.text === T.warnSidewalk[lang](nameOf(segment.way)))) {
        warnings.push({ type: "no-sidewalk", text: T.warnSidewalk[lang](nameOf(segment.way)), at: from });
      }
    }
    if (way.roadClass === "steps" && !warnings.some((w) => w.type === "steps")) warnings.push({ type: "steps", text: T.warnSteps[lang](), at: from });
    along!.distanceM += segment.lengthM;
    coordinates.push(to);
    vertex = next;
  }
  instructions.push({ type: "arrive", text: T.arrive[lang](), distanceM: 0, at: at(vertex) });
  const steps = mergeShortSteps(instructions, streetOf, lang);
  for (const i of steps) i.distanceM = Math.round(i.distanceM);
  return { coordinates, distanceM: Math.round(distanceM), durationS: Math.round(durationS), instructions: steps, warnings };
}

/**
 * Folds steps along a street shorter than MIN_STEP_M into a neighbour: a short turn or
 * "continue" adds its metres to the step before, and a short start hands "start" to the next
 * street when no crossing comes between. Two steps in a row along the same street become
 * one. Crossings and the arrival stay as they are (they carry no length of their own).
 */
export function mergeShortSteps(instructions: readonly Instruction[], streetOf: ReadonlyMap<Instruction, string>, lang: Lang): Instruction[] {
  const out: Instruction[] = [];
  /** The last step along a street kept, which grows with the short ones after it. */
  let previous: { step: Instruction; street: string } | null = null;
  for (const [index, step] of instructions.entries()) {
    const street = streetOf.get(step);
    if (street === undefined) {
      out.push({ ...step });
      continue;
    }
    const last = out[out.length - 1];
    if (previous && (step.distanceM < MIN_STEP_M || (previous.street === street && last === previous.step))) {
      previous.step.distanceM += step.distanceM;
      continue;
    }
    const after = instructions[index + 1];
    if (!previous && step.distanceM < MIN_STEP_M && after !== undefined && streetOf.has(after)) {
      // A start of a few metres: the next street's step says where to set off, carrying them.
      const nextStreet = streetOf.get(after)!;
      const started: Instruction = { ...after, type: "start", text: T.start[lang](nextStreet), at: step.at, distanceM: after.distanceM + step.distanceM };
      const rest = instructions.slice(index + 2);
      const streets = new Map(streetOf);
      streets.set(started, nextStreet);
      return [...out, ...mergeShortSteps([started, ...rest], streets, lang)];
    }
    const kept = { ...step };
    out.push(kept);
    previous = { step: kept, street };
  }
  return out;
}
