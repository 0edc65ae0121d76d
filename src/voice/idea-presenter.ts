/**
 * How an idea is shown, by who is looking. Everyone: the public point, a nickname (never who
 * the author is), the stage in a child's words. The author, their guardian and staff: also
 * the moderation status and why it was held. Staff lists: also the exact point, for routing.
 */
import { IDEA_STAGE_LABELS } from "../core/api/voice.ts";
import type { IdeaStep } from "./idea-records.ts";
import { isOverdue } from "./idea-stages.ts";
import type { StoredIdea } from "./idea-store.ts";

/** What presenting needs besides the idea: names of units and districts, the deadline. */
export interface PresentContext {
  unitName(id: string | null): string | null;
  districtName(code: string | null): string | null;
  deadlineDays: number;
  now: string;
}

const photoUrl = (id: string) => `/api/idea-photos/${id}`;

export function publicIdea(idea: StoredIdea, context: PresentContext, supportedByMe = false) {
  const drawing = idea.photos.find((p) => p.role === "drawing");
  return {
    id: idea.id,
    kind: idea.kind,
    title: idea.title,
    text: idea.body,
    nickname: idea.authorName,
    byChild: idea.authorKind === "child",
    byCouncil: idea.authorKind === "council",
    regionId: idea.regionId,
    placeId: idea.placeId,
    placeName: idea.placeName,
    district: context.districtName(idea.districtCode),
    lat: idea.lat,
    lon: idea.lon,
    stage: idea.stage,
    stageLabel: IDEA_STAGE_LABELS[idea.stage],
    mergedInto: idea.mergedInto,
    taskNumber: idea.taskNumber,
    unitId: idea.unitId,
    unitName: context.unitName(idea.unitId),
    supportCount: idea.supportCount,
    supportedByMe,
    commentCount: idea.commentCount,
    photos: idea.photos.filter((p) => p.role === "photo").map((p) => photoUrl(p.id)),
    drawing: drawing ? photoUrl(drawing.id) : null,
    resultPhotos: idea.photos.filter((p) => p.role === "result").map((p) => photoUrl(p.id)),
    createdAt: idea.createdAt.slice(0, 10),
    publishedAt: idea.publishedAt,
    overdue: isOverdue(idea, context.now, context.deadlineDays),
  };
}

export function ownIdea(idea: StoredIdea, context: PresentContext, supportedByMe = false) {
  return { ...publicIdea(idea, context, supportedByMe), status: idea.status, holdReasons: idea.holdReasons, statusAt: idea.statusAt };
}

export function staffIdea(idea: StoredIdea, context: PresentContext) {
  return { ...ownIdea(idea, context), exactLat: idea.exactLat, exactLon: idea.exactLon, answeredAt: idea.firstAnswerAt };
}

/** The dated history; a step names its unit, never the staff member who wrote it. */
export function historyOf(steps: readonly IdeaStep[], context: PresentContext) {
  return steps.map((s) => ({ stage: s.stage, stageLabel: IDEA_STAGE_LABELS[s.stage], at: s.at, text: s.body, by: s.dueBy, unitId: s.unitId, unitName: context.unitName(s.unitId) }));
}
