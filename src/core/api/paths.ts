/**
 * The path parameters of the API, as zod schemas: the handlers parse `request.params`
 * with them and /api/openapi.json documents them from them (description and example in
 * each field's meta), so a path's document and its handler cannot drift.
 */
import { z } from "zod";
import { PLACE_ID_PATTERN, REGION_ID_PATTERN } from "../limits.ts";
import { both } from "./messages.ts";

const EXAMPLE_UUID = "3f0c2d4e-8b1a-4c55-9d7e-2a6b8c0e1f23";
const uuid = (description: string) => z.uuid().meta({ description, example: EXAMPLE_UUID });

/** /api/places/{id}, /api/places/{id}/reviews, /api/places/{id}/corrections. */
export const placeIdParams = z.object({ id: z.string().regex(PLACE_ID_PATTERN, both("不是地点编号", "not a place id")).meta({ description: "Place id", example: "osm:n123" }) });

/** /api/regions/{id}/…. */
export const regionIdParams = z.object({ id: z.string().regex(REGION_ID_PATTERN, both("地区编号只能用小写字母、数字和短横线", "region ids are lowercase letters, digits and dashes")).meta({ description: "Region id", example: "hengyang" }) });

/** A path naming one record by its uuid (a report, a review, a child, an appeal, a notice, a correction). */
export const uuidParams = (description: string) => z.object({ id: uuid(description) });

/** /api/plan/reports/{id}/attachments/{attachment}. */
export const attachmentParams = z.object({ id: uuid("Report id"), attachment: uuid("Attachment id") });

/** /api/family/children/{id}/reviews/{reviewId}. */
export const childReviewParams = z.object({ id: uuid("Child account id"), reviewId: uuid("Review id") });
/** /api/family/children/{id}/guides/{guideId}: a guide a guardian withdraws for their child. */
export const childGuideParams = z.object({ id: uuid("Child account id"), guideId: uuid("Guide id") });

/** /api/guides/{id}/stops/{position}/photos: a stop by its place in the guide, from 0. */
export const guideStopParams = z.object({ id: uuid("Guide id"), position: z.coerce.number().int().min(0).max(50).meta({ description: "The stop's position in the guide, from 0", example: 0 }) });

/** /api/plan/tasks/{number}. */
export const taskNumberParams = z.object({ number: z.coerce.number().int().min(1).max(1000).meta({ description: "Task number", example: 5 }) });

/** /api/moderation/items/{type}/{id}. */
export const moderationItemParams = z.object({
  type: z.string().min(1).max(20).meta({ description: "Content type", example: "review" }),
  id: uuid("Content id"),
});

/** /tiles/{z}/{x}/{y}.mvt: x and y are checked against 2^z by the handler. */
export const tileParams = z.object({
  z: z.coerce.number().int().min(0).max(22).meta({ description: "Zoom", example: 14 }),
  x: z.coerce.number().int().min(0).meta({ description: "Column", example: 8529 }),
  y: z.coerce.number().int().min(0).meta({ description: "Row", example: 5974 }),
});

/** The query of /tiles/{z}/{x}/{y}.webp: pixels per CSS pixel (a 512 or 1024 pixel picture). */
export const tilePictureQuery = z
  .object({ ratio: z.enum(["1", "2"]).optional().meta({ description: "Device pixels per CSS pixel: 1 (512 px, the default) or 2 (1024 px)", example: "2" }) })
  .strict();
