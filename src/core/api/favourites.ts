/**
 * The contract of favourites (收藏): what a signed-in family member saves, places and guides,
 * kept on the server so every phone of theirs has them and synced from a phone that saved
 * offline. The handlers (src/favourites/) parse with these, the OpenAPI document is generated
 * from them (src/app/openapi-favourites.ts) and the web client sends the types inferred here.
 *
 *   GET    /api/members/me/favourites              my favourites, newest first
 *   PUT    /api/members/me/favourites/{kind}/{id}  save (idempotent; `savedAt` keeps an offline save's time)
 *   DELETE /api/members/me/favourites/{kind}/{id}  unsave (idempotent)
 */
import { z } from "zod";
import { both } from "./messages.ts";

/** What can be saved. */
export const FAVOURITE_KINDS = ["place", "guide"] as const;
export type FavouriteKind = (typeof FAVOURITE_KINDS)[number];

/** How many favourites one member keeps at most. */
export const MAX_FAVOURITES = 500;

/** Place ids ("osm:n123") and guide ids (uuids) alike. */
const TARGET_ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,79}$/;

/** /api/members/me/favourites/{kind}/{id}. */
export const favouriteParams = z.object({
  kind: z.enum(FAVOURITE_KINDS).meta({ description: "What is saved: place or guide", example: "place" }),
  id: z.string().regex(TARGET_ID, both("不是地点或攻略的编号", "not a place or guide id")).meta({ description: "The place's or guide's id", example: "osm:n123" }),
});

/** PUT's body (may be empty): when it was saved, for a save made offline and sent later. */
export const favouriteInput = z.object({
  savedAt: z.iso.datetime({ offset: true }).optional().meta({ description: "When the member saved it (ISO 8601); the server's time when left out or in the future", example: "2026-12-03T08:30:00.000Z" }),
}).strict();
export type FavouriteInput = z.infer<typeof favouriteInput>;

/** One favourite as the API answers it: what it is, when saved, and enough to list it offline. */
export const favouriteAnswer = z.object({
  kind: z.enum(FAVOURITE_KINDS),
  id: z.string(),
  savedAt: z.string().meta({ description: "ISO 8601" }),
  name: z.object({ zh: z.string().nullable(), en: z.string().nullable() }).nullable().meta({ description: "The place's or guide's name; null when it no longer exists" }),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  /** False when the place was removed or the guide withdrawn since it was saved. */
  available: z.boolean(),
});
export type FavouriteAnswer = z.infer<typeof favouriteAnswer>;

/** GET /api/members/me/favourites. */
export const favouritesAnswer = z.object({ favourites: z.array(favouriteAnswer) });
