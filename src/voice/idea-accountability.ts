/**
 * From idea to decision. Staff send a public idea to a plan task and its lead unit (from
 * the plan in force) or merge it into another idea; the unit answers on the record, each
 * step dated and kept (idea-stages.ts says which step may follow which); the author, their
 * guardian and the supporters are told in "我的". A council's decision enters here too
 * (IdeaIntake), published at once and awaiting triage like a child's idea.
 */
import type { MemberStore, StaffUser } from "../accounts/index.ts";
import { recordAudit } from "../accounts/index.ts";
import type { IdeaAnswerStage, IdeaKind } from "../core/api/voice.ts";
import { IDEA_KINDS } from "../core/api/voice.ts";
import type { PlanSupervision } from "../plan/index.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import type { Guard } from "../safety/index.ts";
import { refusalError, refusalOf } from "../safety/index.ts";
import type { CouncilDecision, IdeaIntake } from "./intake.ts";
import { processIdeaPicture } from "./idea-photos.ts";
import type { IdeaRecords, NotificationEvent } from "./idea-records.ts";
import { answerProblem, daysBetween } from "./idea-stages.ts";
import { type IdeaStore, type StoredIdea, isPublic, layerIdea } from "./idea-store.ts";
import type { LiveIdeaLayer } from "./idea-layer.ts";
import { type PinFinder, dedupeKey } from "./idea-service.ts";

const notFound = () => ApiError.notFound(say("这个想法", "idea"));

const PROBLEMS = {
  not_sent: say("这个想法还没有转给单位", "this idea has not been sent to a unit yet"),
  final: say("这个想法已经有最终答复了", "this idea already has a final answer"),
  backwards: say("答复只能向前推进，不能退回", "answers move forward only"),
  needs_text: say("请写清楚（采纳时写要做什么，不采纳时写孩子看得懂的原因）", "write what will be done (accepted) or a reason a child can read (not adopted)"),
  needs_date: say("采纳时请写预计完成日期（by）", "an accepted idea needs the date it will be done by"),
  needs_result_photo: say("请先上传完成后的照片", "send a photo of the result first"),
} as const;

export class IdeaAccountability implements IdeaIntake {
  constructor(
    private readonly db: Database,
    private readonly store: IdeaStore,
    private readonly records: IdeaRecords,
    private readonly members: MemberStore,
    private readonly plan: PlanSupervision,
    private readonly guard: Guard,
    private readonly layer: LiveIdeaLayer,
    private readonly pins: PinFinder,
  ) {}

  /** The author (their guardian too, for a child) and, unless `authorOnly`, the supporters. */
  async recipients(idea: StoredIdea, tx: Queryable, authorOnly = false): Promise<Array<{ memberId: string; forChild: string | null }>> {
    const out: Array<{ memberId: string; forChild: string | null }> = [];
    if (idea.memberId) {
      out.push({ memberId: idea.memberId, forChild: null });
      const author = await this.members.get(idea.memberId);
      if (author?.guardianId) out.push({ memberId: author.guardianId, forChild: author.nickname });
    }
    if (!authorOnly) for (const id of await this.store.supporters(idea.id, tx)) out.push({ memberId: id, forChild: null });
    return out;
  }

  async notify(tx: Queryable, idea: StoredIdea, event: NotificationEvent, authorOnly = false): Promise<void> {
    await this.records.notify(tx, idea.id, event, event === "answer" ? idea.stage : null, await this.recipients(idea, tx, authorOnly));
  }

