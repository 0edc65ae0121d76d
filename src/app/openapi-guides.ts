/**
 * The OpenAPI paths and answer schemas of guides (畅游攻略) and study routes (研学线路),
 * generated from the contract in src/core/api/guides.ts; openapi.ts merges GUIDE_PATHS into
 * the paths and openapi-components.ts GUIDE_ANSWER_SCHEMAS into the component schemas. The
 * body's example uses the Monaco sample's places (the fuzz and matrix tests replace ids).
 */
import type { z } from "zod";
import { guideAnswer, guideListAnswer, guideReadQuery, guideSchema, guidesQuery } from "../core/api/guides.ts";
import { childGuideParams, guideStopParams, placeIdParams, uuidParams } from "../core/api/paths.ts";
import { fileBody } from "./openapi-bodies.ts";
import { inputJsonSchema } from "./openapi-schema.ts";
import { type DraftOperation, type DraftPaths, created, file, ok, pathParameters, queryParameters, refusal } from "./openapi-parts.ts";

export const GUIDE_ANSWER_SCHEMAS = {
  Guide: guideAnswer,
  GuideList: guideListAnswer,
} as const;

/** The body of both writing paths: the handler's own schema and an example it takes. */
export const GUIDE_BODIES = {
  guide: {
    schema: guideSchema,
    example: {
      kind: "tour", title: "海边亲子半日游", summary: "先在儿童花园玩滑梯，再沿着海边走走。", theme: "nature", ageMin: 4, ageMax: 10, minutes: 180, cost: "free",
      stroller: true, wheelchair: false, stops: [{ placeId: "osm:n1864130268", note: "滑梯旁有饮水点" }, { placeId: "osm:n5606923199" }], team: "衡阳文旅小小推荐官",
    },
  },
} as const satisfies Record<string, { schema: z.ZodType; example: unknown }>;

function body(description: string): DraftOperation["requestBody"] {
  const { schema, example } = GUIDE_BODIES.guide;
  // The shared DraftOperation type names the family bodies' examples; this one is ours.
  return { required: true, description, content: { "application/json": { schema: inputJsonSchema(schema), example } } } as unknown as DraftOperation["requestBody"];
}

const guide = pathParameters(uuidParams("Guide id"));
const refused = refusal("422", "held_for_safety (a child's personal information) or blocked_by_safety, naming the field (title, summary, team, stops.N.note); details.reasons");
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];
const NOT_PUBLIC = "No such guide, or not public (waiting for a moderator, hidden, withdrawn)";

export const GUIDE_PATHS: DraftPaths = {
  "/api/guides": {
    get: {
      summary: "Published guides: by region, a child's age (within the guide's range), themes, most minutes, kind; with near=lat,lon the nearest first stop first (within 30 km)",
      parameters: queryParameters(guidesQuery),
      responses: ok("Guides, newest first (or nearest)", "GuideList"),
    },
    post: {
      summary: "A member writes a guide through the child-safe posting path: a child's (guardian's consent on file, credited by nickname and team) waits for a moderator; an adult's is published unless the guard holds it or finds it risky",
      requestBody: body("The guide: 2–12 places of one region in order, each with an optional line"),
      limited: true,
      responses: { ...created("The guide with its status and legs", "Guide"), ...refused },
    },
  },
  "/api/staff/guides": {
    post: {
      summary: "Staff write a guide, credited by unit: administrators, and reporters of the culture/tourism and education units (others 403); published unless the guard holds it",
      requestBody: body("The guide"),
      responses: { ...created("The guide with its status and legs", "Guide"), ...refused },
    },
  },
  "/api/staff/guides/{id}": {
    delete: { summary: "Withdraw a staff guide: its author, or an administrator (any guide)", parameters: guide, responses: { ...ok("Withdrawn"), ...refusal("404", "No such guide, or not yours to withdraw") } },
  },
  "/api/guides/mine": { get: { summary: "My guides and my children's, any status but withdrawn", responses: ok("Guides with status", "GuideList") } },
  "/api/family/children/{id}/guides/{guideId}": { delete: { summary: "Withdraw a guide of my child", parameters: pathParameters(childGuideParams), responses: { ...ok("Withdrawn"), ...refusal("404", "No such child of mine, or no such guide of theirs") } } },
  "/api/guides/{id}": {
    get: {
      summary: "A guide: its stops (each open, closed or moved since written) and the legs between them as GeoJSON (child-walk, stroller for a stroller guide, bus for a long walk where the region has timetables); a waiting one only for its author, their guardian, moderators and administrators",
      parameters: [...guide, ...queryParameters(guideReadQuery)],
      responses: { ...ok("The guide", "Guide"), ...refusal("404", NOT_PUBLIC) },
    },
    delete: { summary: "Withdraw my guide (a guardian withdraws a child's under the child)", parameters: guide, responses: { ...ok("Withdrawn"), ...refusal("404", "No such guide, or not yours to withdraw") } },
  },
  "/api/guides/{id}.html": {
    get: { summary: "The guide's printable A4 page for a school trip: facts, a sketch of the route, stops with notes and warnings, legs, the QR code of its share link", parameters: guide, responses: { "200": file("Page", "text/html"), ...refusal("404", NOT_PUBLIC) } },
  },
  "/api/guides/{id}/qr.svg": {
    get: { summary: "A QR code (SVG) of the guide's share link, /guides.html?id=…", parameters: guide, responses: { "200": file("SVG", "image/svg+xml"), ...refusal("404", NOT_PUBLIC) } },
  },
  "/api/guides/{id}/stops/{position}/photos": {
    post: {
      summary: "The author adds a photo to a stop (at most 3 a stop; metadata stripped, resized, JPEG); a child's guide goes back to a moderator",
      parameters: pathParameters(guideStopParams),
      requestBody: fileBody("The photo", PHOTO_TYPES),
      limited: true,
      responses: { ...created("The guide with its status", "Guide"), ...refusal("404", "No such guide or stop of yours"), ...refusal("409", "Three photos on this stop already") },
    },
  },
  "/api/staff/guides/{id}/stops/{position}/photos": {
    post: {
      summary: "Staff add a photo to a stop of their guide (an administrator to any), as members do",
      parameters: pathParameters(guideStopParams),
      requestBody: fileBody("The photo", PHOTO_TYPES),
      responses: { ...created("The guide with its status", "Guide"), ...refusal("404", "No such guide or stop of yours"), ...refusal("409", "Three photos on this stop already") },
    },
  },
  "/api/guide-photos/{id}": {
    get: { summary: "A stop's photo, to whoever may see its guide", parameters: pathParameters(uuidParams("Photo id")), responses: { "200": file("JPEG", "image/jpeg"), ...refusal("404", NOT_PUBLIC) } },
  },
  "/api/places/{id}/guides": {
    get: { summary: "Published guides that include a place (the place card)", parameters: pathParameters(placeIdParams), responses: ok("Guides", "GuideList") },
  },
};
