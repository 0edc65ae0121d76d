/**
 * The staff side of the ideas API: ideas awaiting triage, sending one to a plan task's lead
 * unit or merging it, the ideas sent to the signed-in unit, its dated answers and the result
 * photo. Shapes are the contract's (src/core/api/voice.ts), types only.
 */
import type { z } from "zod";
import type { IdeaAnswerInput, TriageInput, staffIdeaAnswer } from "../../../../src/core/api/voice.ts";
import { field, getField, send, segment } from "../../shared/http.ts";

/** An idea as staff see it: the exact point (for routing) beside the public one. */
export type StaffIdea = z.infer<typeof staffIdeaAnswer>;

const isList = Array.isArray;

export const fetchTriage = () => getField<StaffIdea[]>("/api/ideas/triage", "ideas", isList);
export const fetchAssigned = () => getField<StaffIdea[]>("/api/ideas/assigned", "ideas", isList);
export const triage = (id: string, input: TriageInput) => send("POST", `/api/ideas/${segment(id)}/triage`, input);
export const answer = (id: string, input: IdeaAnswerInput) => send("POST", `/api/ideas/${segment(id)}/answers`, input);
export async function addResultPhoto(id: string, file: Blob): Promise<void> {
  field(await send("POST", `/api/ideas/${segment(id)}/result-photo`, file, { "content-type": file.type || "application/octet-stream" }), "idea");
}
