/**
 * The one-to-many walk search (access and egress walks of journeys) answers as a plain
 * bounded Dijkstra does, kept here as the reference: from random Monaco street vertices to
 * random sets of nearby vertices, on every walking profile and budget, the same metres for
 * every target whose walk (plus the metres its snaps add) fits the budget, and no metres for
 * the others, though the search now stops early and leaves out the targets the straight
 * line already puts beyond the budget.
 */
import { describe, expect, it } from "vitest";
import { distanceMeters } from "../core/geo.ts";
import { MinHeap } from "./min-heap.ts";
import type { ProfileGraph } from "./profile-graph.ts";
import { monacoRouting, seeded } from "./routing-fixture.ts";
import type { StreetNetwork } from "./street-network.ts";
import { WalkSearch } from "./walk-times.ts";

/** The search as it was: least cost first, metres summed along, every wanted vertex waited for. */
function reference(network: StreetNetwork, graph: ProfileGraph, source: number, maxMetres: number, wanted: ReadonlySet<number>): Map<number, number> {
  const cost = new Map<number, number>([[source, 0]]), metres = new Map<number, number>([[source, 0]]);
  const found = new Map<number, number>();
  const heap = new MinHeap();
  heap.push(0, source);
  while (heap.size > 0 && found.size < wanted.size) {
    const c = heap.peekKey();
    const v = heap.pop();
    if (c > cost.get(v)!) continue;
    const m = metres.get(v)!;
    if (wanted.has(v) && !found.has(v)) found.set(v, m);
    for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
      const w = graph.target[e]!;
      const nm = m + network.segments[Math.abs(graph.segment[e]!) - 1]!.lengthM;
      if (nm > maxMetres) continue;
      const nc = c + graph.cost[e]!;
      if (!cost.has(w) || nc < cost.get(w)!) {
        cost.set(w, nc);
        metres.set(w, nm);
        heap.push(nc, w);
      }
    }
  }
  return found;
}

describe("one-to-many walk search", () => {
  it("gives the reference's metres to every target within budget (360 random searches)", () => {
    const data = monacoRouting();
    const { network } = data;
    const random = seeded(19);
    const at = (v: number): [number, number] => [network.coords[2 * v]!, network.coords[2 * v + 1]!];
    const vertexCount = network.coords.length / 2;
    let within = 0, beyond = 0;
    for (const profile of ["child-walk", "stroller", "adult-walk"] as const) {
      const graph = data.graphs[profile];
      const search = new WalkSearch(network, graph);
      for (let q = 0; q < 120; q++) {
        const source = Math.floor(random() * vertexCount);
        const maxMetres = [300, 1000, 2000][q % 3]!;
        // Targets near the source (some beyond the budget), each with the metres its snaps would add.
        const wanted = new Map<number, number>();
        while (wanted.size < 24) {
          const v = Math.floor(random() * vertexCount);
          if (distanceMeters(at(source), at(v)) < maxMetres * 1.3 || random() < 0.05) wanted.set(v, Math.floor(random() * 60));
        }
        const plain = reference(network, graph, source, maxMetres, new Set(wanted.keys()));
        const fast = search.from(source, maxMetres, wanted);
        for (const [v, extra] of wanted) {
          const expected = plain.has(v) && plain.get(v)! + extra <= maxMetres ? plain.get(v)! : null;
          const got = fast.has(v) && fast.get(v)! + extra <= maxMetres ? fast.get(v)! : null;
          expect({ profile, q, v, metres: got }).toEqual({ profile, q, v, metres: expected });
          if (expected === null) beyond++;
          else within++;
        }
      }
    }
    expect(within).toBeGreaterThan(1000);
    expect(beyond).toBeGreaterThan(1000);
  });
});
