/**
 * Which answers a unit may give next, so the form offers only those (the server's rule,
 * src/voice/idea-stages.ts, decides; this mirrors it for the form): forward only, a step may
 * be skipped, under study and in progress may be repeated with news, done and not adopted
 * end it, and not adopted is no longer offered once work is in progress.
 */
import { IDEA_ANSWER_STAGES, type IdeaAnswerStage, type IdeaStage } from "../ideas/idea-kinds.ts";

const ORDER: Readonly<Record<IdeaStage, number>> = { new: 0, sent: 1, received: 2, under_study: 3, accepted: 4, in_progress: 5, done: 6, not_adopted: 6, merged: 6 };

/** The answers that may follow `stage`, in the usual order. */
export function nextAnswers(stage: IdeaStage): IdeaAnswerStage[] {
  if (stage === "new" || ORDER[stage] >= 6) return [];
  return IDEA_ANSWER_STAGES.filter((next) => {
    if (next === "not_adopted") return stage !== "in_progress";
    if (next === "under_study" || next === "in_progress") return ORDER[next] >= ORDER[stage];
    return ORDER[next] > ORDER[stage];
  });
}

/** A planner's site suggestion carried in the staff hash (`#polls?lat=…&lon=…&kind=…&minutes=…`), or null. */
export function pollSuggestion(hash: string): { lat: number; lon: number; kind: string | null; minutes: number | null } | null {
  const query = hash.split("?")[1];
  if (!query) return null;
  const params = new URLSearchParams(query);
  const lat = Number(params.get("lat"));
  const lon = Number(params.get("lon"));
  if (!params.has("lat") || !params.has("lon") || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const kind = params.get("kind");
  const minutes = Number(params.get("minutes"));
  return { lat, lon, kind: kind && /^[a-z_]{2,40}$/.test(kind) ? kind : null, minutes: Number.isInteger(minutes) && minutes >= 1 && minutes <= 60 ? minutes : null };
}

/** The staff hash that opens the poll form with a planner's suggestion. */
export function pollSuggestionHash(suggestion: { lat: number; lon: number; kind?: string | null; minutes?: number | null }): string {
  const params = new URLSearchParams({ lat: suggestion.lat.toFixed(6), lon: suggestion.lon.toFixed(6) });
  if (suggestion.kind) params.set("kind", suggestion.kind);
  if (suggestion.minutes) params.set("minutes", String(suggestion.minutes));
  return `#polls?${params.toString()}`;
}
