/**
 * The district view (区县视图), for every member of staff: one county or district at a time,
 * its light, latest value and target for each indicator the plan sets per county (values
 * come from approved reports and from certified demonstration sites), the reports its unit
 * owes (the dashboard's reporting and, for those who chase them, the overdue list) and the
 * tasks it takes part in. The chosen unit stays in the URL ("#districts/<unit id>").
 */
import { el, replaceChildren } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./dashboard-messages.ts";
import { formatValue } from "../../shared/plan-ui/index.ts";
import { lightBadge } from "../../shared/plan-ui/index.ts";
import { allTasks, type IndicatorView, type Light, type Observation, planTasks } from "../../shared/plan-ui/index.ts";
import { stateBadge } from "../../shared/plan-ui/index.ts";
import { type Dashboard, fetchDashboard, fetchOverdue, type StaffTaskView, type UnitArrears } from "./dashboard-api.ts";
import { type PlanUnit } from "../accounts/staff-session-api.ts";
import { type StaffContext, taskTitle, unitAndGroups, unitName } from "../accounts/staff-context.ts";
import { OVERDUE_READERS } from "../accounts/staff-permissions.ts";

/** An indicator's progress in one district, as the dashboard gives it for per-county indicators. */
interface DistrictProgress {
  readonly unitId: string;
  readonly light: Light;
  readonly latest: Observation | null;
  readonly target: { readonly value: number; readonly year: number } | null;
}

type WithDistricts = IndicatorView & { readonly districts?: readonly DistrictProgress[] };

/** The counties and districts: units of kind "district" that are not a group of others. */
export function districtUnits(units: ReadonlyMap<string, PlanUnit>): PlanUnit[] {
  const groups = new Set([...units.values()].map((u) => u.memberOf).filter(Boolean));
  return [...units.values()].filter((u) => u.kind === "district" && !groups.has(u.id));
}

function section(id: string, title: string, ...body: Array<Node | null>): HTMLElement {
  return el("section", { class: "page-section", "aria-labelledby": id }, el("h3", { id, class: "section-title" }, title), ...body);
}

function indicatorRow(indicator: WithDistricts, taskNumber: number | undefined, unitId: string): HTMLElement {
  const own = indicator.districts?.find((d) => d.unitId === unitId);
  const latest = own?.latest ?? null;
  const target = own?.target ?? indicator.target;
  // data-label names each cell where phones show the rows as cards, without the header.
  return el(
    "tr",
    { "data-indicator": indicator.id },
    el("th", { scope: "row" }, pick({ zh: indicator.name, en: indicator.nameEn })),
    el("td", { class: "number", "data-label": t("task") }, taskNumber === undefined ? "" : String(taskNumber)),
    el("td", { "data-label": t("light") }, lightBadge(own?.light ?? "grey")),
    el("td", { class: "district-latest", "data-label": t("latestValue") }, latest ? `${formatValue(latest.value)} ${indicator.unit}` : t("noDataYet"), latest ? el("span", { class: "muted district-date" }, latest.measuredOn) : null),
    el("td", { "data-label": t("target") }, target ? t("targetValue", { value: formatValue(target.value), unit: indicator.unit, year: target.year }) : t("noNumericTarget")),
  );
}

/** Per-county indicators, and any other the district has values for. */
function indicatorTable(dashboard: Dashboard, unitId: string): HTMLElement {
  const rows: HTMLElement[] = [];
  const seen = new Set<string>();
  for (const task of allTasks(dashboard.goals)) {
    for (const indicator of task.indicators as readonly WithDistricts[]) {
      if (seen.has(indicator.id)) continue;
      if (indicator.scope !== "per-county" && !indicator.districts?.some((d) => d.unitId === unitId)) continue;
      seen.add(indicator.id);
      rows.push(indicatorRow(indicator, task.number, unitId));
    }
  }
  if (rows.length === 0) return el("p", { class: "empty-note" }, t("districtNoIndicators"));
  const head = el("tr", {}, ...[t("indicator"), t("task"), t("light"), t("latestValue"), t("target")].map((h) => el("th", { scope: "col" }, h)));
  return el("div", { class: "table-wrap" }, el("table", { class: "data-table district-indicators" }, el("thead", {}, head), el("tbody", {}, ...rows)));
}

