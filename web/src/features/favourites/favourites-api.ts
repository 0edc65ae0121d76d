/**
 * Client of the favourites API (src/core/api/favourites.ts): the signed-in member's saved
 * places and guides. Types only from the contract, so zod stays out of the browser.
 */
import type { FavouriteAnswer, FavouriteKind } from "../../../../src/core/api/favourites.ts";
import { getField, send } from "../../shared/http.ts";

export type { FavouriteAnswer, FavouriteKind };

const path = (kind: FavouriteKind, id: string): string => `/api/members/me/favourites/${kind}/${encodeURIComponent(id)}`;

/** What the sync needs of the server; tests give their own. */
export interface FavouritesApi {
  list(): Promise<FavouriteAnswer[]>;
  save(kind: FavouriteKind, id: string, savedAt: string): Promise<unknown>;
  unsave(kind: FavouriteKind, id: string): Promise<unknown>;
}

export const favouritesApi: FavouritesApi = {
  list: () => getField<FavouriteAnswer[]>("/api/members/me/favourites", "favourites", Array.isArray),
  save: (kind, id, savedAt) => send("PUT", path(kind, id), { savedAt }),
  unsave: (kind, id) => send("DELETE", path(kind, id)),
};
