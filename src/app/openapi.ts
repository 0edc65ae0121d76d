/**
 * The OpenAPI 3.1 description served at GET /api/openapi.json, so integrators (a city's own
 * systems) can generate clients from it. The path files write each operation; this file
 * adds what every operation gets alike: its id, its security and the sentence on who may
 * call it (both from access-table.ts), the change header where one is needed, and the
 * error answers. Query parameters and request bodies are generated from the zod schemas the
 * handlers parse with (src/core/api, via openapi-parts.ts and openapi-bodies.ts); enums and
 * limits come from src/core; openapi.integration.test.ts holds the document to the routes served.
 */
import { POSITION_CONVENTION } from "../core/api/vocabulary.ts";
import { placeIdParams, regionIdParams, tileParams, tilePictureQuery } from "../core/api/paths.ts";
import { nearbyQuery, placesQuery } from "../core/api/places.ts";
import { STAFF_ROLES } from "../core/staff-roles.ts";
import { type Access, accessOf } from "./access-table.ts";
import { componentSchemas } from "./openapi-components.ts";
import { FAMILY_PATHS } from "./openapi-families.ts";
import { FAVOURITE_PATHS } from "./openapi-favourites.ts";
import { EVENT_PATHS } from "./openapi-events.ts";
import { GUIDE_PATHS } from "./openapi-guides.ts";
import { LIVE_PATHS } from "./openapi-live.ts";
import { MORE_PATHS } from "./openapi-more.ts";
import { COUNCIL_PATHS } from "./openapi-councils.ts";
import { SCHOOL_PROJECT_PATHS } from "./openapi-school-projects.ts";
import { SCHOOL_ROUTE_PATHS } from "./openapi-schoolroutes.ts";
import { TRANSIT_PATHS } from "./openapi-transit.ts";
import { VOICE_PATHS } from "./openapi-voice.ts";
import { liveQuery } from "../platform/http/live-updates.ts";
import { type DraftOperation, type DraftPaths, type Parameter, file, json, ok, pathParameters, queryParameters } from "./openapi-parts.ts";

const PLACE_PATHS: DraftPaths = {
  "/api/health": { get: { summary: "Liveness and data counts", responses: ok("OK", "Health") } },
  "/api/openapi.json": { get: { summary: "This document", responses: ok("OpenAPI 3.1 document") } },
  "/api/ready": { get: { summary: "Readiness for a load balancer: this instance reaches its database (503 unavailable when not)", responses: { ...ok("Ready", "Ready"), "503": json("The database cannot be reached; Retry-After says when to try again", "Error") } } },
  "/api/live": { get: { summary: "Live updates (Server-Sent Events): an `event: change` with `{topic, at}` whenever places, regions or the plan changed on any instance; browsers then ask again for what they show", parameters: queryParameters(liveQuery), responses: { "200": file("An event stream that stays open", "text/event-stream"), "400": json("An unknown parameter", "Error"), "503": json("This instance holds as many streams as it may; Retry-After says when to try again", "Error") } } },
  "/api/regions": { get: { summary: "Regions served, with place counts and whether each plans routes and analyses coverage", responses: ok("Regions", "Regions") } },
  "/api/regions/{id}/boundaries": { get: { summary: "County-level boundaries of a region (GeoJSON)", parameters: pathParameters(regionIdParams), responses: ok("FeatureCollection", "FeatureCollection") } },
  "/api/places": {
    get: {
      summary: "Places in a bbox and/or region, filtered (GeoJSON); a bbox or a region is required",
      parameters: queryParameters(placesQuery),
      responses: ok("FeatureCollection of places", "PlaceCollection"),
    },
  },
  "/api/places/nearby": {
    get: {
      summary: "The k nearest places to a point, with distances in metres",
      parameters: queryParameters(nearbyQuery),
      responses: ok("FeatureCollection, nearest first", "PlaceCollection"),
    },
  },
  "/api/places/{id}": { get: { summary: "One place (GeoJSON Feature)", parameters: pathParameters(placeIdParams), responses: ok("Feature", "Place") } },
  "/tiles/{z}/{x}/{y}.mvt": {
    get: {
      summary: "Basemap vector tile (Mapbox Vector Tile, gzip); 204 when empty",
      parameters: pathParameters(tileParams),
      responses: { "200": file("Tile", "application/vnd.mapbox-vector-tile"), "204": { description: "No data" } },
    },
  },
  "/tiles/{z}/{x}/{y}.webp": {
    get: {
      summary: "A picture of a basemap tile (WebP, 512 px or 1024 px at ratio=2; land use, water, buildings, roads, rail, no labels), for a phone's first view before the vector map starts; 204 when empty",
      parameters: [...pathParameters(tileParams), ...queryParameters(tilePictureQuery)],
      responses: { "200": file("Picture", "image/webp"), "204": { description: "No data" }, "400": json("A bad zoom, column, row or ratio; `field` names it", "Error") },
    },
  },
};

const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
const ERROR_RESPONSES = {
  BadRequest: "Invalid parameter or body; `field` names it",
  Unauthenticated: "Not signed in (no valid session cookie of the kind the operation needs)",
  Forbidden: "Signed in, but the role may not; or a change without the X-Tongxing-Request header",
  NotFound: "Not found, or not the caller's to see (answered alike)",
  TooLarge: "Request body too large",
  UnsupportedMediaType: "Body of a media type the operation does not take",
  RateLimited: "Too many requests from this client or account; try later",
  ClientError: "Any other client error",
};

