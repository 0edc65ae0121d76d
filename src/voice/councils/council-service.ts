/**
 * Councils' rules. An organiser (a unit user, an admin, later the "organiser" role) runs a
 * council: plans sessions and their agenda, records minutes and attendance counts by age
 * band, records decisions and sends them to a unit through the ideas' intake. A guardian
 * enrols their child with the council's consent scope; the child members discuss agenda
 * items in a pre-moderated thread. Texts that become public (minutes, decisions) are checked
 * as if a child wrote them, so personal information never reaches the public record.
 */
import { type Member, type MemberGuard, type StaffUser, recordAudit } from "../../accounts/index.ts";
import { COUNCIL_CONSENT_SCOPE, type AgeBand } from "../../core/api/councils-vocabulary.ts";
import type { CouncilDecisionFields, NewCouncil, SessionPlan } from "../../core/api/councils.ts";
import { CHILD_PRIVACY_VERSION } from "../../core/child-privacy.ts";
import { type Database, isUniqueViolation } from "../../platform/database/database.ts";
import { ApiError, say } from "../../platform/errors.ts";
import { type Guard, refusalError, refusalOf } from "../../safety/index.ts";
import type { IdeaIntake } from "../intake.ts";
import type { CouncilPostStore, StoredPost } from "./council-posts.ts";
import type { CouncilStore, StoredCouncil, StoredDecision, StoredSession } from "./council-store.ts";
import { runs } from "./organisers.ts";

/** What the service asks of the rest of the app. */
export interface CouncilWorld {
  db: Database;
  guard: Guard;
  intake: IdeaIntake;
  members: MemberGuard;
  hasRegion(id: string): boolean;
  divisionName(code: string | null): string | null;
  placeExists(id: string): boolean;
  pollExists(id: string): Promise<boolean>;
}

const councilNotFound = () => ApiError.notFound(say("这个议事会", "council"));
const sessionNotFound = () => ApiError.notFound(say("这次议事活动", "session"));
const MODERATING = new Set(["moderator", "admin"]);

export class CouncilService {
  constructor(private readonly councils: CouncilStore, private readonly posts: CouncilPostStore, private readonly world: CouncilWorld) {}

  async create(user: StaffUser, input: NewCouncil): Promise<StoredCouncil> {
    if (!this.world.hasRegion(input.regionId)) throw ApiError.invalid("regionId", say("没有这个地区", "no such region"));
    if (input.divisionCode && !this.world.divisionName(input.divisionCode)) throw ApiError.invalid("divisionCode", say("没有这个区划", "no such division"));
    if (input.placeId && !this.world.placeExists(input.placeId)) throw ApiError.invalid("placeId", say("没有这个地点", "no such place"));
    const id = await this.councils.insert({ ...input, organiserId: user.id, organiserUnit: user.unitId });
    return (await this.councils.get(id))!;
  }

  async get(id: string): Promise<StoredCouncil> {
    const council = await this.councils.get(id);
    if (!council) throw councilNotFound();
    return council;
  }

  /** The council `user` runs; 404 when there is none, 403 for staff who do not run it. */
  async organise(user: StaffUser, id: string): Promise<StoredCouncil> {
    const council = await this.get(id);
    if (!this.runsCouncil(user, council)) throw ApiError.forbidden(say("只有这个议事会的组织者可以这样做", "only this council's organiser may do this"));
    return council;
  }

  runsCouncil(user: StaffUser | null, council: StoredCouncil): boolean {
    return user !== null && runs(user, council.organiserId, council.organiserUnit);
  }

  /** A guardian enrols their child, agreeing to the council's consent scope under the current privacy rules. */
  async join(guardian: Member, councilId: string, input: { childId: string; consent: { policyVersion: string } }): Promise<void> {
    const child = await this.world.members.childOf(guardian, input.childId);
    const council = await this.get(councilId);
    if (input.consent.policyVersion !== CHILD_PRIVACY_VERSION) throw ApiError.conflict(say("儿童个人信息保护规则已更新，请阅读新版本后再同意", "the child privacy rules have changed; read the new version and agree again"), "consent.policyVersion");
    try {
      await this.world.db.transaction((tx) => this.councils.join(tx, { councilId: council.id, childId: child.id, guardianId: guardian.id, scope: COUNCIL_CONSENT_SCOPE, policyVersion: input.consent.policyVersion }));
    } catch (error) {
      if (isUniqueViolation(error)) throw ApiError.conflict(say("孩子已经是这个议事会的成员了", "the child is already a member of this council"));
      throw error;
    }
  }