/** The reports the unit owes: this period's from the dashboard, older ones from the overdue list. */
function owedReports(context: StaffContext, tasks: readonly StaffTaskView[], arrears: UnitArrears | undefined, unitId: string): HTMLElement {
  const items: HTMLElement[] = [];
  const listed = new Set<string>();
  for (const task of tasks) {
    for (const row of task.reporting.filter((r) => r.unitId === unitId)) {
      listed.add(`${task.number}|${row.period}`);
      items.push(el("li", { class: "owed-item", "data-task": task.number }, lightBadge(row.reminder), ` ${taskTitle(context, task.number)} · ${t("periodLabel", { period: row.period })} · `, stateBadge(row.state)));
    }
  }
  for (const owed of arrears?.owed ?? []) {
    if (listed.has(`${owed.taskNumber}|${owed.period}`)) continue;
    items.push(el("li", { class: "owed-item", "data-task": owed.taskNumber }, lightBadge(owed.reminder), ` ${taskTitle(context, owed.taskNumber)} · ${t("periodLabel", { period: owed.period })} · ${t("districtDue", { due: owed.due })} · `, stateBadge(owed.state)));
  }
  if (items.length === 0) return el("p", { class: "empty-note", id: "district-no-reports" }, t("districtNoReports", { unit: unitName(context, unitId) }));
  return el("ul", { class: "owed district-owed" }, ...items);
}

/** The tasks the district leads or takes part in (directly or as one of "all counties"), with their lights. */
function taskList(context: StaffContext, tasks: readonly StaffTaskView[], unitId: string): HTMLElement {
  const mine = new Set(unitAndGroups(context, unitId));
  const lights = new Map(tasks.map((task) => [task.number, task.light]));
  const carried = planTasks(context.tree).filter((task) => [...task.leadUnits, ...task.participatingUnits].some((u) => mine.has(u.id)));
  if (carried.length === 0) return el("p", { class: "empty-note" }, t("noUnitTasks"));
  return el(
    "ul",
    { class: "district-tasks" },
    ...carried.map((task) => {
      const lead = task.leadUnits.some((u) => mine.has(u.id));
      return el(
        "li",
        { class: "district-task", "data-task": task.number },
        el("span", { class: "tree-number" }, String(task.number)),
        el("span", { class: "district-task-title" }, pick({ zh: task.title, en: task.titleEn })),
        el("span", { class: "district-task-tags" }, el("span", { class: "role-tag", "data-lead": lead }, lead ? t("leadUnit") : t("participatingUnit")), lightBadge(lights.get(task.number) ?? "grey")),
      );
    }),
  );
}

/** The first unit to show: the one in the URL, the user's own district, or the first. */
function startUnit(context: StaffContext, districts: readonly PlanUnit[], asked: string | null): string | undefined {
  const ids = districts.map((d) => d.id);
  return [asked, context.user.unitId].find((id): id is string => id !== null && ids.includes(id)) ?? ids[0];
}

/** Renders the view into `slot`, showing `unitId` when it names a district. */
export async function showDistrictView(context: StaffContext, slot: HTMLElement, unitId: string | null): Promise<void> {
  const chases = OVERDUE_READERS.includes(context.user.role);
  const [dashboard, overdue] = await Promise.all([fetchDashboard(), chases ? fetchOverdue() : Promise.resolve([])]);
  const districts = districtUnits(context.units);
  let chosen = startUnit(context, districts, unitId);
  const title = el("h2", { class: "view-title", tabindex: -1 }, t("districtViewTitle"));
  if (chosen === undefined) {
    replaceChildren(slot, title, el("p", { class: "empty-note" }, t("districtNone")));
    return;
  }
  const select = el("select", { id: "district-select", class: "select district-select" }, ...districts.map((d) => el("option", { value: d.id, selected: d.id === chosen }, unitName(context, d.id))));
  const body = el("div", { class: "district-body" });
  const tasks = allTasks(dashboard.goals);
  const draw = (id: string): void => {
    body.dataset.unit = id;
    replaceChildren(
      body,
      section("district-indicators", t("districtIndicators", { unit: unitName(context, id) }), el("p", { class: "legend-note district-note" }, t("districtIndicatorsNote")), indicatorTable(dashboard, id)),
      section("district-reports", t("districtReports"), owedReports(context, tasks, overdue.find((u) => u.unitId === id), id)),
      section("district-tasks", t("districtTasks"), el("p", { class: "legend-note district-note" }, t("districtTasksNote")), taskList(context, tasks, id)),
    );
  };
  select.addEventListener("change", () => {
    chosen = select.value;
    history.replaceState(null, "", `#districts/${encodeURIComponent(chosen)}`);
    draw(chosen);
  });
  draw(chosen);
  replaceChildren(
    slot,
    title,
    el("div", { class: "queue-tools district-tools" }, el("label", { for: "district-select", class: "field-label" }, t("districtPick")), select),
    body,
  );
}
