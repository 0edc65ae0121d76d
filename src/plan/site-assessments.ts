/**
 * Demonstration-site assessment (示范点评估): an assessor scores a place against the rubric
 * of its site type; the latest assessment of a place decides whether it is certified.
 * Certification marks the place on the map (the places domain does that, through the
 * `certify` callback) and counts toward the plan indicator the rubric feeds, city-wide and
 * for the place's county, automatically: no unit has to report it by hand.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { assessmentSchema } from "../core/api/plan.ts";
import { recordAudit, type StaffUser } from "../accounts/index.ts";
import { type DemonstrationType } from "../core/place.ts";
import { type RubricBook, rubricBookSchema, scoreAssessment } from "../core/rubric.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { PlanBook } from "./plan-book.ts";
import type { ReportValue } from "./report-store.ts";

export interface SitePlace {
  id: string;
  name: string;
  districtCode: string | null;
}

export interface SiteHooks {
  placeOf: (id: string) => SitePlace | null;
  certify: (placeId: string, demonstration: { type: DemonstrationType; year: number } | null) => Promise<void>;
}

export interface Assessment {
  id: string;
  placeId: string;
  siteType: DemonstrationType;
  scores: Record<string, number>;
  total: number;
  passed: boolean;
  comment: string;
  assessedOn: string;
  assessedBy: string;
  /** The assessor's display name, so the history says who judged the site. */
  assessorName: string | null;
  districtUnitId: string | null;
}

export function readRubricFile(file: string): RubricBook {
  return rubricBookSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

type Row = { id: string; place_id: string; site_type: string; scores: string; total: number | string; passed: number | string; comment: string; assessed_on: string; assessed_by: string; assessor_name: string | null; district_unit_id: string | null };

const fromRow = (r: Row): Assessment => ({
  id: r.id, placeId: r.place_id, siteType: r.site_type as DemonstrationType, scores: JSON.parse(r.scores) as Record<string, number>, total: Number(r.total),
  passed: Number(r.passed) === 1, comment: r.comment, assessedOn: r.assessed_on, assessedBy: r.assessed_by, assessorName: r.assessor_name, districtUnitId: r.district_unit_id,
});

export class SiteAssessments {
  constructor(private readonly db: Database, readonly rubrics: RubricBook, private readonly hooks: SiteHooks) {}

  async list(placeId?: string): Promise<Assessment[]> {
    const rows = await this.db.all<Row & Record<string, unknown>>(
      `SELECT a.*, u.display_name AS assessor_name FROM site_assessments a LEFT JOIN staff_users u ON u.id = a.assessed_by
       ${placeId ? "WHERE a.place_id = ?" : ""} ORDER BY a.assessed_on, a.recorded_at`,
      placeId ? [placeId] : [],
    );
    return rows.map(fromRow);
  }

  async assess(user: StaffUser, book: PlanBook | null, input: unknown, today: string): Promise<Assessment> {
    const body = parseRequest(assessmentSchema, input);
    const place = this.hooks.placeOf(body.placeId);
    if (!place) throw ApiError.invalid("placeId", say(`没有地点“${body.placeId}”`, `no place "${body.placeId}"`));
    const rubric = this.rubrics.rubrics.find((r) => r.siteType === body.siteType);
    if (!rubric) throw ApiError.invalid("siteType", say(`没有 ${body.siteType} 的评分细则`, `no rubric for ${body.siteType}`));
    const known = new Set(rubric.criteria.map((c) => c.id));
    for (const [id, score] of Object.entries(body.scores)) {
      const criterion = rubric.criteria.find((c) => c.id === id);
      if (!known.has(id) || !criterion) throw ApiError.invalid(`scores.${id}`, say(`${body.siteType} 评分细则中没有“${id}”这一项`, `no criterion "${id}" in the ${body.siteType} rubric`));
      if (score > criterion.maxScore) throw ApiError.invalid(`scores.${id}`, say(`最高 ${criterion.maxScore} 分`, `at most ${criterion.maxScore}`));
    }
    const missing = rubric.criteria.find((c) => body.scores[c.id] === undefined);
    if (missing) throw ApiError.invalid(`scores.${missing.id}`, say("请给每一项评分", "score every criterion"));
    if (body.assessedOn > today) throw ApiError.invalid("assessedOn", say("评估日期不能晚于今天", "the assessment date is in the future"));
    const result = scoreAssessment(rubric, this.rubrics.passScore, body.scores);
    const districtUnitId = book?.plan.units.find((u) => u.divisionCode && u.divisionCode === place.districtCode)?.id ?? null;
    const assessment: Assessment = { id: randomUUID(), ...body, total: result.total, passed: result.passed, assessedBy: user.id, assessorName: user.displayName, districtUnitId };
    await this.db.transaction(async (tx) => {
      await tx.run(
        "INSERT INTO site_assessments (id, place_id, site_type, scores, total, passed, comment, assessed_on, assessed_by, district_unit_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [assessment.id, place.id, body.siteType, JSON.stringify(body.scores), result.total, result.passed ? 1 : 0, body.comment, body.assessedOn, user.id, districtUnitId, new Date().toISOString()],
      );
      await recordAudit(tx, { userId: user.id, action: result.passed ? "site.certify" : "site.assess", target: `place:${place.id}`, detail: { siteType: body.siteType, total: result.total, failedRequired: result.failedRequired } });
    });
    await this.hooks.certify(place.id, result.passed ? { type: body.siteType, year: Number(body.assessedOn.slice(0, 4)) } : null);
    return assessment;
  }

  /**
   * The indicator values certification produces: for each indicator a rubric feeds, the
   * number of certified sites after each assessment date, city-wide and per county.
   */
  async certifiedValues(): Promise<ReportValue[]> {
    const certified = (await this.latestPassed()).sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : 1));
    const values: ReportValue[] = [];
    for (const rubric of this.rubrics.rubrics) {
      const sites = certified.filter((a) => a.siteType === rubric.siteType);
      sites.forEach((site, i) => {
        if (rubric.feeds.city && sites[i + 1]?.assessedOn !== site.assessedOn) values.push({ indicatorId: rubric.feeds.city, districtUnitId: null, value: i + 1, measuredOn: site.assessedOn });
        if (rubric.feeds.perCounty && site.districtUnitId) {
          const inCounty = sites.slice(0, i + 1).filter((s) => s.districtUnitId === site.districtUnitId).length;
          values.push({ indicatorId: rubric.feeds.perCounty, districtUnitId: site.districtUnitId, value: inCounty, measuredOn: site.assessedOn });
        }
      });
    }
    return values;
  }

  /** The latest assessment of each place, where that one passed. */
  private async latestPassed(): Promise<Assessment[]> {
    const latest = new Map<string, Assessment>();
    for (const a of await this.list()) latest.set(a.placeId, a);
    return [...latest.values()].filter((a) => a.passed);
  }

  /**
   * Puts back the badge of every place whose latest assessment passed but whose badge is
   * missing (a re-import of the city's places file overwrote it); run at start. Returns
   * how many were restored.
   */
  async reapplyCertificates(hasBadge: (placeId: string, type: DemonstrationType) => boolean): Promise<number> {
    let restored = 0;
    for (const a of await this.latestPassed()) {
      if (hasBadge(a.placeId, a.siteType) || !this.hooks.placeOf(a.placeId)) continue;
      await this.hooks.certify(a.placeId, { type: a.siteType, year: Number(a.assessedOn.slice(0, 4)) });
      restored++;
    }
    return restored;
  }
}
