/**
 * Walking coverage for one kind of place: our one multi-source search beside the naive
 * method (one Dijkstra per residential area, stopped at the first site or the threshold;
 * bench/peers/dijkstra-per-area.ts, typed arrays and our heap), on the real Monaco sample
 * (its playgrounds, its residential land and buildings) and on a synthetic city of about
 * 315,000 street vertices (bench/synthetic-city.ts; residential areas and sites placed at
 * random, said so). Also the what-if with one added site. Every method gets one untimed
 * run, then ROUNDS timed runs (7), and the median counts. The naive method is timed on a
 * sample of areas at 300k and scaled: said so in the output.
 * Targets: <= 200 ms on the sample, <= 1 s at 300k, what-if <= 100 ms.
 * Run: node --import tsx bench/coverage.bench.ts [--lines 380]
 */
import { type CoverageSite, computeCoverage, snapAreas, withAddedSites } from "../src/access/coverage.ts";
import { type ResidentialArea, residentialAreas } from "../src/access/residential-areas.ts";
import { WalkNetwork } from "../src/access/walk-times.ts";
import { type OsmElement, readOsmFile } from "../src/osm/index.ts";
import { PROFILES, buildStreetNetwork } from "../src/routing/index.ts";
import { buildProfileGraph } from "../src/routing/profile-graph.ts";
import { dijkstraPerArea } from "./peers/dijkstra-per-area.ts";
import { syntheticCity } from "./synthetic-city.ts";
import { seededRandom } from "./synthetic-places.ts";

const MINUTES = 10;
/** Timed runs per method after one untimed run; the median counts. */
const ROUNDS = Number(process.env["ROUNDS"] ?? 7);

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** One untimed run, then ROUNDS timed runs (`work` gets the round, -1 for the warm-up); the median in ms. */
function timedMedian(work: (round: number) => void): number {
  work(-1);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t = performance.now();
    work(round);
    times.push(performance.now() - t);
  }
  return median(times);
}

function run(label: string, elements: OsmElement[], areas: ResidentialArea[], sites: CoverageSite[], naiveSample: number): void {
  const buildStart = performance.now();
  const network = buildStreetNetwork(elements);
  const walk = new WalkNetwork(buildProfileGraph(network, "child-walk"), network.coords, PROFILES["child-walk"].speed, 250);
  const snapped = snapAreas(walk, areas, { district: () => null });
  const prepare = performance.now() - buildStart;
  let result = computeCoverage(walk, snapped, sites, MINUTES);
  const ours = timedMedian(() => {
    result = computeCoverage(walk, snapped, sites, MINUTES);
  });
  const random = seededRandom(5);
  const added = Array.from({ length: ROUNDS + 1 }, () => areas[Math.floor(random() * areas.length)]!);
  const whatIf = timedMedian((round) => {
    const area = added[round + 1]!;
    withAddedSites(walk, snapped, result, [{ id: "new", lon: area.lon, lat: area.lat }]);
  });
  // The naive method over a sample of areas, scaled to all of them.
  const naive = dijkstraPerArea();
  naive.build({ walk, sites });
  const sample = snapped.snaps.flatMap((s, i) => (s === null ? [] : [{ s, i }])).slice(0, naiveSample);
  let agree = 0;
  const naiveSampleMs = timedMedian((round) => {
    agree = 0;
    for (const { s, i } of sample) {
      const covered = naive.query(s, MINUTES * 60) <= MINUTES * 60;
      if (covered === result.areas[i]!.covered) agree++;
    }
    if (round < 0) agree = 0;
  });
  const naiveMs = (naiveSampleMs / Math.max(1, sample.length)) * snapped.areas.length;
  const scaled = sample.length < snapped.areas.length ? ` (timed on ${sample.length} areas, scaled)` : "";
  console.log(`${label}: ${walk.graph.vertexCount.toLocaleString("en")} vertices, ${areas.length.toLocaleString("en")} residential areas, ${sites.length} sites; graph and snapping ${(prepare / 1000).toFixed(1)} s; median of ${ROUNDS} after one untimed run`);
  console.log(`  ours (one multi-source search)   ${ours.toFixed(1)} ms   covered: buildings ${(100 * result.buildings.share).toFixed(1)}%, land ${(100 * result.land.share).toFixed(1)}%`);
  console.log(`  ${naive.name.padEnd(32)} ${naiveMs.toFixed(0)} ms${scaled}   ratio ${(naiveMs / ours).toFixed(1)}x; coverage agrees on ${agree}/${sample.length} sampled areas`);
  console.log(`  what-if, one added site          ${whatIf.toFixed(1)} ms`);
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
