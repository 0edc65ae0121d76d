/**
 * What staff do with school-route projects (学径改造), each step checked before anything is
 * written: the input's shape (the contract's zod schemas), the plan (the unit exists and
 * carries the school-route task; a district unit's project lies in its own county), the
 * caller (a reporter writes its own unit's projects only) and the status (a completed
 * project has a completion date and at least one measure). Each write is one transaction
 * with its audit entry; a write naming a version that is no longer current is a 409.
 */
import { recordAudit, type StaffUser } from "../accounts/index.ts";
import {
  MAX_PROJECT_PHOTOS_PER_STAGE, type SchoolProject, type SchoolProjectPhotoStage, type SchoolProjectSummary,
  newSchoolProjectSchema, schoolProjectPatchSchema,
} from "../core/api/school-projects.ts";
import type { Database, Queryable } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import { checkEvidence, cleanEvidence } from "./evidence-files.ts";
import { cityToday } from "./periods.ts";
import type { PlanBook } from "./plan-book.ts";
import type { ReportValue } from "./report-store.ts";
import { type SchoolProjectFields, type SchoolProjectFilter, SchoolProjectStore } from "./school-projects-store.ts";
import { type CompletedCrossing, completedCrossings, indicatorValues, schoolRouteTask, summarize } from "./school-projects-summary.ts";
import { requirePlan } from "./supervision-service.ts";

/** Roles that write any unit's projects (the working group); others write their own unit's. */
const ANY_UNIT = new Set(["admin", "reviewer"]);

export class SchoolProjectService {
  readonly store: SchoolProjectStore;

  constructor(private readonly db: Database, private readonly book: () => PlanBook | null, private readonly today: () => string = cityToday) {
    this.store = new SchoolProjectStore(db);
  }

  list(filter: SchoolProjectFilter): Promise<SchoolProject[]> {
    return this.store.list(filter);
  }

  async read(id: string): Promise<SchoolProject> {
    const project = await this.store.get(id);
    if (!project) throw ApiError.notFound(say("学径改造项目", "school-route project"));
    return project;
  }

  async create(user: StaffUser, input: unknown): Promise<SchoolProject> {
    const body = parseRequest(newSchoolProjectSchema, input);
    const fields = this.checked(user, body);
    const id = await this.db.transaction(async (tx) => {
      const created = await this.store.create(tx, fields, user.id);
      await recordAudit(tx, { userId: user.id, action: "school-project.create", target: `school-project:${created}`, detail: { unitId: fields.unitId, schoolId: fields.schoolId, status: fields.status } });
      return created;
    });
    return (await this.store.get(id))!;
  }

  async update(user: StaffUser, id: string, input: unknown): Promise<SchoolProject> {
    const { version, ...patch } = parseRequest(schoolProjectPatchSchema, input);
    const project = await this.read(id);
    this.mayWrite(user, project.unitId);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const fields = this.checked(user, { ...project, ...defined });
    if (project.status === "cancelled" && fields.status !== "cancelled") throw ApiError.conflict(say("已取消的项目不能再改状态", "a cancelled project cannot change its status"), "status");
    const written = await this.db.transaction(async (tx) => {
      if (!(await this.store.update(tx, id, version, fields))) return false;
      await recordAudit(tx, { userId: user.id, action: project.status !== fields.status ? `school-project.${fields.status}` : "school-project.edit", target: `school-project:${id}`, detail: { version, fields: Object.keys(defined) } });
      return true;
    });
    if (!written) throw ApiError.conflict(say("项目已被他人修改，请刷新后再改", "someone else changed the project; reload it and try again"), "version");
    return (await this.store.get(id))!;
  }

  async addPhoto(user: StaffUser, id: string, stage: SchoolProjectPhotoStage, mediaType: string, content: Buffer): Promise<SchoolProject> {
    const project = await this.read(id);
    this.mayWrite(user, project.unitId);
    const extension = mediaType === "image/png" ? "photo.png" : "photo.jpg";
    const checked = mediaType === "image/png" || mediaType === "image/jpeg" ? checkEvidence(extension, content) : null;
    if (!checked) throw new ApiError(415, "unsupported_media_type", say("照片只接受 JPEG 或 PNG", "photos are JPEG or PNG"), "content-type");
    if (!checked.ok) throw ApiError.invalid("file", checked.message);
    if (project.photos.filter((p) => p.stage === stage).length >= MAX_PROJECT_PHOTOS_PER_STAGE) {
      throw ApiError.conflict(say(`每个阶段最多 ${MAX_PROJECT_PHOTOS_PER_STAGE} 张照片`, `at most ${MAX_PROJECT_PHOTOS_PER_STAGE} photos a stage`), "stage");
    }
    const cleaned = await cleanEvidence(checked.mediaType, content);
    if (!cleaned.ok) throw ApiError.invalid("file", cleaned.message);
    await this.db.transaction(async (tx) => {
      const photoId = await this.store.addPhoto(tx, id, { stage, mediaType: checked.mediaType, content: cleaned.content }, user.id);
      await recordAudit(tx, { userId: user.id, action: "school-project.photo", target: `school-project:${id}`, detail: { photo: photoId, stage, bytes: cleaned.content.length } });
    });
    return (await this.store.get(id))!;
  }

