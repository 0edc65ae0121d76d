/**
 * The school-route page's entry (儿童友好学径), for planners, schools and the units behind
 * the staff sign-in: a city's schools and kindergartens, least safe first; a school's walks
 * on the map with the crossings on them; the crossings to fix first, each with "mark
 * signalised" to see every school's safe-walk share change; exports; and a printable map a
 * school sends to parents. `#planner[data-ready]` says when what is shown is complete.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../../shared/staff-forms.css";
import "./schoolroutes.css";
import { type Region, fetchRegions } from "../../shared/api.ts";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, initLanguage, onLanguageChange } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { announce } from "../../shared/toast.ts";
import { errorText } from "../../shared/error-text.ts";
import { signInForm } from "../accounts/staff-sign-in-form.ts";
import { type StaffUser, fetchMe, fetchUnits } from "../accounts/staff-session-api.ts";
import type { SchoolProject } from "../../../../src/core/api/school-projects.ts";
import { choosableUnits, fetchProjectUnitIds, fetchProjects, projectSection } from "./school-projects.ts";
import { CONTROL_COLORS, percent, shareChange, worstFirst } from "./school-figures.ts";
import { type LonLat, type RankedCrossing, type SchoolAnswer, type SchoolRoutesAnswer, exportLink, fetchSchool, fetchSchoolRoutes, schoolMapLink } from "./schoolroutes-api.ts";
import { HAZARD_COLOR, HOME_COLOR, SchoolRoutesMap } from "./schoolroutes-map.ts";
import { t } from "./schoolroutes-messages.ts";
import "./schoolroutes-hook.ts";

initLanguage();
const main = byId("schoolroutes");
mountPageFrame(byId("page-header"), "staff", () => t("schoolRoutesTitle"));

interface State {
  regions: Region[];
  region: string;
  school: string | null;
  /** What-if: crossings marked signalised, by id and position. */
  signals: Map<string, LonLat>;
  answer: SchoolRoutesAnswer | null;
  detail: SchoolAnswer | null;
  /** The region's school-route projects (empty for roles that may not read them). */
  projects: SchoolProject[];
  /** Units a project may be started for: the person's own first. */
  units: Array<{ id: string; name: string }>;
}

let state: State | null = null;
let map: SchoolRoutesMap | null = null;
let generation = 0;

const controlLabel = (c: RankedCrossing["control"]) => t(`srControl_${c}`);
const kindLabel = (k: "kindergarten" | "primary" | "secondary") => t(`srKind_${k}`);

function showSignIn(): void {
  main.dataset.status = "sign-in";
  replaceChildren(main, signInForm((user) => void enter(user)));
  document.getElementById("username")?.focus();
}

async function enter(user: StaffUser): Promise<void> {
  main.dataset.status = "loading";
  const [regions, units, carriers] = await Promise.all([fetchRegions(), fetchUnits().catch(() => []), fetchProjectUnitIds().catch(() => null)]);
  const usable = regions.filter((r) => r.coverage);
  const named = units.map((u) => ({ id: u.id, name: getLanguage() === "zh" ? u.name : u.nameEn || u.name }));
  // A unit's reporter starts projects for their own unit; reviewers and administrators for a unit carrying the task (the server checks).
  state = { regions, region: (usable[0] ?? regions[0])?.id ?? "", school: null, signals: new Map(), answer: null, detail: null, projects: [], units: choosableUnits(named, user, carriers) };
  await load(true);
}

/** Asks the server again for the region (and the chosen school) with the what-if, then draws. */
async function load(frame: boolean): Promise<void> {
  if (!state) return;
  const mine = ++generation;
  delete main.dataset.ready;
  const s = state;
  const region = s.regions.find((r) => r.id === s.region);
  if (!region?.coverage) return drawNoData(region);
  const signals = [...s.signals.values()];
  try {
    const before = s.answer;
    const answer = await fetchSchoolRoutes(s.region, signals);
    if (mine !== generation) return;
    s.answer = answer;
    s.school ??= worstFirst(answer.schools).find((x) => x.homes > 0)?.id ?? null;
    s.detail = s.school ? await fetchSchool(s.region, s.school, signals) : null;
    s.projects = await fetchProjects(s.region).catch(() => []);
    if (mine !== generation) return;
    draw(region);
    if (s.detail && map) await map.show(s.detail, new Set(s.signals.keys()), frame);
    if (before && signals.length > 0) tellChanges(answer);
    main.dataset.ready = "schools";
  } catch (error) {
    replaceChildren(main, el("p", { class: "error-note", role: "alert" }, errorText(error)));
  }
}

