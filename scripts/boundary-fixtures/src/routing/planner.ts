// no-circular, with graph.ts.
import type { Graph } from "./graph.ts";

export interface Planner {
  graph: Graph;
}
