/**
 * Client of the polls API (/api/polls…): the list, one poll with my vote and (once closed)
 * its results, voting and taking a vote back, and for staff starting, closing and giving an
 * option a picture. Shapes are the contract's (src/core/api/polls.ts), types only.
 */
import type { NewPollInput, PollAnswer, VoteInput } from "../../../../src/core/api/polls.ts";
import { getJson } from "../../shared/api.ts";
import { field, getField, send, segment } from "../../shared/http.ts";

export type Poll = PollAnswer;

const isList = Array.isArray;
const pollOf = (body: unknown): Poll => field<Poll>(body, "poll");

/** GET /api/polls, optionally of one region or state. */
export function fetchPolls(options: { region?: string; state?: "open" | "closed" } = {}): Promise<Poll[]> {
  const params = new URLSearchParams();
  if (options.region) params.set("region", options.region);
  if (options.state) params.set("state", options.state);
  const query = params.toString();
  return getField<Poll[]>(`/api/polls${query ? `?${query}` : ""}`, "polls", isList);
}

export const fetchPoll = async (id: string): Promise<Poll> => pollOf(await getJson(`/api/polls/${segment(id)}`));
export const vote = async (id: string, optionId: string): Promise<Poll> => pollOf(await send("POST", `/api/polls/${segment(id)}/vote`, { optionId } satisfies VoteInput));
export const unvote = async (id: string): Promise<Poll> => pollOf(await send("DELETE", `/api/polls/${segment(id)}/vote`));
export const startPoll = async (input: NewPollInput): Promise<Poll> => pollOf(await send("POST", "/api/polls", input));
export const closePoll = async (id: string): Promise<Poll> => pollOf(await send("POST", `/api/polls/${segment(id)}/close`, {}));
