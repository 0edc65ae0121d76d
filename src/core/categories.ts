/**
 * The kinds of child-friendly place, following the action plan's task 23 (play, leisure,
 * sport, social education, emergency shelter) and the services it asks every public place
 * to add (task 19: mother-and-baby rooms, child toilets), plus health and care.
 * The browser draws chips, icons and colours from this one list.
 */
export const CATEGORY_IDS = [
  "play",
  "leisure",
  "sport",
  "learning",
  "emergency",
  "health",
  "care",
  "services",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** How a category is shown: names in both languages, a bright colour and a map icon. */
export interface CategoryInfo {
  readonly id: CategoryId;
  readonly zh: string;
  readonly en: string;
  /** Marker and chip colour; chosen bright but with white text contrast >= 3:1. */
  readonly color: string;
  /** Name of the icon in web/src/shared/icons.ts. */
  readonly icon: string;
}

export const CATEGORIES: Readonly<Record<CategoryId, CategoryInfo>> = {
  play: { id: "play", zh: "游戏", en: "Play", color: "#e8590c", icon: "playground" },
  leisure: { id: "leisure", zh: "休闲", en: "Leisure", color: "#2b8a3e", icon: "park" },
  sport: { id: "sport", zh: "运动", en: "Sport", color: "#1864ab", icon: "sport" },
  learning: { id: "learning", zh: "社会教育", en: "Learning", color: "#7048e8", icon: "book" },
  emergency: { id: "emergency", zh: "应急", en: "Emergency shelter", color: "#c92a2a", icon: "shelter" },
  health: { id: "health", zh: "医疗", en: "Health", color: "#0b7285", icon: "health" },
  care: { id: "care", zh: "托育", en: "Childcare", color: "#c2255c", icon: "care" },
  services: { id: "services", zh: "母婴与如厕", en: "Baby & toilets", color: "#5f3dc4", icon: "baby" },
};

/** Type guard used at every boundary that receives a category name. */
export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}