function tellChanges(answer: SchoolRoutesAnswer): void {
  const moved = answer.schools.filter((x) => shareChange(x.baseSafeShare, x.safeShare) !== null);
  announce(moved.length === 0 ? t("srNoChange") : moved.map((x) => t("srChanged", { name: x.name, before: percent(x.baseSafeShare), after: percent(x.safeShare) })).join("；"));
}

function regionPicker(s: State): HTMLElement {
  const select = el("select", { id: "sr-region" }, ...s.regions.map((r) => el("option", { value: r.id, selected: r.id === s.region }, getLanguage() === "zh" ? r.name.zh : r.name.en)));
  select.addEventListener("change", () => {
    s.region = select.value;
    s.school = null;
    s.signals.clear();
    void load(true);
  });
  return el("label", { class: "sr-field" }, t("srRegion"), select);
}

function drawNoData(region: Region | undefined): void {
  map?.destroy();
  map = null;
  const name = region ? (getLanguage() === "zh" ? region.name.zh : region.name.en) : "";
  replaceChildren(main, el("div", { class: "sr-head" }, el("h1", { class: "view-title" }, t("schoolRoutesTitle")), state ? regionPicker(state) : null, el("p", { class: "sr-note", role: "status" }, t("srNoData", { name }))));
  main.dataset.ready = "no-data";
}

function schoolList(s: State, answer: SchoolRoutesAnswer): HTMLElement {
  const items = worstFirst(answer.schools).map((x) => {
    const change = shareChange(x.baseSafeShare, x.safeShare);
    const button = el("button", { type: "button", class: "sr-school", "data-school": x.id, "aria-pressed": x.id === s.school ? "true" : "false" },
      el("span", { class: "sr-school-name" }, x.name),
      el("span", { class: "sr-school-kind" }, kindLabel(x.kind)),
      el("span", { class: "sr-share", title: t("srSafeShareHelp") }, x.homes > 0 ? `${t("srSafeShare")} ${percent(x.safeShare)}${change === null ? "" : ` (${change > 0 ? "+" : ""}${change})`}` : t("srNoWalkers")));
    button.addEventListener("click", () => {
      s.school = x.id;
      void load(true);
    });
    return el("li", {}, button);
  });
  return el("section", { class: "sr-schools", "aria-labelledby": "sr-schools-title" }, el("h2", { id: "sr-schools-title" }, t("srSchools")), el("ul", {}, ...items));
}

function crossingList(s: State, detail: SchoolAnswer): HTMLElement {
  const items = detail.crossings.slice(0, 10).map((c, i) => {
    const marked = s.signals.has(c.id);
    const mark = el("button", { type: "button", class: "button button-quiet sr-mark", "data-crossing": c.id, disabled: marked || c.control === "signals" }, t("srMarkSignal"));
    mark.addEventListener("click", () => {
      s.signals.set(c.id, c.position);
      void load(false);
    });
    return el("li", { class: "sr-crossing", "data-control": c.control },
      el("span", { class: "sr-dot", style: `background:${CONTROL_COLORS[c.control]}`, "aria-hidden": "true" }),
      el("span", {}, t("srCrossingLine", { rank: i + 1, road: c.road.name ?? t("srUnnamedRoad"), control: controlLabel(c.control), area: Math.round(c.areaM2).toLocaleString() }), c.hazards > 0 ? ` · ${t("srHazards", { n: c.hazards })}` : ""),
      mark);
  });
  return el("section", { class: "sr-crossings", "aria-labelledby": "sr-crossings-title" }, el("h2", { id: "sr-crossings-title" }, t("srCrossings")), el("ol", {}, ...items));
}

