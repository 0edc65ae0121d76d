/**
 * The school-route analysis (issue 20): ours (one multi-source search per kind of school,
 * floor area flowed down the tree) beside the naive method (bench/peers/route-per-home.ts:
 * one Dijkstra per home to its nearest school, the walk traced back), on the real Monaco
 * sample and on a synthetic city of about 315,000 street vertices (bench/synthetic-city.ts)
 * with 200 schools and 20,000 homes placed at random (said so). Also the what-if: one
 * crossing made signalised, the child-walk graph re-costed and everything analysed again
 * (homes' snapping kept, as the service keeps it).
 * Each method gets one untimed run, then ROUNDS timed runs (5), the median counts. The
 * naive method is timed on a sample of homes at 300k and scaled: said so in the output.
 * Targets: every school of the 300k city <= 10 s; what-if on the samples <= 100 ms.
 * Run: node --import tsx bench/schoolroutes.bench.ts [--lines 380]
 */
import { WalkNetwork, residentialAreas } from "../src/access/index.ts";
import { type OsmElement, readOsmFile } from "../src/osm/index.ts";
import { MAX_SNAP_M, PROFILES, buildProfileGraph, buildStreetNetwork, withCrossingsChanged } from "../src/routing/index.ts";
import { crossingFacts } from "../src/schoolroutes/crossing-facts.ts";
import { CATCHMENT_MINUTES, type Home, type School, SCHOOL_KINDS, analyseSchoolRoutes } from "../src/schoolroutes/school-analysis.ts";
import { applyChanges } from "../src/schoolroutes/school-changes.ts";
import { homesOf } from "../src/schoolroutes/school-route-service.ts";
import { schoolsFromOsm } from "../src/schoolroutes/schools-from-osm.ts";
import { RoutePerHome } from "./peers/route-per-home.ts";
import { syntheticCity } from "./synthetic-city.ts";
import { seededRandom } from "./synthetic-places.ts";

const ROUNDS = Number(process.env["ROUNDS"] ?? 5);

function timedMedian(work: (round: number) => void): number {
  work(-1);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t = performance.now();
    work(round);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function run(label: string, elements: OsmElement[], schools: School[], homes: Home[], naiveSample: number): void {
  const start = performance.now();
  const network = buildStreetNetwork(elements);
  const facts = crossingFacts(elements, network);
  const graph = buildProfileGraph(network, "child-walk");
  const snapper = new WalkNetwork(graph, network.coords, PROFILES["child-walk"].speed, MAX_SNAP_M);
  const prepare = performance.now() - start;
  let result = analyseSchoolRoutes(network, graph, facts, snapper, schools, homes);
  const ours = timedMedian(() => {
    result = analyseSchoolRoutes(network, graph, facts, snapper, schools, homes);
  });
  const homeSnaps = homes.map((h) => snapper.snap(h.lon, h.lat));
  const targets = result.crossings.filter((c) => c.road.main && c.control !== "signals");
  const whatIf = timedMedian((round) => {
    const c = targets[(round + 1) % Math.max(1, targets.length)];
    if (!c) return;
    const changed = applyChanges(network, facts, [{ lon: c.lon, lat: c.lat, control: "signals" }]);
    const changedGraph = withCrossingsChanged(graph, network, changed.network, changed.applied.filter((v): v is number => v !== null));
    analyseSchoolRoutes(changed.network, changedGraph, changed.facts, snapper, schools, homes, { homeSnaps });
  });
  // The naive method: a search per home and kind, on a sample of homes, scaled.
  const snaps = homes.map((h) => snapper.snap(h.lon, h.lat));
  const sample = homes.flatMap((h, i) => (snaps[i] ? [{ h, s: snaps[i]! }] : [])).slice(0, naiveSample);
  const naive = new RoutePerHome(graph);
  let agree = 0;
  let asked = 0;
  const naiveMs = timedMedian((round) => {
    agree = 0;
    asked = 0;
    for (const kind of SCHOOL_KINDS) {
      const ofKind = schools.filter((s) => s.kind === kind);
      if (ofKind.length === 0) continue;
      const gateSchool = new Int32Array(graph.vertexCount).fill(-1);
      const gateCost = new Float64Array(graph.vertexCount);
      ofKind.forEach((school, i) => {
        for (const [lon, lat] of school.gates.length > 0 ? school.gates : [[school.lon, school.lat] as const]) {
          const snap = snapper.snap(lon, lat);
          if (!snap) continue;
          gateSchool[snap.vertex] = i;
          gateCost[snap.vertex] = snap.seconds;
        }
      });
      const tree = result.forests.get(ofKind[0]!.id)!;
      for (const { h, s } of sample) {
        const school = naive.route(s.vertex, 0, h.areaM2, gateSchool, gateCost, CATCHMENT_MINUTES[kind] * 60);
        asked++;
        if (school === tree.forest.school[s.vertex]) agree++;
      }
    }
    if (round < 0) agree = 0;
  });
  const scale = homes.length / Math.max(1, sample.length);
  const scaled = scale > 1 ? ` (timed on ${sample.length} homes, scaled ×${scale.toFixed(1)})` : "";
  console.log(`${label}: ${graph.vertexCount.toLocaleString("en")} vertices, ${homes.length.toLocaleString("en")} homes, ${schools.length} schools; build ${(prepare / 1000).toFixed(1)} s; median of ${ROUNDS} after one untimed run`);
  console.log(`  ours (one search per kind)          ${ours.toFixed(0)} ms   ${result.crossings.length} crossings ranked`);
  console.log(`  naive (a search per home and kind)  ${(naiveMs * scale).toFixed(0)} ms${scaled}   ratio ${((naiveMs * scale) / ours).toFixed(1)}x; same school for ${agree}/${asked} sampled home × kind`);
  console.log(`  what-if, one crossing signalised    ${whatIf.toFixed(0)} ms (graph re-costed + analysis)`);
}

const monaco = readOsmFile(new URL("../../shared/data/osm/monaco-2019-09-30.osm.pbf", import.meta.url).pathname);
run("Monaco OSM sample (real)", monaco, schoolsFromOsm(monaco), homesOf(residentialAreas(monaco)).homes, Infinity);

const linesArg = process.argv.indexOf("--lines");
const lines = linesArg > 0 ? Number(process.argv[linesArg + 1]) : 380;
const city = syntheticCity({ lines, seed: 7 });
const random = seededRandom(11);
const cityNodes = city.filter((e) => e.type === "node") as Array<{ lon: number; lat: number }>;
const pick = () => cityNodes[Math.floor(random() * cityNodes.length)]!;
const kinds = ["kindergarten", "primary", "primary", "secondary"] as const;
const citySchools: School[] = Array.from({ length: 200 }, (_, i) => {
  const at = pick();
  return { id: `synthetic/school/${i}`, name: `学校 ${i}`, kind: kinds[i % kinds.length]!, lon: at.lon, lat: at.lat, gates: [] };
});
const cityHomes: Home[] = Array.from({ length: 20_000 }, (_, i) => {
  const at = pick();
  return { id: `synthetic/home/${i}`, lon: at.lon + (random() - 0.5) * 4e-4, lat: at.lat + (random() - 0.5) * 4e-4, areaM2: 200 + random() * 800 };
});
run(`Synthetic city (${lines} grid lines; schools and homes random)`, city, citySchools, cityHomes, 2000);
