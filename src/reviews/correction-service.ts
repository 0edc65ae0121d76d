/**
 * "Report wrong information" and the staff fix, one function per request. A report's text
 * is held to its author's standard (no child's personal information kept); a fix edits
 * the place itself, and the resolution is one transaction with its audit entry.
 */
import { type StaffUser, recordAudit } from "../accounts/index.ts";
import type { CorrectionKind } from "../core/community.ts";
import { type PlaceCatalog, type PlaceFix, applyPlaceFix } from "../places/index.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { type Audience, type Guard, refusalError, refusalOf } from "../safety/index.ts";
import type { Correction, CorrectionStore } from "./corrections.ts";

export interface CorrectionInput {
  kind: CorrectionKind;
  detail: string;
  lon?: number | undefined;
  lat?: number | undefined;
}

export interface Resolution {
  decision: "fixed" | "rejected";
  note: string;
  fix?: PlaceFix | undefined;
}

export class CorrectionService {
  constructor(
    private readonly db: Database,
    private readonly store: CorrectionStore,
    private readonly catalog: PlaceCatalog,
    private readonly guard: Guard,
  ) {}

  /** Anyone reports wrong information about a place; `reporter` is the member signed in, if any. */
  async report(placeId: string, reporter: { id: string; kind: Audience } | null, input: CorrectionInput): Promise<Correction> {
    if (!this.catalog.index.get(placeId)) throw ApiError.notFound(say("这个地点", "place"));
    if (input.detail) {
      // Staff read it, not the public; still, a child's personal information is not kept.
      const checked = this.guard.check(input.detail, reporter?.kind ?? "adult");
      const refusal = refusalOf(checked, reporter?.kind ?? "adult");
      if (refusal) throw refusalError(refusal, checked, "detail");
    }
    return this.store.add({ placeId, kind: input.kind, detail: input.detail, lon: input.lon ?? null, lat: input.lat ?? null, memberId: reporter?.id ?? null });
  }

  /** The open reports, each with the place as it is now (null when gone). */
  async open() {
    const open = await this.store.list("open");
    return open.map((c) => {
      const place = this.catalog.index.get(c.placeId);
      return { ...c, place: place ? { id: place.id, name: place.name.zh ?? place.name.en, lon: place.lon, lat: place.lat, openingHours: place.openingHours, facilities: place.facilities } : null };
    });
  }

  /** Closes an open report, applying the fix first when it is fixed with one. */
  async resolve(user: StaffUser, id: string, resolution: Resolution): Promise<Correction | null> {
    const correction = await this.store.get(id);
    if (!correction || correction.status !== "open") throw ApiError.notFound(say("待处理的纠错", "open correction"));
    if (resolution.fix && resolution.decision === "fixed") {
      const result = await applyPlaceFix(this.db, this.catalog, correction.placeId, resolution.fix);
      // Removed meanwhile (on another instance): the fix has nothing left to fix.
      if (!result.ok && result.gone) throw ApiError.notFound(say("这个地点（已被移除）", "place (it was removed)"));
      if (!result.ok) throw ApiError.invalid(result.field, result.message);
    }
    await this.db.transaction(async (tx) => {
      await this.store.resolve(tx, correction.id, resolution.decision, user.id, resolution.note);
      await recordAudit(tx, { userId: user.id, action: `correction.${resolution.decision}`, target: `place:${correction.placeId}`, detail: { correction: correction.id, kind: correction.kind, fix: resolution.fix ?? null, note: resolution.note } });
    });
    return this.store.get(correction.id);
  }
}