  /** The guardian takes the child out; the withdrawal is recorded. The child's posts stay theirs to withdraw. */
  async leave(guardian: Member, councilId: string, childId: string): Promise<void> {
    const child = await this.world.members.childOf(guardian, childId);
    const membership = await this.councils.membership(councilId, child.id);
    if (!membership) throw ApiError.notFound(say("这个议事会里的孩子", "child in this council"));
    await this.world.db.transaction((tx) => this.councils.leave(tx, { councilId, childId: child.id, guardianId: guardian.id, scope: COUNCIL_CONSENT_SCOPE, policyVersion: CHILD_PRIVACY_VERSION }));
  }

  /** The members, as their organiser sees them (nickname and age band); an access to minors' data, logged. */
  async members(user: StaffUser, councilId: string, describe: (memberId: string) => Promise<{ nickname: string; birthYear: number | null } | null>) {
    const council = await this.organise(user, councilId);
    const memberships = await this.councils.members(council.id);
    await recordAudit(this.world.db, { userId: user.id, action: "minor_data.read", target: `council:${council.id}`, detail: { members: memberships.length } });
    const listed = await Promise.all(memberships.map(async (m) => ({ membership: m, member: await describe(m.memberId) })));
    return listed.flatMap(({ membership, member }) => (member ? [{ ...membership, nickname: member.nickname, birthYear: member.birthYear }] : []));
  }

  async planSession(user: StaffUser, councilId: string, plan: SessionPlan): Promise<StoredSession> {
    const council = await this.organise(user, councilId);
    await this.checkAgenda(plan);
    const id = await this.councils.insertSession(council.id, user.id, plan);
    return (await this.councils.session(council.id, id))!;
  }

  async replanSession(user: StaffUser, councilId: string, sessionId: string, plan: SessionPlan): Promise<StoredSession> {
    const council = await this.organise(user, councilId);
    const session = await this.session(council.id, sessionId);
    if (session.state !== "planned") throw ApiError.conflict(say("这次活动已经举行或取消了，不能再修改安排", "this session was held or cancelled; its plan cannot change"));
    await this.checkAgenda(plan);
    await this.councils.replanSession(session.id, plan);
    return this.session(council.id, session.id);
  }

  private async checkAgenda(plan: SessionPlan): Promise<void> {
    if (plan.placeId && !this.world.placeExists(plan.placeId)) throw ApiError.invalid("placeId", say("没有这个地点", "no such place"));
    const titles = new Set<string>();
    for (const [i, item] of plan.agenda.entries()) {
      if (titles.has(item.title)) throw ApiError.invalid(`agenda.${i}.title`, say("议题的标题不能重复", "agenda titles must differ"));
      titles.add(item.title);
      this.publicText(`${item.title}\n${item.text}`, `agenda.${i}.text`);
      if (item.kind === "poll" && !(await this.world.pollExists(item.refId ?? ""))) throw ApiError.invalid(`agenda.${i}.refId`, say("没有这个投票", "no such poll"));
    }
  }

  async recordSession(user: StaffUser, councilId: string, sessionId: string, record: { state: "held" | "cancelled"; minutes: string; attendance: Record<AgeBand, number> }): Promise<StoredSession> {
    const council = await this.organise(user, councilId);
    const session = await this.session(council.id, sessionId);
    this.publicText(record.minutes, "minutes");
    if (!(await this.councils.recordSession(session.id, record))) throw ApiError.conflict(say("这次活动已经记录过了", "this session was recorded already"));
    return this.session(council.id, session.id);
  }

  async session(councilId: string, sessionId: string): Promise<StoredSession> {
    const session = await this.councils.session(councilId, sessionId);
    if (!session) throw sessionNotFound();
    return session;
  }

  /** Whether the caller may see a planned session's time and place and the threads: members, their guardians, its organisers, moderators. */
  async insider(councilId: string, member: Member | null, staff: StaffUser | null): Promise<boolean> {
    if (staff && MODERATING.has(staff.role)) return true;
    if (staff && this.runsCouncil(staff, await this.get(councilId))) return true;
    return member !== null && (await this.councils.belongs(councilId, member.id));
  }

