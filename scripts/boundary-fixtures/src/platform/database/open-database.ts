// platform-no-domain: platform reaching into a domain's subfolder, which `../../places/*` never matched.
import { readOsm } from "../../places/osm/read-osm.ts";

export const openDatabase = () => readOsm();
