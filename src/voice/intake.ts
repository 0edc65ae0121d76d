/**
 * How the rest of the voice domain hands something to a unit: a council's decision enters
 * the same accountability path as a child's idea (triage to a plan task and its lead unit,
 * the unit's dated answers, notifications, overdue). The ideas part implements it; councils
 * and polls only call it.
 */
export interface CouncilDecision {
  councilId: string;
  sessionId: string;
  /** The staff or organiser account that sends it. */
  sentBy: string;
  title: string;
  text: string;
  /** One of the idea kinds (play space, shade, toilet...). */
  kind: string;
  regionId: string;
  placeId: string | null;
  /** A public point (already not a child's home), or null. */
  point: { lon: number; lat: number } | null;
}

export interface IdeaIntake {
  /** Files a council decision as an idea awaiting triage; answers the idea's id. */
  fromCouncil(decision: CouncilDecision): Promise<{ ideaId: string }>;
}
