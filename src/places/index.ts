/** The places domain: the place model's store, index, importers and public API. */
export { PlaceCatalog } from "./place-catalog.ts";
export { PlaceIndex, type PlaceFilter, type NearbyHit } from "./place-index.ts";
export { placesDomain, type PlaceRouteDeps } from "./place-routes.ts";
export {
  checkOsmPlaces, checkSitesFile, countRemovals, importSitesFile, removalRefusal, savePlaces,
  type CheckedPlaces, type ImportFailure, type ImportResult, type ImportTarget,
} from "./place-import.ts";
export type { TextEncodingName } from "./import/text-encoding.ts";
export { placeFeatureJson, placeCollectionJson, type PlaceProperties } from "./place-presenter.ts";
export { countPlaces, deletePlace, importFinished, loadAllPlaces, placeState, recordImport, removePlace, setDemonstration, upsertPlaces, type Removal } from "./place-store.ts";
export { adoptOrphanPlaces, type PlaceReference } from "./place-orphans.ts";
export { mapOsmTags } from "./osm/tag-mapping.ts";
export { applyPlaceFix, placeFixSchema, type PlaceFix } from "./place-edits.ts";
export { placeMigrations } from "./migrations.ts";
