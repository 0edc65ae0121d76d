/**
 * Client of the ideas API (/api/ideas…): the public layer and list, the card with its
 * history, posting with photos, support, comments, my ideas and my notifications, and the
 * accountability figures. Shapes are the contract's (src/core/api/voice.ts), imported as
 * types only so zod stays out of the browser; each answer's list is checked before use.
 */
import type { z } from "zod";
import type {
  IdeaCommentInput, IdeaInput, IdeaKind, SupportInput, accountabilityAnswer, ideaCommentAnswer, ideaLayerAnswer,
  ideaNotificationAnswer, ideaStepAnswer, ownIdeaAnswer, publicIdeaAnswer,
} from "../../../../src/core/api/voice.ts";
import { formatLatLon } from "../../../../src/core/api/vocabulary.ts";
import { getJson } from "../../shared/api.ts";
import { field, getField, send, sendField, segment } from "../../shared/http.ts";

export type PublicIdea = z.infer<typeof publicIdeaAnswer>;
export type OwnIdea = z.infer<typeof ownIdeaAnswer>;
export type IdeaStep = z.infer<typeof ideaStepAnswer>;
export type IdeaComment = z.infer<typeof ideaCommentAnswer>;
export type IdeaNotification = z.infer<typeof ideaNotificationAnswer>;
export type IdeaLayer = z.infer<typeof ideaLayerAnswer>;
export type Accountability = z.infer<typeof accountabilityAnswer>;
export type IdeaSort = "newest" | "supported" | "near";

/** A position as [lon, lat]. */
export type LonLat = readonly [number, number];

const isList = Array.isArray;

/** GET /api/ideas/map: the public pins inside a bbox (minLon, minLat, maxLon, maxLat). */
export async function fetchIdeaLayer(bbox: readonly [number, number, number, number], signal?: AbortSignal): Promise<IdeaLayer> {
  const body = await getJson(`/api/ideas/map?bbox=${bbox.map((n) => Number(n.toFixed(6))).join(",")}`, signal);
  field(body, "features", isList);
  return body as IdeaLayer;
}

/** The query string of the public list. */
export function listSearch(sort: IdeaSort, options: { region?: string; near?: LonLat | null; kind?: IdeaKind; limit?: number } = {}): string {
  const params = new URLSearchParams({ sort });
  if (options.region) params.set("region", options.region);
  if (sort === "near" && options.near) params.set("near", formatLatLon(options.near));
  if (options.kind) params.set("kind", options.kind);
  if (options.limit) params.set("limit", String(options.limit));
  return params.toString();
}

/** GET /api/ideas: the public list in an order. */
export async function fetchIdeas(search: string, signal?: AbortSignal): Promise<{ ideas: PublicIdea[]; total: number }> {
  const body = await getJson(`/api/ideas?${search}`, signal);
  return { ideas: field(body, "ideas", isList), total: field(body, "total") };
}

/** GET /api/ideas/{id}: the card and its dated history. */
export async function fetchIdea(id: string): Promise<{ idea: PublicIdea; history: IdeaStep[] }> {
  const body = await getJson(`/api/ideas/${segment(id)}`);
  return { idea: field(body, "idea"), history: field(body, "history", isList) };
}

/** POST /api/ideas: the idea as the author sees it (its status, and the public point others will see). */
export const postIdea = (input: IdeaInput) => sendField<OwnIdea>("POST", "/api/ideas", input, "idea");

/** POST /api/ideas/{id}/photos: one photo, in its own type. */
export const addIdeaPhoto = (id: string, file: Blob) => send("POST", `/api/ideas/${segment(id)}/photos`, file, { "content-type": file.type || "application/octet-stream" });

/** POST /api/ideas/{id}/drawing: the one drawing, in its own type. */
export const addIdeaDrawing = (id: string, file: Blob) => send("POST", `/api/ideas/${segment(id)}/drawing`, file, { "content-type": file.type || "application/octet-stream" });

/** POST /api/ideas/{id}/support: 我也想要, or taking it back. */
export async function support(id: string, on: boolean): Promise<{ supportCount: number; supportedByMe: boolean }> {
  const body = await send("POST", `/api/ideas/${segment(id)}/support`, { support: on } satisfies SupportInput);
  return { supportCount: field(body, "supportCount"), supportedByMe: field(body, "supportedByMe") };
}

export const fetchComments = (id: string) => getField<IdeaComment[]>(`/api/ideas/${segment(id)}/comments`, "comments", isList);
export const postComment = (id: string, body: string) => sendField<IdeaComment>("POST", `/api/ideas/${segment(id)}/comments`, { body } satisfies IdeaCommentInput, "comment");

/** GET /api/ideas/mine: my ideas (and a guardian's children's), every status. */
export const fetchMyIdeas = () => getField<OwnIdea[]>("/api/ideas/mine", "ideas", isList);
export const withdrawIdea = (id: string) => send("DELETE", `/api/ideas/${segment(id)}`);

/** GET /api/ideas/notifications. */
export async function fetchNotifications(): Promise<{ notifications: IdeaNotification[]; unread: number }> {
  const body = await getJson("/api/ideas/notifications");
  return { notifications: field(body, "notifications", isList), unread: field(body, "unread") };
}
export const markNotificationsRead = (upTo: string) => send("POST", "/api/ideas/notifications/read", { upTo });

/** GET /api/ideas/accountability. */
export async function fetchAccountability(region?: string): Promise<Accountability> {
  const body = await getJson(`/api/ideas/accountability${region ? `?region=${segment(region)}` : ""}`);
  field(body, "byUnit", isList);
  return body as Accountability;
}
