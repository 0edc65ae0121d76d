// app-through-index: the command past a domain's index.ts.
import { readOsm } from "./places/osm/read-osm.ts";
import { start } from "./app/server.ts";

export const main = () => [readOsm, start];