  /** Sends a public idea to a task's lead unit (by the idea's district when a lead is a group of districts). */
  async assign(staff: StaffUser, ideaId: string, taskNumber: number, unitId: string | undefined): Promise<StoredIdea> {
    const idea = await this.triageable(ideaId);
    const book = this.plan.book;
    const task = book?.task(taskNumber);
    if (!book || !task) throw new ApiError(400, "invalid_body", say(`规划里没有第 ${taskNumber} 项任务`, `the plan has no task ${taskNumber}`), "taskNumber");
    const units = book.plan.units;
    const allowed = task.leadUnitIds.flatMap((id) => [id, ...units.filter((u) => u.memberOf === id).map((u) => u.id)]);
    const byDistrict = units.find((u) => u.divisionCode !== undefined && u.divisionCode === idea.districtCode && allowed.includes(u.id))?.id;
    const chosen = unitId ?? byDistrict ?? task.leadUnitIds[0]!;
    if (!allowed.includes(chosen)) throw new ApiError(400, "invalid_body", say("这个单位不是该任务的牵头单位", "this unit does not lead the task"), "unitId");
    await this.db.transaction(async (tx) => {
      await this.store.setStage(tx, idea.id, "sent", { taskNumber, unitId: chosen });
      await this.records.addStep(tx, idea.id, { stage: "sent", body: "", dueBy: null, unitId: chosen, staffId: staff.id });
      await this.notify(tx, idea, "triaged");
      await recordAudit(tx, { userId: staff.id, action: "idea.triage", target: `idea:${idea.id}`, detail: { taskNumber, unitId: chosen } });
    });
    return this.applied(idea.id);
  }

  /** Merges an idea into another public one, which takes on its supports (and its author as a supporter). */
  async merge(staff: StaffUser, ideaId: string, into: string): Promise<StoredIdea> {
    const idea = await this.triageable(ideaId);
    const target = await this.store.get(into);
    if (!target || !isPublic(target) || target.id === idea.id) throw new ApiError(400, "invalid_body", say("要合并到的想法不存在或不公开", "the idea to merge into is not a public idea"), "into");
    await this.db.transaction(async (tx) => {
      await this.store.setStage(tx, idea.id, "merged", { mergedInto: target.id });
      await this.records.addStep(tx, idea.id, { stage: "merged", body: target.title, dueBy: null, unitId: target.unitId, staffId: staff.id });
      if (idea.memberId && idea.memberId !== target.memberId) await tx.run("INSERT INTO idea_supports (idea_id, member_id, created_at) VALUES (?, ?, ?) ON CONFLICT (idea_id, member_id) DO NOTHING", [idea.id, idea.memberId, new Date().toISOString()]);
      await this.store.moveSupports(tx, idea.id, target.id);
      await this.notify(tx, idea, "merged");
      await recordAudit(tx, { userId: staff.id, action: "idea.merge", target: `idea:${idea.id}`, detail: { into: target.id } });
    });
    await this.applied(target.id);
    return this.applied(idea.id);
  }

  private async triageable(ideaId: string): Promise<StoredIdea> {
    const idea = await this.store.get(ideaId);
    if (!idea || !isPublic(idea)) throw notFound();
    if (idea.stage !== "new") throw ApiError.conflict(say("这个想法已经处理过了", "this idea has already been triaged"));
    return idea;
  }

  /** Whether this staff member answers for the idea's unit: its reporters (or its group's), or an administrator. */
  private answersFor(staff: StaffUser, idea: StoredIdea): boolean {
    if (staff.role === "admin") return true;
    if (staff.role !== "reporter" || !staff.unitId || !idea.unitId) return false;
    return (this.plan.book?.unitAndGroups(idea.unitId) ?? [idea.unitId]).includes(staff.unitId);
  }

