/**
 * Hazards families reported on the way to school (ideas of a hazard kind), as the school-route
 * analysis reads them: the public ones only (published, not merged), at their public point (a
 * child's pin already moved to a public place or street and coarsened; never the exact point).
 */
import { HAZARD_KINDS, type HazardKind } from "../core/api/voice-vocabulary.ts";
import type { Queryable } from "../platform/database/database.ts";

export interface PublicHazard {
  id: string;
  kind: HazardKind;
  lon: number;
  lat: number;
}

export async function publicHazards(db: Queryable, regionId: string): Promise<PublicHazard[]> {
  const marks = HAZARD_KINDS.map(() => "?").join(", ");
  const rows = await db.all<{ id: string; kind: string; lon: number; lat: number }>(
    `SELECT id, kind, lon, lat FROM ideas WHERE region_id = ? AND status = 'published' AND stage <> 'merged' AND kind IN (${marks}) ORDER BY id`,
    [regionId, ...HAZARD_KINDS],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind as HazardKind, lon: Number(r.lon), lat: Number(r.lat) }));
}
