// domain-through-index: another domain's inner file; the import through its index.ts is fine.
import { readOsm } from "../places/index.ts";
import { readOsm as readOsmDeep } from "../places/osm/read-osm.ts";

export const searchEngine = () => [...readOsm(), ...readOsmDeep()];
