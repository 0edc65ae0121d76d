/**
 * What the guides page works out without the server or the DOM: the list's query string
 * from its filters (and the filters from the page's URL), the words of a guide's facts and
 * of a leg, and the stops' order when one is moved. Tested in guide-format.test.ts.
 */
import { GUIDE_COST_LABELS, GUIDE_KIND_LABELS, GUIDE_LEG_LABELS, GUIDE_THEMES, GUIDE_KINDS, GUIDE_THEME_LABELS, type GuideKind, type GuideTheme } from "../../../../src/core/api/guides-vocabulary.ts";
import type { GuideLegFeature, GuideSummary } from "../../../../src/core/api/guides.ts";
import type { Lang } from "../../shared/i18n.ts";

export type { GuideLegFeature, GuideSummary };

/** The list's filters, as the page keeps them. */
export interface GuideFilters {
  age: number | null;
  theme: GuideTheme | null;
  maxMinutes: number | null;
  kind: GuideKind | null;
  /** [lon, lat] of the person, after 离我近的. */
  near: [number, number] | null;
}

export const NO_FILTERS: GuideFilters = { age: null, theme: null, maxMinutes: null, kind: null, near: null };

/** The query string of GET /api/guides (the contract's names: age, theme, max_minutes, kind, near=lat,lon). */
export function guidesSearch(f: GuideFilters): string {
  const params = new URLSearchParams();
  if (f.age !== null) params.set("age", String(f.age));
  if (f.theme) params.set("theme", f.theme);
  if (f.maxMinutes !== null) params.set("max_minutes", String(f.maxMinutes));
  if (f.kind) params.set("kind", f.kind);
  if (f.near) params.set("near", `${f.near[1].toFixed(5)},${f.near[0].toFixed(5)}`);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The filters a shared list link carries (?age=6&theme=nature&max_minutes=120&kind=study). */
export function filtersFromSearch(search: string): GuideFilters {
  const p = new URLSearchParams(search);
  const int = (key: string, min: number, max: number) => {
    const v = Number(p.get(key));
    return p.has(key) && Number.isInteger(v) && v >= min && v <= max ? v : null;
  };
  const theme = p.get("theme");
  const kind = p.get("kind");
  return {
    age: int("age", 0, 18),
    theme: (GUIDE_THEMES as readonly string[]).includes(theme ?? "") ? (theme as GuideTheme) : null,
    maxMinutes: int("max_minutes", 15, 720),
    kind: (GUIDE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as GuideKind) : null,
    near: null,
  };
}

/** A guide's facts in one line: kind · theme · ages · minutes · cost. */
export function factsLine(g: Pick<GuideSummary, "kind" | "theme" | "ageMin" | "ageMax" | "minutes" | "cost">, lang: Lang): string {
  const ages = lang === "zh" ? `${g.ageMin}–${g.ageMax} 岁` : `ages ${g.ageMin}–${g.ageMax}`;
  const time = lang === "zh" ? `约 ${g.minutes} 分钟` : `about ${g.minutes} min`;
  return [GUIDE_KIND_LABELS[g.kind][lang], GUIDE_THEME_LABELS[g.theme][lang], ages, time, GUIDE_COST_LABELS[g.cost][lang]].join(" · ");
}

/** A leg in words: "步行 420 米，约 7 分钟", or the bus with its lines. */
export function legText(leg: GuideLegFeature, lang: Lang): string {
  const p = leg.properties;
  const min = Math.max(1, Math.round(p.durationS / 60));
  const mode = GUIDE_LEG_LABELS[p.mode][lang];
  if (p.mode === "bus") return lang === "zh" ? `${mode}（${p.lines.join("、")}）约 ${min} 分钟` : `${mode} (${p.lines.join(", ")}), about ${min} min`;
  return lang === "zh" ? `${mode} ${p.distanceM} 米，约 ${min} 分钟` : `${mode} ${p.distanceM} m, about ${min} min`;
}

/** The list with the item at `index` moved by `by` (−1 up, +1 down); unchanged at the ends. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}
