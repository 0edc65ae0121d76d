/**
 * The words of the school-route page (学径), Chinese first and English second. `t` looks a key
 * up here and falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  schoolRoutesIntro: "按儿童步行路线，看每所学校和幼儿园的孩子从哪里走来、经过哪些路口，哪个过街点最该先改。",
  srRegion: "城市",
  srNoData: "{name}还没有街道网络、居住区和学校数据，暂时不能分析学径。导入该市的 OpenStreetMap 数据后就能使用。",
  srLoading: "正在计算上学步行路线…",
  srSchools: "学校和幼儿园（最不安全的在前）",
  srSchool: "学校",
  srKind_kindergarten: "幼儿园",
  srKind_primary: "小学",
  srKind_secondary: "中学",
  srSafeShare: "安全路线占比",
  srSafeShareHelp: "步行上学不需穿过无信号灯主干道的居住面积占比",
  srHomes: "{n} 处居住区",
  srNoWalkers: "步行范围内没有居住区",
  srCrossings: "优先整改的过街点",
  srCrossingLine: "{rank}. {road} · {control} · {area} 平方米居住面积经过",
  srUnnamedRoad: "无名道路",
  srControl_signals: "信号灯",
  srControl_zebra: "斑马线",
  srControl_unmarked: "无标线过街",
  srControl_none: "无过街设施",
  srMarkSignal: "设为信号灯",
  srHazards: "{n} 条隐患报告",
  srLegendHazard: "家长和孩子报告的隐患",
  srUndo: "撤销全部推演",
  srWhatIf: "推演：{n} 个路口设为信号灯",
  srChanged: "{name}：安全路线占比 {before} → {after}",
  srNoChange: "这个改动没有改变任何学校的安全路线占比。",
  srMap: "学径地图",
  srLegendRoutes: "上学步行路线（越粗经过的居住面积越大）",
  srExport: "导出和打印",
  srExportCsv: "CSV 表格",
  srExportXlsx: "Excel 工作簿",
  srExportGeojson: "GeoJSON 图层",
  srPrint: "打印家长版学径图",
  srParentsMap: "家长版学径图：",
  srParentsPage: "可打印网页",
  srPrintNote: "{school}：孩子上学的步行路线和沿途过街点。红色和橙色的路口请家长陪同、先看左右来车。",
  srProxy: "人口代理：居住建筑占地面积（无建筑数据时用居住用地），不是人口数。",
  srCamera: "校门 200 米内道路摄像头覆盖 {share}",
  srMedian: "步行距离中位数 {m} 米",
};

type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  schoolRoutesIntro: "From children's walks: where the children of each school and kindergarten walk from, which crossings they pass, and which crossing to fix first.",
  srRegion: "City",
  srNoData: "{name} has no street network, residential areas and schools yet, so its school routes cannot be analysed. Import the city's OpenStreetMap extract to use it.",
  srLoading: "Working out the walks to school…",
  srSchools: "Schools and kindergartens (least safe first)",
  srSchool: "School",
  srKind_kindergarten: "Kindergarten",
  srKind_primary: "Primary school",
  srKind_secondary: "Secondary school",
  srSafeShare: "Safe-walk share",
  srSafeShareHelp: "Share of the homes' floor area whose walk to school crosses no main road without signals",
  srHomes: "{n} residential areas",
  srNoWalkers: "No homes within walking reach",
  srCrossings: "Crossings to fix first",
  srCrossingLine: "{rank}. {road} · {control} · {area} m² of homes walk through",
  srUnnamedRoad: "unnamed road",
  srControl_signals: "signals",
  srControl_zebra: "zebra",
  srControl_unmarked: "unmarked crossing",
  srControl_none: "no crossing",
  srMarkSignal: "Mark signalised",
  srHazards: "{n} hazard reports",
  srLegendHazard: "Hazards reported by families",
  srUndo: "Undo every what-if",
  srWhatIf: "What-if: {n} crossings signalised",
  srChanged: "{name}: safe-walk share {before} → {after}",
  srNoChange: "This change did not move any school's safe-walk share.",
  srMap: "School-route map",
  srLegendRoutes: "Walks to school (wider: more homes' floor area walks there)",
  srExport: "Export and print",
  srExportCsv: "CSV table",
  srExportXlsx: "Excel workbook",
  srExportGeojson: "GeoJSON layer",
  srPrint: "Print the parents' map",
  srParentsMap: "Parents' map:",
  srParentsPage: "printable page",
  srPrintNote: "{school}: the walks children take to school and the crossings on them. At red and orange crossings, walk with your child and look both ways first.",
  srProxy: "Population proxy: residential buildings' footprint (residential land where buildings are not mapped), not a head count.",
  srCamera: "Camera coverage of roads within 200 m of the gate: {share}",
  srMedian: "Median walk {m} m",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const SCHOOL_ROUTE_MESSAGES = { zh, en } as const;

export type SchoolRouteMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(SCHOOL_ROUTE_MESSAGES);
