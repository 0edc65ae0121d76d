/** What the ideas feature is given by the map app: the store, the map and the app's element. */
import type { MapView } from "../../map/map-view.ts";
import type { AppState, Store } from "../../shared/store.ts";

export interface IdeasDeps {
  readonly store: Store<AppState>;
  readonly map: MapView;
  readonly app: HTMLElement;
}
