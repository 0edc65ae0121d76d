/**
 * Plans routes over every region's routing data: snaps both ends to the nearest way the
 * profile may use, runs the contraction hierarchy, describes the path, and on request
 * offers the shortest route beside the safest when it is clearly shorter. Expected failures
 * (outside every region, no way nearby, too far, unreachable) are values, not exceptions.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { bboxOf, distanceMeters } from "../core/geo.ts";
import { dijkstra } from "./dijkstra.ts";
import { HierarchyQuery } from "./hierarchy-query.ts";
import type { ProfileGraph } from "./profile-graph.ts";
import type { ProfileId } from "./profiles.ts";
import { type Lang, type RouteDescription, describeRoute } from "./route-description.ts";
import type { RoutingData } from "./routing-data.ts";
import { type StreetPoint, StreetSnapper } from "./street-snap.ts";
import { largestStrongComponent } from "./strong-component.ts";
import { WalkSearch } from "./walk-times.ts";

/** Furthest a start or end may be from a usable way. */
export const MAX_SNAP_M = 300;
/** Longest straight-line trip we plan for children. */
export const MAX_TRIP_M = 20_000;

export type RouteFailure =
  | { failure: "outside_region"; field: "from" | "to" }
  | { failure: "no_way_nearby"; field: "from" | "to" }
  | { failure: "too_far" }
  | { failure: "no_route" };

export interface PlannedRoute extends RouteDescription {
  label: "safest" | "shorter";
  cost: number;
}

interface RegionRouter {
  data: RoutingData;
  bbox: [number, number, number, number];
  points: KDBush;
  queries: Map<ProfileId, HierarchyQuery>;
  mainComponent: Map<ProfileId, Uint8Array>;
  walks: Map<ProfileId, WalkSearch>;
  /** Snapped vertices of positions asked for again and again (transit stops), by profile and position. */
  snapped: Map<string, number | null>;
  /** Nearest points on walkable segments, built when first asked. */
  streets: StreetSnapper | null;
}

/**
 * Marks the vertices of the profile graph's largest connected piece (edges taken both
 * ways). Ends are snapped only there: the nearest vertex may belong to a footway fragment
 * that the map data never joined to the streets.
 */
export function largestComponent(graph: ProfileGraph): Uint8Array {
  const n = graph.vertexCount;
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) {
    for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
      neighbours[v]!.push(graph.target[e]!);
      neighbours[graph.target[e]!]!.push(v);
    }
  }
  const component = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (component[s] !== -1 || neighbours[s]!.length === 0) continue;
    const id = sizes.length;
    let size = 0;
    const stack = [s];
    component[s] = id;
    while (stack.length > 0) {
      const v = stack.pop()!;
      size++;
      for (const w of neighbours[v]!) {
        if (component[w] !== -1) continue;
        component[w] = id;
        stack.push(w);
      }
    }
    sizes.push(size);
  }
  const largest = sizes.indexOf(Math.max(...sizes));
  return Uint8Array.from(component, (c) => (c === largest ? 1 : 0));
}

export class RoutePlanner {
  private readonly routers: RegionRouter[];

  constructor(data: readonly RoutingData[]) {
    this.routers = data.map((d) => {
      const n = d.network.coords.length / 2;
      const points = new KDBush(Math.max(1, n));
      for (let v = 0; v < n; v++) points.add(d.network.coords[2 * v]!, d.network.coords[2 * v + 1]!);
      if (n === 0) points.add(0, 0);
      points.finish();
      const all = Array.from({ length: n }, (_, v) => [d.network.coords[2 * v]!, d.network.coords[2 * v + 1]!] as [number, number]);
      const bbox = bboxOf(all) ?? [0, 0, 0, 0];
      const pad = 0.005;
      return { data: d, bbox: [bbox[0] - pad, bbox[1] - pad, bbox[2] + pad, bbox[3] + pad], points, queries: new Map(), mainComponent: new Map(), walks: new Map(), snapped: new Map(), streets: null };
    });
  }

  get regionIds(): string[] {
    return this.routers.map((r) => r.data.regionId);
  }

  /** The region whose streets hold the point, if one does. */
  regionAt(point: [number, number]): string | null {
    const router = this.routers.find((r) => point[0] >= r.bbox[0] && point[0] <= r.bbox[2] && point[1] >= r.bbox[1] && point[1] <= r.bbox[3]);
    return router?.data.regionId ?? null;
  }

  /**
   * The nearest point on a walkable street segment within `withinM` metres, in the region
   * whose streets hold the point; null when there is none (or the region has no streets).
   */
  nearestStreetPoint(point: [number, number], withinM: number): StreetPoint | null {
    const router = this.routers.find((r) => point[0] >= r.bbox[0] && point[0] <= r.bbox[2] && point[1] >= r.bbox[1] && point[1] <= r.bbox[3]);
    if (!router) return null;
    router.streets ??= new StreetSnapper(router.data.network);
    return router.streets.nearest(point[0], point[1], withinM);
  }

