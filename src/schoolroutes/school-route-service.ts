/**
 * The school-route analysis of each region, built on first use from its routing data, its
 * residential areas and its school-route facts, and kept until the data changes; what-if
 * runs rebuild the child-walk graph with the changed crossings (the routes may move to a
 * crossing made safe) and analyse again beside the kept base. Residential buildings are the
 * homes where a region has them, residential land where it has none (never both: a building
 * stands on the land, and counting both would count it twice). Catchments a city imported
 * replace "nearest school" for the homes inside them; the crossings completed school-route
 * projects changed are part of the base.
 */
import { type ResidentialArea, WalkNetwork } from "../access/index.ts";
import { MAX_SNAP_M, PROFILES, type ProfileGraph, type RoutingData, type StreetNetwork, withCrossingsChanged } from "../routing/index.ts";
import type { CrossingFacts } from "./crossing-facts.ts";
import { type Analysis, analyseSchoolRoutes, type Home, type School } from "./school-analysis.ts";
import { applyChanges, type Change } from "./school-changes.ts";
import { factsFor, type SchoolData } from "./school-data.ts";
import { loadCatchments } from "./catchments.ts";
import type { Queryable } from "../platform/database/database.ts";

export interface SchoolRouteSources {
  routing: readonly RoutingData[];
  data: (regionId: string) => SchoolData | null;
  areas: (regionId: string) => readonly ResidentialArea[] | null;
  /** Hazards families reported on the way to school (public ideas of a hazard kind, at their public point). */
  hazards?: (regionId: string) => Promise<Hazard[]>;
  /** The crossings completed school-route projects (plan supervision) made signalised or zebra. */
  completed?: (regionId: string) => Promise<Change[]>;
}

export interface Hazard {
  id: string;
  kind: string;
  lon: number;
  lat: number;
}

/** How often a region's hazards are read again (at most), and how near a crossing or street one counts. */
export const HAZARD_CHECK_MS = 5_000;

export interface RegionAnalysis {
  regionId: string;
  network: StreetNetwork;
  graph: ProfileGraph;
  facts: CrossingFacts;
  schools: School[];
  homes: Home[];
  homesAre: "buildings" | "land";
  /** Each home's street vertex (positions never change, so what-ifs reuse them). */
  homeSnaps: ReadonlyArray<{ vertex: number; seconds: number } | null>;
  analysis: Analysis;
  /** Set on a what-if: the vertices the changes landed on (null: no road within reach). */
  applied?: Array<number | null>;
}

/** Homes of a region: its residential buildings, or its residential land when it has no buildings. */
export function homesOf(areas: readonly ResidentialArea[]): { homes: Home[]; homesAre: "buildings" | "land" } {
  const buildings = areas.filter((a) => a.kind === "building");
  const chosen = buildings.length > 0 ? buildings : areas;
  return { homes: chosen.map((a) => ({ id: a.id, lon: a.lon, lat: a.lat, areaM2: a.areaM2 })), homesAre: buildings.length > 0 ? "buildings" : "land" };
}

export class SchoolRouteService {
  private readonly cache = new Map<string, RegionAnalysis>();
  private readonly snappers = new Map<string, WalkNetwork>();
  private catchments = new Map<string, Map<string, (lon: number, lat: number) => boolean>>();
  private completed = new Map<string, Change[]>();
  private hazards = new Map<string, { checkedAt: number; key: string; list: Hazard[] }>();

  constructor(private readonly sources: SchoolRouteSources) {}

  /** Reads the catchments cities imported (at start, and when another instance imports some). */
  async reloadCatchments(db: Queryable): Promise<void> {
    this.catchments = await loadCatchments(db);
    this.invalidate();
  }

  /** Reads what completed school-route projects changed (at start, and when projects change on any instance). */
  async reloadProjects(): Promise<void> {
    const completed = new Map<string, Change[]>();
    for (const { regionId } of this.sources.routing) completed.set(regionId, (await this.sources.completed?.(regionId)) ?? []);
    this.completed = completed;
    this.invalidate();
  }

