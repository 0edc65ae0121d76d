/**
 * The OpenAPI 3.1 description served at GET /api/openapi.json. Written as data next to
 * the route list so integrators (a city's own systems) can generate clients from it; the
 * enums come from src/core so the document cannot drift from what the server accepts.
 */
import { CATEGORY_IDS } from "../core/categories.ts";
import { FACILITY_IDS } from "../core/facilities.ts";
import { LIMITS } from "../core/limits.ts";
import { FAMILY_PATHS, MEMBER_SECURITY_SCHEME } from "./openapi-families.ts";
import { MORE_PATHS, SECURITY_SCHEMES } from "./openapi-more.ts";

const query = (name: string, description: string, schema: object, required = false) => ({ name, in: "query", required, description, schema });
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const json = (description: string, ref: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = { "400": json("Invalid parameter", "Error"), "404": json("Not found", "Error") };

const filters = [
  query("category", "Comma-separated categories (any of)", { type: "string", example: "play,sport" }),
  query("facility", "Comma-separated facilities (all of)", { type: "string", example: "changing_table" }),
  query("age", "A child's age in years", { type: "integer", minimum: 0, maximum: LIMITS.maxAge }),
  query("open_now", "Only places open now in their own time zone", { type: "boolean" }),
  query("region", "Region id", { type: "string", example: "hengyang" }),
];

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Tongxing (童行) API",
    version: "0.1.0",
    description: "Child-friendly places, search, child-safe routes, basemap tiles, and the supervision of the city's action plan. Errors are JSON {code, message, field}.",
    license: { name: "MIT" },
  },
  paths: {
    "/api/health": { get: { summary: "Liveness and data counts", responses: { "200": json("OK", "Health") } } },
    "/api/regions": { get: { summary: "Regions served", responses: { "200": json("Regions", "Regions") } } },
    "/api/regions/{id}/boundaries": {
      get: { summary: "County-level boundaries of a region (GeoJSON)", parameters: [path("id", "Region id")], responses: { "200": json("FeatureCollection", "FeatureCollection"), ...errors } },
    },
    "/api/places": {
      get: {
        summary: "Places in a bbox and/or region, filtered (GeoJSON)",
        parameters: [
          query("bbox", `minLon,minLat,maxLon,maxLat (WGS-84), at most ${LIMITS.maxBboxSpanDegrees} degrees a side`, { type: "string", example: "7.40,43.72,7.44,43.75" }),
          ...filters,
          query("limit", "Most features returned", { type: "integer", minimum: 1, maximum: LIMITS.maxPlacesPerResponse, default: LIMITS.defaultPlacesPerResponse }),
        ],
        responses: { "200": json("FeatureCollection of places", "PlaceCollection"), ...errors },
      },
    },
    "/api/places/nearby": {
      get: {
        summary: "The k nearest places to a point, with distances in metres",
        parameters: [
          query("lat", "Latitude (WGS-84)", { type: "number" }, true),
          query("lon", "Longitude (WGS-84)", { type: "number" }, true),
          query("k", "How many", { type: "integer", minimum: 1, maximum: LIMITS.maxNearbyK, default: LIMITS.defaultNearbyK }),
          query("radius", "Search radius in metres", { type: "integer", minimum: 1, maximum: LIMITS.maxNearbyRadiusM }),
          ...filters,
        ],
        responses: { "200": json("FeatureCollection, nearest first", "PlaceCollection"), ...errors },
      },
    },
    "/api/places/{id}": {
      get: { summary: "One place (GeoJSON Feature)", parameters: [path("id", "Place id, e.g. osm:n123")], responses: { "200": json("Feature", "Place"), ...errors } },
    },
    "/tiles/{z}/{x}/{y}.mvt": {
      get: {
        summary: "Basemap vector tile (Mapbox Vector Tile, gzip); 204 when empty",
        parameters: [path("z", "Zoom"), path("x", "Column"), path("y", "Row")],
        responses: { "200": { description: "Tile", content: { "application/vnd.mapbox-vector-tile": {} } }, "204": { description: "No data" }, ...errors },
      },
    },
    ...MORE_PATHS,
    ...FAMILY_PATHS,
  },
  components: {
    securitySchemes: { ...SECURITY_SCHEMES, ...MEMBER_SECURITY_SCHEME },
    schemas: {
      Error: {
        type: "object",
        required: ["code", "message", "field"],
        properties: { code: { type: "string" }, message: { type: "string" }, field: { type: ["string", "null"] } },
      },
      Health: { type: "object", properties: { status: { const: "ok" }, database: { type: "string" }, places: { type: "integer" }, regions: { type: "integer" } } },
      Regions: {
        type: "object",
        properties: {
          regions: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" }, placeCount: { type: "integer" }, hasBasemap: { type: "boolean" },
                routes: { type: "boolean", description: "GET /api/route plans routes in this region" },
                coverage: { type: "boolean", description: "GET /api/coverage can analyse this region" },
              },
            },
          },
        },
      },
      FeatureCollection: { type: "object", properties: { type: { const: "FeatureCollection" }, features: { type: "array" } } },
      Place: {
        type: "object",
        properties: {
          type: { const: "Feature" },
          id: { type: "string" },
          geometry: { type: "object" },
          properties: {
            type: "object",
            properties: {
              categories: { type: "array", items: { enum: [...CATEGORY_IDS] } },
              facilities: { type: "array", items: { enum: [...FACILITY_IDS] } },
              precision: { enum: ["exact", "approximate", "district"] },
            },
          },
        },
      },
      PlaceCollection: {
        type: "object",
        properties: {
          type: { const: "FeatureCollection" },
          features: { type: "array", items: { $ref: "#/components/schemas/Place" } },
          count: { type: "integer" },
          truncated: { type: "boolean" },
        },
      },
    },
  },
} as const;
