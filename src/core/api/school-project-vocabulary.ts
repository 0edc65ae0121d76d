/**
 * The words of school-route projects without zod, so the web page importing them as values
 * does not bundle the validator. school-projects.ts re-exports them.
 */

/** What a project builds at a point of the street. */
export const SCHOOL_PROJECT_MEASURES = ["signal", "zebra", "refuge", "speed_humps", "waiting_area", "cameras", "footway"] as const;
export type SchoolProjectMeasureKind = (typeof SCHOOL_PROJECT_MEASURES)[number];
/** Where a project is. */
export const SCHOOL_PROJECT_STATUSES = ["planned", "in_progress", "completed", "cancelled"] as const;
export type SchoolProjectStatus = (typeof SCHOOL_PROJECT_STATUSES)[number];
export const SCHOOL_PROJECT_PHOTO_STAGES = ["before", "after"] as const;
export type SchoolProjectPhotoStage = (typeof SCHOOL_PROJECT_PHOTO_STAGES)[number];

/** The measures' and statuses' names in both languages. */
export const SCHOOL_PROJECT_MEASURE_LABELS: Readonly<Record<SchoolProjectMeasureKind, { zh: string; en: string }>> = {
  signal: { zh: "信号灯", en: "Signals" },
  zebra: { zh: "斑马线", en: "Zebra crossing" },
  refuge: { zh: "安全岛", en: "Refuge island" },
  speed_humps: { zh: "减速带", en: "Speed humps" },
  waiting_area: { zh: "等候区", en: "Waiting area" },
  cameras: { zh: "监控摄像头", en: "Cameras" },
  footway: { zh: "人行道", en: "Footway" },
};
export const SCHOOL_PROJECT_STATUS_LABELS: Readonly<Record<SchoolProjectStatus, { zh: string; en: string }>> = {
  planned: { zh: "计划中", en: "Planned" },
  in_progress: { zh: "施工中", en: "In progress" },
  completed: { zh: "已完成", en: "Completed" },
  cancelled: { zh: "已取消", en: "Cancelled" },
};
