/**
 * The people and things the councils' integration tests share: an organiser (a unit user
 * who runs the council), a unit user of another unit, a moderator and an admin; a guardian
 * whose child is a member and another family's guardian with a child; a council with a
 * planned session whose agenda has a free item and a poll; and the moderator's approval of
 * a post through whichever moderation serves the council posts.
 */
import { expect } from "vitest";
import { signedInAdult, signedInChild, signedInStaff } from "../../app/test-actors.ts";
import { CHILD_PRIVACY_VERSION } from "../../core/child-privacy.ts";
import { TestClient } from "../../platform/testing/http-client.ts";
import { COUNCIL_POST_TYPE } from "./council-posts.ts";
import type { VoiceWorld } from "./voice-test-world.ts";

export interface CouncilPeople {
  anonymous: TestClient;
  adult: TestClient;
  child: TestClient;
  childId: string;
  otherGuardian: TestClient;
  otherChild: TestClient;
  otherChildId: string;
  organiser: TestClient;
  unitUser: TestClient;
  moderator: TestClient;
  admin: TestClient;
}

export interface CouncilThings {
  councilId: string;
  sessionId: string;
  freeItemId: string;
  pollItemId: string;
  pollId: string;
}

/** The eight kinds of caller, with `prefix` keeping names and numbers apart between files. */
export async function councilPeople(t: VoiceWorld, prefix: string, serial: number): Promise<CouncilPeople> {
  const mobile = (n: number) => `139${String(serial).padStart(4, "0")}${String(n).padStart(4, "0")}`;
  const adult = await signedInAdult(t, mobile(1), "妈妈");
  const otherGuardian = await signedInAdult(t, mobile(2), "爸爸");
  const { client: child, id: childId } = await signedInChild(t, adult, `${prefix}kida`, "小星星");
  const { client: otherChild, id: otherChildId } = await signedInChild(t, otherGuardian, `${prefix}kidb`, "小月亮");
  return {
    anonymous: new TestClient(t.base, `10.66.${serial}.1`),
    adult, child, childId, otherGuardian, otherChild, otherChildId,
    organiser: await signedInStaff(t, `${prefix}.organiser`, "reporter", "city-education-bureau"),
    unitUser: await signedInStaff(t, `${prefix}.unit`, "reporter", "city-health-commission"),
    moderator: await signedInStaff(t, `${prefix}.moderator`, "moderator"),
    admin: await signedInStaff(t, `${prefix}.admin`, "admin"),
  };
}

/** A community council the organiser runs, the child enrolled, a planned session with two agenda items, and a poll. */
export async function councilThings(people: CouncilPeople): Promise<CouncilThings> {
  const made = await people.organiser.post("/api/councils", { name: "王江社区儿童议事会", scope: "community", regionId: "hengyang", divisionCode: "430405007006", description: "社区里的孩子们一起商量事情。" });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const councilId = (made.body["council"] as { id: string }).id;
  const joined = await people.adult.post(`/api/councils/${councilId}/members`, { childId: people.childId, consent: { decision: "agreed", policyVersion: CHILD_PRIVACY_VERSION } });
  expect(joined.status, JSON.stringify(joined.body)).toBe(201);
  const poll = await people.organiser.post("/api/polls", {
    question: "社区小广场装什么？", options: [{ label: "滑梯", icon: "slide" }, { label: "沙坑", icon: "sandpit" }], minAge: 6, maxAge: 14,
    regionId: "hengyang", divisionCode: "430405007006", closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), councilId,
  });
  expect(poll.status, JSON.stringify(poll.body)).toBe(201);
  const pollId = (poll.body["poll"] as { id: string }).id;
  const planned = await people.organiser.post(`/api/councils/${councilId}/sessions`, {
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), place: "社区儿童之家活动室",
    agenda: [{ kind: "free", title: "小广场缺少遮阴", text: "夏天太晒了。" }, { kind: "poll", refId: pollId, title: "小广场装什么" }],
  });
  expect(planned.status, JSON.stringify(planned.body)).toBe(201);
  const session = planned.body["session"] as { id: string; agenda: Array<{ id: string }> };
  return { councilId, sessionId: session.id, freeItemId: session.agenda[0]!.id, pollItemId: session.agenda[1]!.id, pollId };
}

/** A moderator approves a council post as they see it now. */
export async function approvePost(t: VoiceWorld, moderator: TestClient, postId: string): Promise<void> {
  if (t.moderation) {
    const me = (await moderator.get("/api/auth/me")).body as { user: { id: string } };
    const item = await t.moderation.item(COUNCIL_POST_TYPE, postId);
    await t.moderation.decide(me.user.id, COUNCIL_POST_TYPE, postId, { action: "approve", reason: "友善的发言", seenStatusAt: item.statusAt });
    return;
  }
  const item = await moderator.get(`/api/moderation/items/${COUNCIL_POST_TYPE}/${postId}`);
  expect(item.status, JSON.stringify(item.body)).toBe(200);
  const statusAt = (item.body["item"] as { statusAt: string }).statusAt;
  const decided = await moderator.post(`/api/moderation/items/${COUNCIL_POST_TYPE}/${postId}/decisions`, { action: "approve", reason: "友善的发言", seenStatusAt: statusAt });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
}