  /** An agenda item's thread, for insiders only (404 for others); a moderator's or organiser's look at children's posts is logged. */
  async thread(councilId: string, itemId: string, member: Member | null, staff: StaffUser | null): Promise<StoredPost[]> {
    const item = await this.councils.item(itemId);
    if (!item || item.councilId !== councilId || !(await this.insider(councilId, member, staff))) throw ApiError.notFound(say("这个议题", "agenda item"));
    if (staff && !member) {
      const posts = await this.posts.thread(item.id, [], MODERATING.has(staff.role));
      if (posts.some((p) => p.authorIsMinor)) await recordAudit(this.world.db, { userId: staff.id, action: "minor_data.read", target: `council_item:${item.id}`, detail: { posts: posts.length } });
      return posts;
    }
    const children = member?.kind === "adult" ? (await this.councils.members(councilId)).filter((m) => m.guardianId === member.id).map((m) => m.memberId) : [];
    return this.posts.thread(item.id, member ? [member.id, ...children] : []);
  }

  /** The agenda item `member` may post on: 404 unless they are a member of its council, 409 when its session was cancelled. */
  async postable(member: Member, councilId: string, itemId: string) {
    const item = await this.councils.item(itemId);
    if (!item || item.councilId !== councilId || !(await this.councils.membership(councilId, member.id))) throw ApiError.notFound(say("这个议题", "agenda item"));
    if (item.sessionState === "cancelled") throw ApiError.conflict(say("这次活动取消了，不能再讨论", "this session was cancelled; its items are closed"));
    return item;
  }

  /** A child member's post: refused (422) if blocked or personal, else pending until a moderator approves it. */
  async post(member: Member, councilId: string, itemId: string, body: string): Promise<StoredPost> {
    const item = await this.postable(member, councilId, itemId);
    const checked = this.world.guard.check(body, member.kind);
    const refusal = refusalOf(checked, member.kind);
    if (refusal) throw refusalError(refusal, checked, "body");
    const holdReasons = checked.reasons.map((r) => ({ kind: r.kind, category: r.category ?? null, start: r.start, end: r.end }));
    const id = await this.posts.insert({ itemId: item.id, councilId, memberId: member.id, body, holdReasons });
    return (await this.posts.get(id))!;
  }

  /** Withdraws a post by its author, or by the author's guardian (`child`); 404 for anyone else. */
  async withdraw(member: Member, councilId: string, postId: string, child?: Member): Promise<void> {
    const post = await this.posts.get(postId);
    if (!post || post.councilId !== councilId || post.memberId !== (child ?? member).id || post.status === "withdrawn") throw ApiError.notFound(say("这条发言", "post"));
    await this.posts.setStatus(post.id, "withdrawn");
  }

  async decide(user: StaffUser, councilId: string, input: CouncilDecisionFields): Promise<StoredDecision> {
    const council = await this.organise(user, councilId);
    const session = await this.councils.session(council.id, input.sessionId);
    if (!session) throw ApiError.invalid("sessionId", say("这个议事会没有这次活动", "no such session of this council"));
    if (input.placeId && !this.world.placeExists(input.placeId)) throw ApiError.invalid("placeId", say("没有这个地点", "no such place"));
    this.publicText(`${input.title}\n${input.text}`, "text");
    const id = await this.councils.insertDecision({ councilId: council.id, sessionId: session.id, title: input.title, text: input.text, kind: input.kind, placeId: input.placeId, point: input.point }, user.id);
    return (await this.councils.decision(council.id, id))!;
  }

  /** Files the decision with the ideas' intake (triage to a task and its lead unit, then the unit's answers), once. */
  async send(user: StaffUser, councilId: string, decisionId: string): Promise<StoredDecision> {
    const council = await this.organise(user, councilId);
    const decision = await this.councils.decision(council.id, decisionId);
    if (!decision) throw ApiError.notFound(say("这项决定", "decision"));
    if (!(await this.councils.claimForSending(decision.id))) throw ApiError.conflict(say("这项决定已经提交给单位了", "this decision was sent already"));
    try {
      const { ideaId } = await this.world.intake.fromCouncil({
        councilId: council.id, sessionId: decision.sessionId, sentBy: user.id, title: decision.title, text: decision.text,
        kind: decision.kind, regionId: council.regionId, placeId: decision.placeId, point: decision.point,
      });
      await this.councils.completeSending(decision.id, ideaId, user.id);
    } catch (error) {
      await this.councils.releaseClaim(decision.id);
      throw error;
    }
    return (await this.councils.decision(council.id, decision.id))!;
  }

  /** A text that becomes public: blocked words and personal information refused (422), checked as a child's. */
  private publicText(text: string, field: string): void {
    if (text.trim() === "") return;
    const checked = this.world.guard.check(text, "child");
    const refusal = refusalOf(checked, "child");
    if (refusal) throw refusalError(refusal, checked, field);
  }
}
