/** What the ideas feature is given by the map app: the store, the map and the app's element. */
import type { AppMap } from "../../map/app-map.ts";
import type { AppState, Store } from "../../shared/store.ts";

export interface IdeasDeps {
  readonly store: Store<AppState>;
  readonly map: AppMap;
  readonly app: HTMLElement;
}
