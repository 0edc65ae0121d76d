/**
 * How councils, sessions and posts are shown. Public: a council, a held session's record
 * (agenda, minutes, decisions, attendance counts by age band), published posts under
 * nicknames. A planned session's time and place are shown only to insiders (members, their
 * guardians, organisers, moderators), so nobody else learns where and when children meet.
 */
import type { CouncilAnswer, CouncilPostAnswer, SessionAnswer } from "../../core/api/councils.ts";
import type { StoredPost } from "./council-posts.ts";
import type { StoredCouncil, StoredDecision, StoredSession } from "./council-store.ts";

export function councilView(council: StoredCouncil, areaName: string | null, flags: { mine: boolean; organising: boolean }): CouncilAnswer {
  return {
    id: council.id, name: council.name, scope: council.scope, regionId: council.regionId, divisionCode: council.divisionCode, placeId: council.placeId,
    areaName, description: council.description, memberCount: council.memberCount, createdAt: council.createdAt.slice(0, 10), ...flags,
  };
}

export function decisionView(decision: StoredDecision): SessionAnswer["decisions"][number] {
  return {
    id: decision.id, sessionId: decision.sessionId, title: decision.title, text: decision.text, kind: decision.kind, placeId: decision.placeId,
    state: decision.state === "sent" ? "sent" : "recorded", ideaId: decision.ideaId, sentAt: decision.sentAt, createdAt: decision.createdAt,
  };
}

export function sessionView(session: StoredSession, decisions: readonly StoredDecision[], postCounts: ReadonlyMap<string, number>, insider: boolean): SessionAnswer {
  const shown = insider || session.state !== "planned";
  return {
    id: session.id,
    councilId: session.councilId,
    state: session.state,
    date: session.startsAt.slice(0, 10),
    startsAt: shown ? session.startsAt : null,
    place: shown ? session.place : null,
    placeId: shown ? session.placeId : null,
    agenda: session.agenda.map((item) => ({ id: item.id, kind: item.kind, refId: item.refId, title: item.title, text: item.text, postCount: postCounts.get(item.id) ?? 0 })),
    minutes: session.minutes,
    attendance: session.attendance,
    decisions: decisions.filter((d) => d.sessionId === session.id).map(decisionView),
  };
}

/** A post for `viewerIds` (the viewer and their children): the status only on their own, or for staff. */
export function postView(post: StoredPost, viewerIds: readonly string[], staff = false): CouncilPostAnswer {
  const mine = viewerIds.includes(post.memberId);
  return { id: post.id, itemId: post.itemId, nickname: post.nickname, body: post.body, createdAt: post.createdAt.slice(0, 10), ...(mine || staff ? { status: post.status } : {}), mine };
}
