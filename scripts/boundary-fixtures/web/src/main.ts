// web-only-web-and-core: the browser app reaching into platform; core is fine.
import { radius } from "../../src/core/geo.ts";
import { openDatabase } from "../../src/platform/database/open-database.ts";
import { mapView } from "./map-view.ts";

export const boot = () => [radius, openDatabase, mapView];
