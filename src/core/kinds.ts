/**
 * Names of the finer kinds of place ("playground", "library"), shown on cards and used as
 * the name of an unnamed OSM feature ("游乐场" rather than nothing).
 */
export const KIND_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  playground: { zh: "游乐场", en: "Playground" },
  play_equipment: { zh: "游乐设施", en: "Play equipment" },
  water_park: { zh: "水上乐园", en: "Water park" },
  theme_park: { zh: "主题乐园", en: "Theme park" },
  park: { zh: "公园", en: "Park" },
  garden: { zh: "花园", en: "Garden" },
  sports_centre: { zh: "体育中心", en: "Sports centre" },
  pitch: { zh: "运动场", en: "Sports pitch" },
  swimming_pool: { zh: "游泳池", en: "Swimming pool" },
  track: { zh: "跑道", en: "Running track" },
  stadium: { zh: "体育场", en: "Stadium" },
  kindergarten: { zh: "幼儿园", en: "Kindergarten" },
  childcare: { zh: "托育机构", en: "Childcare" },
  school: { zh: "学校", en: "School" },
  library: { zh: "图书馆", en: "Library" },
  community_centre: { zh: "社区中心", en: "Community centre" },
  childrens_home: { zh: "儿童之家", en: "Children's home" },
  youth_centre: { zh: "青少年活动中心", en: "Youth activity centre" },
  family_education_centre: { zh: "家庭教育指导中心", en: "Family education centre" },
  museum: { zh: "博物馆", en: "Museum" },
  aquarium: { zh: "水族馆", en: "Aquarium" },
  zoo: { zh: "动物园", en: "Zoo" },
  assembly_point: { zh: "应急避难场所", en: "Emergency assembly point" },
  paediatrics: { zh: "儿科", en: "Paediatrics" },
  hospital: { zh: "医院", en: "Hospital" },
  children_hospital: { zh: "儿童医院", en: "Children's hospital" },
  clinic: { zh: "诊所", en: "Clinic" },
  toilets: { zh: "厕所", en: "Toilets" },
  baby_room: { zh: "母婴室", en: "Mother-and-baby room" },
};

/** Label of a kind in a language; the raw kind when we have no label for it. */
export function kindLabel(kind: string, lang: "zh" | "en"): string {
  return KIND_LABELS[kind]?.[lang] ?? kind.replaceAll("_", " ");
}