  async photo(id: string, photoId: string): Promise<{ mediaType: string; content: Buffer }> {
    const photo = await this.store.photo(id, photoId);
    if (!photo) throw ApiError.notFound(say("照片", "photo"));
    return photo;
  }

  async summary(region: string | undefined): Promise<SchoolProjectSummary> {
    return summarize(this.book(), await this.store.list({ region }), region ?? null);
  }

  /** The task-22 indicator values completed projects give the dashboard (none without a plan). */
  async indicatorValues(): Promise<ReportValue[]> {
    const book = this.book();
    return book ? indicatorValues(book, await this.store.list({ status: "completed" })) : [];
  }

  /** The signals and zebras completed projects built in a region. */
  async completedCrossings(region: string): Promise<CompletedCrossing[]> {
    return completedCrossings(await this.store.list({ region, status: "completed" }));
  }

  private mayWrite(user: StaffUser, unitId: string): void {
    if (ANY_UNIT.has(user.role)) return;
    if (user.role === "reporter" && user.unitId === unitId) return;
    throw ApiError.forbidden(say("只能填报本单位的学径改造项目", "you may write only your own unit's school-route projects"));
  }

  /** The project's fields checked against the plan, the caller and the status rules. */
  private checked(user: StaffUser, fields: SchoolProjectFields): SchoolProjectFields {
    const book = requirePlan(this.book());
    const unit = book.unit(fields.unitId);
    if (!unit) throw ApiError.invalid("unitId", say(`行动计划没有单位“${fields.unitId}”`, `the plan has no unit "${fields.unitId}"`));
    const taskNumber = schoolRouteTask(book);
    const task = book.task(taskNumber);
    if (task && !book.carries(unit.id, task)) throw ApiError.invalid("unitId", say(`${unit.name}不承担第 ${taskNumber} 项任务`, `${fields.unitId} does not carry task ${taskNumber}`));
    this.mayWrite(user, unit.id);
    let countyCode = fields.countyCode;
    if (book.isDistrict(unit.id) && unit.divisionCode) {
      if (countyCode !== null && countyCode !== unit.divisionCode) throw ApiError.invalid("countyCode", say(`${unit.name}的项目应在本县市区（${unit.divisionCode}）`, `a project of ${unit.id} lies in its own county (${unit.divisionCode})`));
      countyCode = unit.divisionCode;
    }
    if (fields.plannedStart && fields.plannedEnd && fields.plannedEnd < fields.plannedStart) throw ApiError.invalid("plannedEnd", say("计划完成日期不能早于开工日期", "the planned end is before the planned start"));
    if (fields.status === "completed") {
      if (!fields.completedOn) throw ApiError.invalid("completedOn", say("已完成的项目请填写完成日期", "a completed project needs its completion date"));
      if (fields.measures.length === 0) throw ApiError.invalid("measures", say("已完成的项目至少要有一项措施", "a completed project needs at least one measure"));
    }
    if (fields.completedOn && fields.status !== "completed") throw ApiError.invalid("completedOn", say("只有已完成的项目才有完成日期", "only a completed project has a completion date"));
    if (fields.completedOn && fields.completedOn > this.today()) throw ApiError.invalid("completedOn", say("完成日期不能晚于今天", "the completion date is in the future"));
    return { ...fields, countyCode };
  }
}

/**
 * The crossings completed school-route projects in a region made signalised or zebra, as the
 * school-route analysis's changes (src/schoolroutes: each lands on the nearest road vertex
 * within 60 m). Read straight from the database, so it works before the plan is loaded.
 */
export async function completedSchoolRouteChanges(db: Queryable, regionId: string): Promise<CompletedCrossing[]> {
  return completedCrossings(await new SchoolProjectStore(db).list({ region: regionId, status: "completed" }));
}
