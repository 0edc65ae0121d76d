/**
 * The component schemas of /api/openapi.json, generated from the answers' zod schemas in
 * src/core/api (answers.ts, routing.ts, plan.ts): one registry, one JSON Schema each, and
 * `$ref`s where one answer holds another (a place in a collection).
 */
import { EVENT_ANSWER_SCHEMAS } from "./openapi-events.ts";
import { FAVOURITE_ANSWER_SCHEMAS } from "./openapi-favourites.ts";
import { GUIDE_ANSWER_SCHEMAS } from "./openapi-guides.ts";
import { LIVE_ANSWER_SCHEMAS } from "./openapi-live.ts";
import { z } from "zod";
import { errorAnswer, healthAnswer, readyAnswer, placeCollection, placeFeature, regionsAnswer, reportSummary, searchAnswer, suggestAnswer } from "../core/api/answers.ts";
import { coverageSummary } from "../core/api/coverage.ts";
import { progressAnswer } from "../core/api/plan.ts";
import { routeCollection } from "../core/api/routing.ts";
import { SCHOOL_ROUTE_ANSWER_SCHEMAS } from "./openapi-schoolroutes.ts";
import { TRANSIT_ANSWER_SCHEMAS } from "./openapi-transit.ts";

/** Each documented answer under its component name; `schemas/<name>` in the document. */
export const ANSWER_SCHEMAS = {
  Error: errorAnswer,
  Health: healthAnswer,
  Ready: readyAnswer,
  Regions: regionsAnswer,
  Place: placeFeature,
  PlaceCollection: placeCollection,
  SearchResult: searchAnswer,
  Suggestions: suggestAnswer,
  RouteCollection: routeCollection,
  CoverageSummary: coverageSummary,
  Progress: progressAnswer,
  Report: reportSummary,
  ...TRANSIT_ANSWER_SCHEMAS,
  ...SCHOOL_ROUTE_ANSWER_SCHEMAS,
  ...GUIDE_ANSWER_SCHEMAS,
  ...LIVE_ANSWER_SCHEMAS,
  ...EVENT_ANSWER_SCHEMAS,
  ...FAVOURITE_ANSWER_SCHEMAS,
} as const satisfies Record<string, z.ZodType>;

/** The output JSON Schema of every answer, keyed by component name. */
export function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(ANSWER_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: "output", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => {
    const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
    return [id, rest];
  }));
}