  private snap(router: RegionRouter, profile: ProfileId, lon: number, lat: number): number | null {
    let main = router.mainComponent.get(profile);
    if (!main) {
      main = largestStrongComponent(router.data.graphs[profile]);
      router.mainComponent.set(profile, main);
    }
    const usable = (v: number) => main[v] === 1;
    const [vertex] = around(router.points, lon, lat, 1, MAX_SNAP_M / 1000, usable) as number[];
    return vertex ?? null;
  }

  /**
   * Street metres walked from `from` to each of `targets` on the profile's preferred paths
   * (snapping both ends, their straight-line snaps added), null for a target beyond
   * `maxMetres` or unreachable; null as a whole when `from` is in no region with streets.
   */
  walkMetres(from: [number, number], targets: ReadonlyArray<[number, number]>, profile: ProfileId, maxMetres: number): Array<number | null> | null {
    const router = this.routers.find((r) => from[0] >= r.bbox[0] && from[0] <= r.bbox[2] && from[1] >= r.bbox[1] && from[1] <= r.bbox[3]);
    if (!router) return null;
    const start = this.snap(router, profile, ...from);
    if (start === null) return targets.map(() => null);
    const coords = router.data.network.coords;
    const vertexAt = (v: number): [number, number] => [coords[2 * v]!, coords[2 * v + 1]!];
    const snapped = targets.map((t) => {
      const key = `${profile}:${t[0]},${t[1]}`;
      let v = router.snapped.get(key);
      if (v === undefined) {
        v = this.snap(router, profile, ...t);
        if (router.snapped.size > 100_000) router.snapped.clear();
        router.snapped.set(key, v);
      }
      return v;
    });
    const startSnap = distanceMeters(from, vertexAt(start));
    let search = router.walks.get(profile);
    if (!search) {
      search = new WalkSearch(router.data.network, router.data.graphs[profile]);
      router.walks.set(profile, search);
    }
    // Each target vertex with the fewest metres its snaps add (the search leaves out those the straight line already puts beyond the budget).
    const wanted = new Map<number, number>();
    snapped.forEach((v, i) => {
      if (v !== null) wanted.set(v, Math.min(wanted.get(v) ?? Infinity, startSnap + distanceMeters(targets[i]!, vertexAt(v))));
    });
    const found = search.from(start, maxMetres, wanted);
    return snapped.map((v, i) => {
      if (v === null || !found.has(v)) return null;
      const total = startSnap + found.get(v)! + distanceMeters(targets[i]!, vertexAt(v));
      return total <= maxMetres ? total : null;
    });
  }

  plan(from: [number, number], to: [number, number], profile: ProfileId, lang: Lang, alternatives: boolean): PlannedRoute[] | RouteFailure {
    const inside = (p: [number, number]) => this.routers.find((r) => p[0] >= r.bbox[0] && p[0] <= r.bbox[2] && p[1] >= r.bbox[1] && p[1] <= r.bbox[3]);
    const router = inside(from);
    if (!router) return { failure: "outside_region", field: "from" };
    if (inside(to) !== router) return { failure: "outside_region", field: "to" };
    if (distanceMeters(from, to) > MAX_TRIP_M) return { failure: "too_far" };
    const start = this.snap(router, profile, ...from);
    if (start === null) return { failure: "no_way_nearby", field: "from" };
    const end = this.snap(router, profile, ...to);
    if (end === null) return { failure: "no_way_nearby", field: "to" };
    let query = router.queries.get(profile);
    if (!query) {
      query = new HierarchyQuery(router.data.hierarchies[profile]);
      router.queries.set(profile, query);
    }
    const best = query.route(start, end);
    if (!best) return { failure: "no_route" };
    const graph = router.data.graphs[profile];
    const routes: PlannedRoute[] = [{ label: "safest", cost: best.cost, ...describeRoute(router.data.network, graph, best.edges, start, lang) }];
    if (!alternatives) return routes;
    // The shortest way on the same allowed streets, offered when it saves at least 10%.
    const length = (e: number) => router.data.network.segments[Math.abs(graph.segment[e]!) - 1]!.lengthM;
    const shortest = dijkstra(graph, start, end, (e) => length(e) - graph.cost[e]!);
    if (shortest) {
      const described = describeRoute(router.data.network, graph, shortest.edges, start, lang);
      if (described.distanceM < routes[0]!.distanceM * 0.9) routes.push({ label: "shorter", cost: shortest.edges.reduce((s, e) => s + graph.cost[e]!, 0), ...described });
    }
    return routes;
  }
}
