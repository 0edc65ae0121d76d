// Breaks no rule: a domain's front door.
export { readOsm } from "./osm/read-osm.ts";
