// no-circular, with planner.ts: a cycle whose one side is a type-only import still counts.
import type { Planner } from "./planner.ts";

export interface Graph {
  planner?: Planner;
}
