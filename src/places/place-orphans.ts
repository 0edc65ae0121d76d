/**
 * Rows that refer to places which are no longer there. Before issue 16 nothing kept a
 * review, correction or idea from outliving its place (a re-import deleted and re-made a
 * source's places; a staff removal deleted the row), so a database of an earlier release may
 * hold such orphans, and the migration adding a foreign key would fail on them. Each
 * orphaned place id gets its place back as a removed placeholder (served nowhere, as any
 * removed place), so the rows keep the id they had and a later import of a source that
 * still has that place brings it back whole.
 */
import type { Queryable } from "../platform/database/database.ts";

/** Where a referring table keeps the place id, and what it knows of the place. */
export interface PlaceReference {
  table: string;
  column: string;
  /** Whether the column may be NULL: the last resort when no placeholder can be made. */
  nullable: boolean;
  /** Columns of the referring row that tell the place's region, name and point, if it has them. */
  region?: string;
  name?: string;
  lon?: string;
  lat?: string;
}

/** What adopting a table's orphans did. */
export interface Adoption {
  placeholders: number;
  /** Rows that could not get a placeholder (a database without any region) and lost the reference. */
  dropped: number;
}

const NAME = /^[a-z_][a-z0-9_]{0,50}$/;

const PLACEHOLDER = `INSERT INTO places (id, region_id, name_zh, name_en, name_pinyin, name_alt, categories, kind, facilities,
  lon, lat, precision, location_note, source, licence, imported_at, updated_at, removed_at)
  VALUES (?, ?, ?, NULL, NULL, '[]', '[]', 'removed', '[]', ?, ?, 'district', ?, ?, ?, ?, ?, ?)`;

/**
 * Gives every place id the table refers to and `places` lacks a removed placeholder place,
 * in the migration's transaction `tx`. The placeholder lies in the row's region (or the
 * first region), at the row's point (or the region's centre). Only when the database has
 * no region at all is the reference dropped: set to NULL, or the row deleted.
 */
export async function adoptOrphanPlaces(tx: Queryable, ref: PlaceReference): Promise<Adoption> {
  for (const name of [ref.table, ref.column, ref.region, ref.name, ref.lon, ref.lat]) if (name !== undefined && !NAME.test(name)) throw new Error(`not a column name: ${name}`);
  const pick = (column: string | undefined, as: string): string => (column ? `MIN(o.${column}) AS ${as}` : `NULL AS ${as}`);
  const orphans = await tx.all<{ id: string; region: string | null; name: string | null; lon: number | string | null; lat: number | string | null }>(
    `SELECT o.${ref.column} AS id, ${pick(ref.region, "region")}, ${pick(ref.name, "name")}, ${pick(ref.lon, "lon")}, ${pick(ref.lat, "lat")}
     FROM ${ref.table} o WHERE o.${ref.column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM places p WHERE p.id = o.${ref.column})
     GROUP BY o.${ref.column} ORDER BY o.${ref.column}`,
  );
  if (orphans.length === 0) return { placeholders: 0, dropped: 0 };
  const regions = new Map((await tx.all<{ id: string; lon: number | string; lat: number | string }>("SELECT id, center_lon AS lon, center_lat AS lat FROM regions ORDER BY id")).map((r) => [r.id, r]));
  const first = regions.values().next().value;
  const now = new Date().toISOString();
  const result: Adoption = { placeholders: 0, dropped: 0 };
  for (const orphan of orphans) {
    const region = (orphan.region !== null ? regions.get(orphan.region) : undefined) ?? first;
    if (!region) {
      await tx.run(ref.nullable ? `UPDATE ${ref.table} SET ${ref.column} = NULL WHERE ${ref.column} = ?` : `DELETE FROM ${ref.table} WHERE ${ref.column} = ?`, [orphan.id]);
      result.dropped++;
      continue;
    }
    const point = orphan.lon !== null && orphan.lat !== null ? { lon: Number(orphan.lon), lat: Number(orphan.lat) } : { lon: Number(region.lon), lat: Number(region.lat) };
    await tx.run(PLACEHOLDER, [orphan.id, region.id, orphan.name, point.lon, point.lat, "已移除 / removed",
      "Tongxing: removed before its references were kept (issue 16)", "—", now, now, now]);
    result.placeholders++;
  }
  return result;
}