function draw(region: Region): void {
  const s = state!;
  const answer = s.answer!;
  const detail = s.detail;
  const signals = [...s.signals.values()];
  const undo = el("button", { type: "button", class: "button button-quiet", id: "sr-undo" }, t("srUndo"));
  undo.addEventListener("click", () => {
    s.signals.clear();
    void load(false);
  });
  const print = el("button", { type: "button", class: "button", id: "sr-print" }, t("srPrint"));
  print.addEventListener("click", () => void printParentsMap(detail));
  const school = detail?.school;
  const head = el("div", { class: "sr-head" },
    el("h1", { class: "view-title", tabindex: "-1" }, t("schoolRoutesTitle")),
    el("p", { class: "sr-intro" }, t("schoolRoutesIntro")),
    regionPicker(s));
  const panel = el("section", { class: "sr-panel", "aria-label": t("srSchools") },
    s.signals.size > 0 ? el("p", { class: "sr-whatif", role: "status" }, t("srWhatIf", { n: s.signals.size }), " ", undo) : null,
    school ? el("div", { class: "sr-school-head" }, el("h2", {}, school.name), el("p", {}, `${kindLabel(school.kind)} · ${t("srHomes", { n: school.homes })} · ${t("srSafeShare")} ${percent(school.safeShare)}`),
      school.medianMetres !== null ? el("p", {}, t("srMedian", { m: Math.round(school.medianMetres) })) : null,
      el("p", {}, t("srCamera", { share: percent(school.cameraShare) }))) : null,
    detail ? crossingList(s, detail) : null,
    detail ? projectSection({
      region: s.region, school: detail.school, crossings: detail.crossings, units: s.units, projects: s.projects,
      changed: (message) => {
        announce(message);
        void load(false);
      },
      failed: (error) => announce(errorText(error), "warning"),
    }) : null,
    schoolList(s, answer),
    el("section", { class: "sr-export" }, el("h2", {}, t("srExport")),
      el("a", { href: exportLink(s.region, signals, "csv"), download: "" }, t("srExportCsv")), " · ",
      el("a", { href: exportLink(s.region, signals, "xlsx"), download: "" }, t("srExportXlsx")), " · ",
      el("a", { href: exportLink(s.region, signals, "geojson"), download: "" }, t("srExportGeojson")),
      detail ? el("p", { class: "sr-parents" }, t("srParentsMap"), " ",
        el("a", { href: schoolMapLink(s.region, detail.school.id, signals, "pdf"), download: "" }, "PDF"), " · ",
        el("a", { href: schoolMapLink(s.region, detail.school.id, signals, "png"), download: "" }, "PNG"), " · ",
        el("a", { href: schoolMapLink(s.region, detail.school.id, signals, "html"), target: "_blank", rel: "noopener" }, t("srParentsPage"))) : null,
      print),
    el("p", { class: "sr-proxy" }, t("srProxy")));
  const legend = el("div", { class: "sr-legend" }, el("span", { class: "sr-legend-walk" }, t("srLegendRoutes")),
    ...(["signals", "zebra", "unmarked", "none"] as const).map((c) => el("span", {}, el("span", { class: "sr-dot", style: `background:${CONTROL_COLORS[c]}`, "aria-hidden": "true" }), controlLabel(c))),
    el("span", {}, el("span", { class: "sr-dot sr-dot-hazard", style: `background:${HAZARD_COLOR}`, "aria-hidden": "true" }), t("srLegendHazard")),
    el("span", {}, el("span", { class: "sr-dot", style: `background:${HOME_COLOR}`, "aria-hidden": "true" }), t("srLegendHomes")));
  let mapBox = document.getElementById("sr-map");
  if (!mapBox || !map) {
    map?.destroy();
    mapBox = el("div", { id: "sr-map", class: "sr-map" });
    replaceChildren(main, head, el("section", { class: "sr-map-wrap", "aria-label": t("srMap") }, mapBox, legend), panel, el("p", { id: "sr-print-note", class: "sr-print-note" }));
    const credits = region.attribution === null ? [] : typeof region.attribution === "string" ? [region.attribution] : [...region.attribution];
    map = new SchoolRoutesMap(mapBox, getLanguage(), credits, (id) => document.querySelector<HTMLButtonElement>(`.sr-mark[data-crossing="${id}"]`)?.focus());
  } else {
    main.replaceChild(head, main.querySelector(".sr-head")!);
    main.replaceChild(panel, main.querySelector(".sr-panel")!);
    main.querySelector(".sr-legend")?.replaceWith(legend);
  }
}

async function printParentsMap(detail: SchoolAnswer | null): Promise<void> {
  if (!detail || !map) return;
  byId("sr-print-note").textContent = t("srPrintNote", { school: detail.school.name });
  await map.idle();
  window.print();
}

// The printed page is wider or narrower than the screen: the map's canvas follows it.
window.addEventListener("beforeprint", () => map?.map.resize());
window.addEventListener("afterprint", () => map?.map.resize());
window.__schoolRoutes = { walks: () => map?.walks() ?? 0, idle: () => map?.idle() ?? Promise.resolve() };

onLanguageChange(() => (state ? void load(false) : showSignIn()));

async function start(): Promise<void> {
  try {
    const user = await fetchMe();
    if (user) await enter(user);
    else showSignIn();
  } catch (error) {
    replaceChildren(main, el("p", { class: "error-note", role: "alert" }, errorText(error)));
  }
}

void start();
