/**
 * The OpenAPI paths and answer schemas of favourites (收藏), generated from the contract in
 * src/core/api/favourites.ts; openapi.ts merges FAVOURITE_PATHS into the paths and
 * openapi-components.ts FAVOURITE_ANSWER_SCHEMAS into the component schemas. Member sign-in;
 * a member reaches only their own favourites (there is no path naming another member).
 */
import { favouriteAnswer, favouriteInput, favouriteParams, favouritesAnswer } from "../core/api/favourites.ts";
import { inputJsonSchema } from "./openapi-schema.ts";
import { type DraftOperation, type DraftPaths, ok, pathParameters, refusal } from "./openapi-parts.ts";

export const FAVOURITE_ANSWER_SCHEMAS = {
  Favourites: favouritesAnswer,
  Favourite: favouriteAnswer,
} as const;

/** PUT's optional body, with an example the server takes. */
const saveBody = {
  required: false,
  description: "When the member saved it, for a save made offline and sent later (optional)",
  content: { "application/json": { schema: inputJsonSchema(favouriteInput), example: { savedAt: "2026-12-03T08:30:00.000Z" } } },
} as unknown as DraftOperation["requestBody"];

export const FAVOURITE_PATHS: DraftPaths = {
  "/api/members/me/favourites": {
    get: {
      summary: "My favourites (saved places and guides), newest first, with each one's name and position, or available=false when it no longer exists",
      responses: ok("The favourites", "Favourites"),
    },
  },
  "/api/members/me/favourites/{kind}/{id}": {
    put: {
      summary: "Save a place or guide (idempotent: saving again keeps the first time)",
      parameters: pathParameters(favouriteParams),
      requestBody: saveBody,
      responses: { ...ok("The favourite as stored", { type: "object", properties: { favourite: { $ref: "#/components/schemas/Favourite" } } }), ...refusal("404", "No such place or guide"), ...refusal("409", "Already at the most favourites a member may keep (500)") },
    },
    delete: {
      summary: "Unsave a place or guide (idempotent: removed=false when it was not saved)",
      parameters: pathParameters(favouriteParams),
      responses: ok("Whether it was saved", { type: "object", properties: { removed: { type: "boolean" } } }),
    },
  },
};