const SECURITY_SCHEMES = {
  session: { type: "apiKey", in: "cookie", name: "tx_session", description: "Staff session from POST /api/auth/login" },
  member: { type: "apiKey", in: "cookie", name: "tx_member", description: "Family member session from POST /api/members/login or /api/members/register" },
};

function securityOf(access: Access): Array<Record<string, string[]>> {
  if (access.kind === "staff") return [{ session: [] }];
  if (access.kind === "member") return [{ member: [] }];
  // Public: anyone; a cookie, when sent, is read (an empty requirement makes it optional).
  return access.reads ? [{}, ...access.reads.map((scheme) => ({ [scheme]: [] }))] : [];
}

function accessSentence(access: Access): string {
  if (access.kind === "staff") {
    return access.roles.length === STAFF_ROLES.length ? "Staff of any role." : `Staff roles: ${access.roles.join(", ")}; other roles 403.`;
  }
  if (access.kind === "member") {
    return {
      any: "Signed-in members.",
      adults: "Signed-in adult members; a child 403.",
      children: "Signed-in children; an adult 403.",
      guardian: "The child's guardian; anyone else 404.",
      author: "The post's author; anyone else 404.",
    }[access.who];
  }
  if (access.shownTo) return `Anyone, but shown only to: ${access.shownTo.join(", ")}; others 404.`;
  return access.reads ? `Anyone; the ${access.reads.join(" or ")} session is read when sent.` : "Anyone.";
}

function errorResponses(method: string, draft: DraftOperation, access: Access | undefined, pathParameters: boolean) {
  const guarded = access !== undefined && access.kind !== "public";
  const narrowed = (access?.kind === "staff" && access.roles.length < STAFF_ROLES.length) || (access?.kind === "member" && (access.who === "adults" || access.who === "children"));
  return {
    ...(draft.parameters?.length || draft.requestBody ? { "400": errorRef("BadRequest") } : {}),
    ...(guarded ? { "401": errorRef("Unauthenticated") } : {}),
    ...(narrowed || (guarded && method !== "get") ? { "403": errorRef("Forbidden") } : {}),
    ...(pathParameters || (access?.kind === "public" && access.shownTo) || (access?.kind === "member" && (access.who === "guardian" || access.who === "author")) ? { "404": errorRef("NotFound") } : {}),
    ...(draft.requestBody ? { "413": errorRef("TooLarge"), "415": errorRef("UnsupportedMediaType") } : {}),
    ...(draft.limited ? { "429": errorRef("RateLimited") } : {}),
    "4XX": errorRef("ClientError"),
  };
}

/** "get", "/api/places/{id}/reviews" -> "getPlacesByIdReviews". */
function operationIdOf(method: string, route: string): string {
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const words = route.split(/[/.]/).filter((s) => s && s !== "api").map((s) => (s.startsWith("{") ? `By${capital(s.slice(1, -1))}` : s.split("-").map(capital).join("")));
  return method + words.join("");
}

function finish(paths: DraftPaths) {
  const finished: Record<string, Record<string, unknown>> = {};
  for (const [route, operations] of Object.entries(paths)) {
    const item: Record<string, unknown> = {};
    for (const [method, draft] of Object.entries(operations)) {
      if (!draft) continue;
      const access = accessOf(method, route);
      const { limited: _limited, description, responses, ...rest } = draft;
      const needsChangeHeader = access !== undefined && access.kind !== "public" && method !== "get";
      const parameters: Array<Parameter | { $ref: string }> = [...(draft.parameters ?? []), ...(needsChangeHeader ? [{ $ref: "#/components/parameters/ChangeHeader" }] : [])];
      item[method] = {
        operationId: operationIdOf(method, route),
        ...rest,
        description: [description, access ? accessSentence(access) : null].filter(Boolean).join(" "),
        ...(access ? { security: securityOf(access) } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        responses: { ...responses, ...errorResponses(method, draft, access, route.includes("{")) },
      };
    }
    finished[route] = item;
  }
  return finished;
}

/** The document, built once at start. */
export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Tongxing (童行) API",
    version: "0.1.0",
    description: `Child-friendly places, search, child-safe routes, basemap tiles, families' reviews and their moderation, coverage for planners, and the supervision of the city's action plan. Errors are JSON {code, message, field}, the message in the request's language: lang=zh|en on any operation, else Accept-Language, else Chinese. An unknown query parameter is refused (400, field naming it). ${POSITION_CONVENTION} Changes made with a session cookie need the header X-Tongxing-Request: 1.`,
    license: { name: "MIT", url: "https://opensource.org/licenses/MIT" },
  },
  servers: [{ url: "/", description: "The server that serves this document" }],
  paths: finish({ ...PLACE_PATHS, ...MORE_PATHS, ...FAMILY_PATHS, ...VOICE_PATHS, ...COUNCIL_PATHS, ...TRANSIT_PATHS, ...SCHOOL_ROUTE_PATHS, ...SCHOOL_PROJECT_PATHS, ...GUIDE_PATHS, ...LIVE_PATHS, ...EVENT_PATHS, ...FAVOURITE_PATHS }),
  components: {
    securitySchemes: SECURITY_SCHEMES,
    parameters: {
      ChangeHeader: { name: "X-Tongxing-Request", in: "header", required: true, description: "Marks a change as made by the app; a cross-site form cannot send it", schema: { type: "string", const: "1" } },
    },
    responses: Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([name, description]) => [name, json(description, "Error")])),
    schemas: {
      ...componentSchemas(),
      FeatureCollection: { type: "object", description: "A GeoJSON FeatureCollection (RFC 7946)", properties: { type: { const: "FeatureCollection" }, features: { type: "array" } } },
    },
  },
};