  /** The unit's next dated step. */
  async answer(staff: StaffUser, ideaId: string, input: { stage: IdeaAnswerStage; text: string; by?: string | undefined }): Promise<StoredIdea> {
    const idea = await this.store.get(ideaId);
    if (!idea || !isPublic(idea)) throw notFound();
    if (!this.answersFor(staff, idea)) throw ApiError.forbidden(say("只有负责这个想法的单位可以答复", "only the unit the idea was sent to may answer"));
    const problem = answerProblem(idea.stage, input, idea.photos.some((p) => p.role === "result"));
    if (problem) throw new ApiError(problem.problem === "needs_text" || problem.problem === "needs_date" ? 400 : 409, problem.problem === "needs_text" || problem.problem === "needs_date" ? "invalid_body" : "conflict", PROBLEMS[problem.problem], problem.problem === "needs_date" ? "by" : problem.problem === "needs_text" ? "text" : null);
    if (input.text) {
      const checked = this.guard.check(input.text, "adult");
      const refusal = refusalOf(checked, "adult");
      if (refusal) throw refusalError(refusal, checked, "text");
    }
    const now = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      const first = idea.firstAnswerAt === null ? { answered: true, firstAnswerDays: daysBetween(idea.publishedAt ?? idea.createdAt, now) } : {};
      await this.store.setStage(tx, idea.id, input.stage, { ...first, done: input.stage === "done" });
      await this.records.addStep(tx, idea.id, { stage: input.stage, body: input.text, dueBy: input.by ?? null, unitId: idea.unitId, staffId: staff.id });
      await this.notify(tx, { ...idea, stage: input.stage }, "answer");
      await recordAudit(tx, { userId: staff.id, action: "idea.answer", target: `idea:${idea.id}`, detail: { stage: input.stage } });
    });
    return this.applied(idea.id);
  }

  /** A photo of the result, before the unit answers done. */
  async resultPhoto(staff: StaffUser, ideaId: string, upload: Buffer): Promise<StoredIdea> {
    const idea = await this.store.get(ideaId);
    if (!idea || !isPublic(idea)) throw notFound();
    if (!this.answersFor(staff, idea)) throw ApiError.forbidden(say("只有负责这个想法的单位可以上传", "only the unit the idea was sent to may send this"));
    if (idea.photos.filter((p) => p.role === "result").length >= 3) throw ApiError.conflict(say("最多 3 张完成照片", "at most 3 result photos"));
    const picture = await processIdeaPicture(upload, "photo");
    if (!picture.ok) throw new ApiError(415, "unsupported_media_type", say("请发送 JPEG、PNG 或 WebP 格式的照片", "send a JPEG, PNG or WebP photo"));
    await this.store.addPhoto(idea.id, "result", picture);
    return this.applied(idea.id);
  }

  /** A council's decision, filed as a public idea awaiting triage. */
  async fromCouncil(decision: CouncilDecision): Promise<{ ideaId: string }> {
    const kind = (IDEA_KINDS as readonly string[]).includes(decision.kind) ? (decision.kind as IdeaKind) : "other";
    for (const [field, text] of [["title", decision.title], ["text", decision.text]] as const) {
      const checked = this.guard.check(text, "adult");
      const refusal = refusalOf(checked, "adult");
      if (refusal) throw refusalError(refusal, checked, field);
    }
    const place = decision.placeId ? this.pins.place(decision.placeId) : null;
    if (decision.placeId && !place) throw ApiError.notFound(say("这个地点", "place"));
    const point = place ?? decision.point;
    const id = await this.store.insert({
      memberId: null, authorKind: "council", authorName: "儿童议事厅", council: { councilId: decision.councilId, sessionId: decision.sessionId, sentBy: decision.sentBy },
      kind, title: decision.title.slice(0, 40), body: decision.text, dedupeKey: dedupeKey(`${decision.councilId}\n${decision.sessionId}\n${decision.title}`),
      regionId: place?.regionId ?? decision.regionId, placeId: decision.placeId, placeName: place?.name ?? null, districtCode: place?.districtCode ?? null,
      lon: point?.lon ?? 0, lat: point?.lat ?? 0, onMap: point !== null, exactLon: null, exactLat: null,
      status: "published", holdReasons: [],
    });
    await this.applied(id);
    return { ideaId: id };
  }

  /** Reads the idea back and puts it on (or off) this instance's layer. */
  async applied(id: string): Promise<StoredIdea> {
    const idea = (await this.store.get(id))!;
    this.layer.apply(layerIdea(idea), isPublic(idea));
    return idea;
  }
}
