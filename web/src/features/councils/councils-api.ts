/**
 * Client of the children's councils API (/api/councils…): councils with their sessions
 * (agenda, minutes, attendance counts, decisions), the moderated thread of an agenda item,
 * a guardian enrolling a child, and the organiser's changes. Shapes are the contract's
 * (src/core/api/councils.ts), types only.
 */
import type {
  CouncilAnswer, CouncilDecisionInput, CouncilPostAnswer, CouncilPostInput, JoinCouncilInput, NewCouncilInput, SessionAnswer,
  SessionPlanInput, SessionRecordInput,
} from "../../../../src/core/api/councils.ts";
import { getJson } from "../../shared/api.ts";
import { field, getField, send, segment } from "../../shared/http.ts";

export type Council = CouncilAnswer;
export type Session = SessionAnswer;
export type CouncilPost = CouncilPostAnswer;

const isList = Array.isArray;

export function fetchCouncils(region?: string): Promise<Council[]> {
  return getField<Council[]>(`/api/councils${region ? `?region=${segment(region)}` : ""}`, "councils", isList);
}

/** GET /api/councils/{id}: the council and its sessions (a planned one's time and place only for insiders). */
export async function fetchCouncil(id: string): Promise<{ council: Council; sessions: Session[] }> {
  const body = await getJson(`/api/councils/${segment(id)}`);
  return { council: field(body, "council"), sessions: field(body, "sessions", isList) };
}

export const fetchPosts = (councilId: string, itemId: string) => getField<CouncilPost[]>(`/api/councils/${segment(councilId)}/items/${segment(itemId)}/posts`, "posts", isList);
export const postToItem = async (councilId: string, itemId: string, body: string): Promise<CouncilPost> =>
  field<CouncilPost>(await send("POST", `/api/councils/${segment(councilId)}/items/${segment(itemId)}/posts`, { body } satisfies CouncilPostInput), "post");
export const joinCouncil = (councilId: string, input: JoinCouncilInput) => send("POST", `/api/councils/${segment(councilId)}/members`, input);

export const createCouncil = async (input: NewCouncilInput): Promise<Council> => field<Council>(await send("POST", "/api/councils", input), "council");
export const planSession = async (councilId: string, input: SessionPlanInput): Promise<Session> => field<Session>(await send("POST", `/api/councils/${segment(councilId)}/sessions`, input), "session");
export const recordSession = async (councilId: string, sessionId: string, input: SessionRecordInput): Promise<Session> =>
  field<Session>(await send("POST", `/api/councils/${segment(councilId)}/sessions/${segment(sessionId)}/record`, input), "session");
export const recordDecision = (councilId: string, input: CouncilDecisionInput) => send("POST", `/api/councils/${segment(councilId)}/decisions`, input);
export const sendDecision = (councilId: string, decisionId: string) => send("POST", `/api/councils/${segment(councilId)}/decisions/${segment(decisionId)}/send`, {});
