/**
 * The SQL of school-route projects (学径改造): the projects with their measures as JSON and
 * a version each write raises (optimistic concurrency: a write names the version it read,
 * and changes nothing when another write came first), and their before/after photos, whose
 * bytes live in the database so every instance serves them.
 */
import { randomUUID } from "node:crypto";
import type { SchoolProject, SchoolProjectMeasure, SchoolProjectPhotoStage, SchoolProjectStatus } from "../core/api/school-projects.ts";
import type { Queryable, SqlValue } from "../platform/database/database.ts";

/** A photo's record, without its bytes. */
export type SchoolProjectPhoto = SchoolProject["photos"][number];

/** What a project is made of before the store gives it an id, dates and a version. */
export type SchoolProjectFields = Omit<SchoolProject, "id" | "photos" | "createdBy" | "createdAt" | "updatedAt" | "version">;

interface ProjectRow {
  id: string; region_id: string; school_id: string; school_name: string; county_code: string | null; unit_id: string; title: string;
  measures: string; budget_yuan: number | string | null; status: string; planned_start: string | null; planned_end: string | null;
  completed_on: string | null; created_by: string; created_at: string; updated_at: string; version: number | string;
}

interface PhotoRow {
  id: string; project_id: string; stage: string; media_type: string; bytes: number | string; uploaded_by: string; uploaded_at: string;
}

const photoOf = (r: PhotoRow): SchoolProjectPhoto => ({ id: r.id, stage: r.stage as SchoolProjectPhotoStage, mediaType: r.media_type, bytes: Number(r.bytes), uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at });

const projectOf = (r: ProjectRow, photos: SchoolProjectPhoto[]): SchoolProject => ({
  id: r.id, region: r.region_id, schoolId: r.school_id, schoolName: r.school_name, countyCode: r.county_code, unitId: r.unit_id, title: r.title,
  measures: JSON.parse(r.measures) as SchoolProjectMeasure[], budgetYuan: r.budget_yuan === null ? null : Number(r.budget_yuan),
  status: r.status as SchoolProjectStatus, plannedStart: r.planned_start, plannedEnd: r.planned_end, completedOn: r.completed_on,
  photos, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, version: Number(r.version),
});

const COLUMNS = "id, region_id, school_id, school_name, county_code, unit_id, title, measures, budget_yuan, status, planned_start, planned_end, completed_on, created_by, created_at, updated_at, version";
const PHOTO_COLUMNS = "id, project_id, stage, media_type, bytes, uploaded_by, uploaded_at";

/** What a list of projects may be narrowed to. */
export interface SchoolProjectFilter {
  region?: string | undefined;
  status?: SchoolProjectStatus | undefined;
  unitId?: string | undefined;
}

export class SchoolProjectStore {
  constructor(private readonly db: Queryable) {}

  async list(filter: SchoolProjectFilter = {}): Promise<SchoolProject[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    for (const [column, value] of [["region_id", filter.region], ["status", filter.status], ["unit_id", filter.unitId]] as const) {
      if (!value) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await this.db.all<ProjectRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM school_route_projects ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at, id`, params);
    if (rows.length === 0) return [];
    const photos = await this.db.all<PhotoRow & Record<string, unknown>>(
      `SELECT ${PHOTO_COLUMNS} FROM school_route_project_photos WHERE project_id IN (${rows.map(() => "?").join(", ")}) ORDER BY uploaded_at, id`,
      rows.map((r) => r.id),
    );
    return rows.map((r) => projectOf(r, photos.filter((p) => p.project_id === r.id).map(photoOf)));
  }

  async get(id: string, db: Queryable = this.db): Promise<SchoolProject | null> {
    const [row] = await db.all<ProjectRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM school_route_projects WHERE id = ?`, [id]);
    if (!row) return null;
    const photos = await db.all<PhotoRow & Record<string, unknown>>(`SELECT ${PHOTO_COLUMNS} FROM school_route_project_photos WHERE project_id = ? ORDER BY uploaded_at, id`, [id]);
    return projectOf(row, photos.map(photoOf));
  }

  /** Inserts a project at version 1; returns its id. */
  async create(tx: Queryable, fields: SchoolProjectFields, createdBy: string): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await tx.run(`INSERT INTO school_route_projects (${COLUMNS}) VALUES (${COLUMNS.split(",").map(() => "?").join(", ")})`, [
      id, fields.region, fields.schoolId, fields.schoolName, fields.countyCode, fields.unitId, fields.title, JSON.stringify(fields.measures), fields.budgetYuan,
      fields.status, fields.plannedStart, fields.plannedEnd, fields.completedOn, createdBy, now, now, 1,
    ]);
    return id;
  }

  /** Writes the fields when the project is still at `version`; false when another write came first. */
  async update(tx: Queryable, id: string, version: number, fields: SchoolProjectFields): Promise<boolean> {
    const [row] = await tx.all<{ version: number | string }>("SELECT version FROM school_route_projects WHERE id = ?", [id]);
    if (!row || Number(row.version) !== version) return false;
    await tx.run(
      `UPDATE school_route_projects SET school_name = ?, county_code = ?, unit_id = ?, title = ?, measures = ?, budget_yuan = ?, status = ?, planned_start = ?,
       planned_end = ?, completed_on = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
      [fields.schoolName, fields.countyCode, fields.unitId, fields.title, JSON.stringify(fields.measures), fields.budgetYuan, fields.status, fields.plannedStart,
        fields.plannedEnd, fields.completedOn, new Date().toISOString(), id, version],
    );
    return true;
  }

  /** Adds a photo and raises the project's version (its record changed); returns the photo's id. */
  async addPhoto(tx: Queryable, projectId: string, photo: { stage: SchoolProjectPhotoStage; mediaType: string; content: Buffer }, uploadedBy: string): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await tx.run(`INSERT INTO school_route_project_photos (${PHOTO_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [id, projectId, photo.stage, photo.mediaType, photo.content.length, uploadedBy, now, photo.content]);
    await tx.run("UPDATE school_route_projects SET updated_at = ?, version = version + 1 WHERE id = ?", [now, projectId]);
    return id;
  }

  async photo(projectId: string, photoId: string): Promise<{ mediaType: string; content: Buffer } | null> {
    const [row] = await this.db.all<{ media_type: string; content: Buffer }>("SELECT media_type, content FROM school_route_project_photos WHERE id = ? AND project_id = ?", [photoId, projectId]);
    return row ? { mediaType: row.media_type, content: Buffer.from(row.content) } : null;
  }
}
