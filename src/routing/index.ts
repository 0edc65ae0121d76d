/** The routing domain: child-safe routes on the real street network. */
export { buildStreetNetwork, CROSSING_SIGNALS, CROSSING_ZEBRA, ROAD_CLASSES, type RoadClass, type StreetNetwork } from "./street-network.ts";
export { PROFILE_IDS, PROFILES, type ProfileId } from "./profiles.ts";
export { buildRoutingData, buildRoutingDataOnCores, loadAllRoutingData, routingFile, saveRoutingData, type RoutingData } from "./routing-data.ts";
export { RoutePlanner } from "./route-planner.ts";
export { routingDomain } from "./route-routes.ts";
export { largestComponent, MAX_SNAP_M } from "./route-planner.ts";
export { MinHeap } from "./min-heap.ts";
export { buildProfileGraph, type ProfileGraph } from "./profile-graph.ts";
export { withCrossingsChanged } from "./crossing-change.ts";
export { dijkstra } from "./dijkstra.ts";
export { StreetSnapper, type StreetPoint } from "./street-snap.ts";
