/**
 * Walking coverage for one kind of place: our one multi-source search beside the naive
 * method (one Dijkstra per residential area, stopped at the first site or the threshold),
 * on the real Monaco sample (its playgrounds, its residential land and buildings) and on a
 * synthetic city of about 315,000 street vertices (bench/synthetic-city.ts; residential
 * areas and sites placed at random, said so). Also the what-if with one added site.
 * The naive method is timed on a sample of areas at 300k and scaled: said so in the output.
 * Targets: <= 200 ms on the sample, <= 1 s at 300k, what-if <= 100 ms.
 * Run: node --import tsx bench/coverage.bench.ts [--lines 380]
 */
import { type CoverageSite, computeCoverage, snapAreas, withAddedSites } from "../src/access/coverage.ts";
import { type ResidentialArea, residentialAreas } from "../src/access/residential-areas.ts";
import { type Snap, WalkNetwork } from "../src/access/walk-times.ts";
import { type OsmElement, readOsmFile } from "../src/places/index.ts";
import { MinHeap, PROFILES, buildStreetNetwork } from "../src/routing/index.ts";
import { buildProfileGraph } from "../src/routing/profile-graph.ts";
import { syntheticCity } from "./synthetic-city.ts";
import { seededRandom } from "./synthetic-places.ts";

const MINUTES = 10;

/**
 * Naive: from one area, Dijkstra until no unsettled vertex can beat the best site found
 * (a site counts with its own walk from the street, `siteSeconds`) or the threshold passes.
 */
function naiveSeconds(walk: WalkNetwork, from: Snap, siteSeconds: Float64Array, limit: number): number {
  const dist = new Map<number, number>([[from.vertex, from.seconds]]);
  const heap = new MinHeap();
  heap.push(from.seconds, from.vertex);
  let best = Infinity;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (d >= best || d > limit) break;
    if (d > dist.get(v)!) continue;
    best = Math.min(best, d + siteSeconds[v]!);
    for (let e = walk.graph.firstEdge[v]!; e < walk.graph.firstEdge[v + 1]!; e++) {
      const w = walk.graph.target[e]!;
      const nd = d + walk.graph.cost[e]!;
      if (nd < (dist.get(w) ?? Infinity)) {
        dist.set(w, nd);
        heap.push(nd, w);
      }
    }
  }
  return best;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function run(label: string, elements: OsmElement[], areas: ResidentialArea[], sites: CoverageSite[], naiveSample: number): void {
  const buildStart = performance.now();
  const network = buildStreetNetwork(elements);
  const walk = new WalkNetwork(buildProfileGraph(network, "child-walk"), network.coords, PROFILES["child-walk"].speed, 250);
  const snapped = snapAreas(walk, areas, { district: () => null });
  const prepare = performance.now() - buildStart;
  const ours: number[] = [];
  let result = computeCoverage(walk, snapped, sites, MINUTES);
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    result = computeCoverage(walk, snapped, sites, MINUTES);
    ours.push(performance.now() - t);
  }
  const random = seededRandom(5);
  const whatIf: number[] = [];
  for (let i = 0; i < 7; i++) {
    const area = areas[Math.floor(random() * areas.length)]!;
    const t = performance.now();
    withAddedSites(walk, snapped, result, [{ id: "new", lon: area.lon, lat: area.lat }]);
    whatIf.push(performance.now() - t);
  }
  // The naive method over a sample of areas, scaled to all of them.
  const siteSeconds = new Float64Array(walk.graph.vertexCount).fill(Infinity);
  for (const site of sites) {
    const snap = walk.snap(site.lon, site.lat);
    if (snap) siteSeconds[snap.vertex] = Math.min(siteSeconds[snap.vertex]!, snap.seconds);
  }
  const sample = snapped.snaps.map((s, i) => ({ s, i })).filter(({ s }) => s !== null).slice(0, naiveSample);
  const t = performance.now();
  let agree = 0;
  for (const { s, i } of sample) {
    const covered = naiveSeconds(walk, s!, siteSeconds, MINUTES * 60) <= MINUTES * 60;
    if (covered === result.areas[i]!.covered) agree++;
  }
  const naive = ((performance.now() - t) / Math.max(1, sample.length)) * snapped.areas.length;
  const scaled = sample.length < snapped.areas.length ? ` (timed on ${sample.length} areas, scaled)` : "";
  console.log(`${label}: ${walk.graph.vertexCount.toLocaleString("en")} vertices, ${areas.length.toLocaleString("en")} residential areas, ${sites.length} sites; graph and snapping ${(prepare / 1000).toFixed(1)} s`);
  console.log(`  ours (one multi-source search)   ${median(ours).toFixed(1)} ms   covered: buildings ${(100 * result.buildings.share).toFixed(1)}%, land ${(100 * result.land.share).toFixed(1)}%`);
  console.log(`  naive (a Dijkstra per area)      ${naive.toFixed(0)} ms${scaled}   ratio ${(naive / median(ours)).toFixed(0)}x; coverage agrees on ${agree}/${sample.length} sampled areas`);
  console.log(`  what-if, one added site          ${median(whatIf).toFixed(1)} ms`);
}

const monaco = readOsmFile(new URL("../../shared/data/osm/monaco-2019-09-30.osm.pbf", import.meta.url).pathname);
const nodes = new Map(monaco.flatMap((e) => (e.type === "node" ? [[e.id, e] as const] : [])));
const playgrounds = monaco.flatMap((e): CoverageSite[] => {
  if (e.tags["leisure"] !== "playground") return [];
  const at = e.type === "node" ? e : e.type === "way" ? nodes.get(e.refs[0]!) : undefined;
  return at ? [{ id: `${e.type}/${e.id}`, lon: at.lon, lat: at.lat }] : [];
});
run("Monaco OSM sample (real)", monaco, residentialAreas(monaco), playgrounds, Infinity);

const linesArg = process.argv.indexOf("--lines");
const lines = linesArg > 0 ? Number(process.argv[linesArg + 1]) : 380;
const city = syntheticCity({ lines, seed: 7 });
const random = seededRandom(9);
const cityNodes = city.filter((e) => e.type === "node");
const pick = () => cityNodes[Math.floor(random() * cityNodes.length)]! as { lon: number; lat: number };
const cityAreas: ResidentialArea[] = Array.from({ length: 20_000 }, (_, i) => {
  const n = pick();
  return { id: `synthetic/${i}`, kind: "building", lon: n.lon + (random() - 0.5) * 4e-4, lat: n.lat + (random() - 0.5) * 4e-4, areaM2: 200 + random() * 800 };
});
const citySites: CoverageSite[] = Array.from({ length: 400 }, (_, i) => ({ id: `site/${i}`, ...pick() }));
run(`Synthetic city (${lines} grid lines; areas and sites random)`, city, cityAreas, citySites, 2000);