  /**
   * Reads the region's reported hazards again when the last read is older than HAZARD_CHECK_MS,
   * and forgets the region's analysis when they changed (a hazard raises a crossing's rank).
   */
  async refreshHazards(regionId: string, now = Date.now()): Promise<void> {
    const known = this.hazards.get(regionId);
    if (!this.sources.hazards || (known && now - known.checkedAt < HAZARD_CHECK_MS)) return;
    const list = await this.sources.hazards(regionId);
    const key = list.map((h) => `${h.id}@${h.lon},${h.lat}`).join(";");
    this.hazards.set(regionId, { checkedAt: now, key, list });
    if (known?.key !== key) this.cache.delete(regionId);
  }

  /** The region's reported hazards as last read. */
  hazardsIn(regionId: string): readonly Hazard[] {
    return this.hazards.get(regionId)?.list ?? [];
  }

  /** Forgets every analysis (hazards or data changed). */
  invalidate(): void {
    this.cache.clear();
  }

  /** The region's analysis, or null when it has nothing to analyse. */
  analysis(regionId: string): RegionAnalysis | null {
    const cached = this.cache.get(regionId);
    if (cached) return cached;
    const routing = this.sources.routing.find((d) => d.regionId === regionId);
    const data = this.sources.data(regionId);
    const areas = this.sources.areas(regionId);
    if (!routing || !data || !areas) return null;
    // Completed projects are the base everyone sees: their crossings as built, like a what-if for all.
    const asBuilt = applyChanges(routing.network, factsFor(data, routing.network), this.completed.get(regionId) ?? []);
    const landed = asBuilt.applied.filter((v): v is number => v !== null);
    const graph = landed.length > 0 ? withCrossingsChanged(routing.graphs["child-walk"], routing.network, asBuilt.network, landed) : routing.graphs["child-walk"];
    const built = this.run(regionId, asBuilt.network, graph, asBuilt.facts, data.schools, homesOf(areas));
    this.cache.set(regionId, built);
    return built;
  }

  /** The analysis with crossings changed (signals or a zebra placed at points), beside the base. */
  whatIf(regionId: string, changes: readonly Change[]): { base: RegionAnalysis; changed: RegionAnalysis } | null {
    const base = this.analysis(regionId);
    if (!base) return null;
    const { network, facts, applied } = applyChanges(base.network, base.facts, changes);
    const graph = withCrossingsChanged(base.graph, base.network, network, applied.filter((v): v is number => v !== null));
    const changed = this.run(regionId, network, graph, facts, base.schools, base);
    return { base, changed: { ...changed, applied } };
  }

  private run(
    regionId: string, network: StreetNetwork, graph: ProfileGraph, facts: CrossingFacts, schools: School[],
    known: { homes: Home[]; homesAre: "buildings" | "land"; homeSnaps?: RegionAnalysis["homeSnaps"] },
  ): RegionAnalysis {
    // Snapping reads positions only, which no change moves: one snapper per region.
    let snapper = this.snappers.get(regionId);
    if (!snapper) {
      snapper = new WalkNetwork(graph, network.coords, PROFILES["child-walk"].speed, MAX_SNAP_M);
      this.snappers.set(regionId, snapper);
    }
    const { homes, homesAre } = known;
    const homeSnaps = known.homeSnaps ?? homes.map((h) => snapper.snap(h.lon, h.lat));
    const analysis = analyseSchoolRoutes(network, graph, facts, snapper, schools, homes, { hazards: this.hazardsIn(regionId).map((h) => [h.lon, h.lat] as const), homeSnaps, catchments: this.catchments.get(regionId) });
    return { regionId, network, graph, facts, schools, homes, homesAre, homeSnaps, analysis };
  }
}
