/**
 * The pure parts of the ideas feature, tested without a browser: the pins the map draws (the
 * public layer and my own ideas, mine marked, never twice), the path an idea walks shown as
 * steps a child can follow (done, now, still to come); dates in the reader's language come
 * from shared/date-text.ts.
 */
import type { IdeaStage } from "../../../../src/core/api/voice.ts";
import type { IdeaPin } from "../../map/ideas-layer.ts";
import type { IdeaLayer, IdeaStep, OwnIdea } from "./ideas-api.ts";
import { KIND_LOOKS } from "./idea-kinds.ts";

/** The stages an idea walks through when all goes well, in order. */
export const PATH: readonly IdeaStage[] = ["new", "sent", "received", "under_study", "accepted", "in_progress", "done"];

/** One step of the path as the card shows it. */
export interface PathStep {
  readonly stage: IdeaStage;
  /** done: reached (with its date); now: the idea's stage; next: still to come. */
  readonly state: "done" | "now" | "next";
  readonly at: string | null;
  readonly text: string;
  readonly by: string | null;
  readonly unitName: string | null;
}

/**
 * The steps of an idea: every dated step of its history in order, then the stages still to
 * come on the usual path. An idea not adopted or merged ends there, with nothing to come.
 */
export function pathSteps(stage: IdeaStage, history: readonly IdeaStep[]): PathStep[] {
  const dated = [...history].sort((a, b) => a.at.localeCompare(b.at));
  const steps: PathStep[] = dated.map((step, index) => ({
    stage: step.stage,
    state: index === dated.length - 1 && step.stage === stage ? "now" : "done",
    at: step.at,
    text: step.text,
    by: step.by,
    unitName: step.unitName,
  }));
  if (steps.length === 0 || steps[steps.length - 1]!.stage !== stage) steps.push({ stage, state: "now", at: null, text: "", by: null, unitName: null });
  if (stage === "not_adopted" || stage === "merged" || stage === "done") return steps;
  const reached = PATH.indexOf(stage);
  for (const later of PATH.slice(reached + 1)) steps.push({ stage: later, state: "next", at: null, text: "", by: null, unitName: null });
  return steps;
}

/** A feature of the public layer or one of my ideas, as a pin. */
function pin(id: string, kind: keyof typeof KIND_LOOKS, lon: number, lat: number, mine: boolean, label: string): IdeaPin {
  return { id, lonLat: [lon, lat], color: KIND_LOOKS[kind].color, icon: kind, mine, label };
}

/**
 * The pins to draw: the public layer, and my own ideas (pending ones too, at the public
 * point the server gave them) marked as mine; an idea in both is drawn once, as mine.
 * Withdrawn and removed ideas of mine are left out.
 */
export function ideaPins(layer: IdeaLayer | null, mine: readonly OwnIdea[], label: (supports: number) => string): IdeaPin[] {
  const own = mine.filter((idea) => idea.status === "pending" || idea.status === "published" || idea.status === "hidden");
  const ownIds = new Set(own.map((idea) => idea.id));
  const pins = own.map((idea) => pin(idea.id, idea.kind, idea.lon, idea.lat, true, label(idea.supportCount)));
  for (const feature of layer?.features ?? []) {
    const { id, kind, supportCount } = feature.properties;
    if (ownIds.has(id)) continue;
    const [lon, lat] = feature.geometry.coordinates;
    pins.push(pin(id, kind, lon, lat, false, label(supportCount)));
  }
  return pins;
}

export { dateText } from "../../shared/date-text.ts";
