/**
 * What the staff screens show of every idea: its picture, title and stage, who shared it (a
 * nickname, marked when a minor), its supports, how long it has waited (overdue marked),
 * and the exact point, which only staff see, for routing the work.
 */
import { el } from "../../shared/dom.ts";
import { getLanguage } from "../../shared/i18n.ts";
import { kindMark, stageName } from "../ideas/idea-kinds.ts";
import type { StaffIdea } from "./voice-staff-api.ts";
import { st } from "./staff-voice-messages.ts";

/** Whole days since an ISO time. */
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000));
}

/** The head of an idea on a staff screen. */
export function ideaHead(idea: StaffIdea): HTMLElement {
  const since = idea.publishedAt ?? idea.createdAt;
  const exact = idea.exactLat !== null && idea.exactLon !== null ? { lat: idea.exactLat, lon: idea.exactLon } : { lat: idea.lat, lon: idea.lon };
  return el("div", { class: "staff-idea-head" },
    kindMark(idea.kind),
    el("div", { class: "staff-idea-title" },
      el("h3", { class: "unit-task-title" }, idea.title),
      el("p", { class: "unit-task-meta" },
        el("span", { class: "stage-badge", "data-stage": idea.stage }, stageName(idea.stage)),
        el("strong", {}, idea.nickname),
        idea.byChild ? el("span", { class: "minor-tag" }, st("minor")) : null,
        el("span", { class: "muted" }, st("supportsCount", { n: idea.supportCount })),
        el("span", { class: idea.overdue ? "overdue-tag" : "muted" }, idea.overdue ? st("overdue") : st("waitingDays", { n: daysSince(since) }))),
      el("p", { class: "muted staff-idea-point" }, st("exactPoint", { lat: exact.lat.toFixed(5), lon: exact.lon.toFixed(5) }), " · ",
        el("a", { href: `/?region=${encodeURIComponent(idea.regionId)}&idea=${encodeURIComponent(idea.id)}&lang=${getLanguage()}`, target: "_blank", rel: "noopener" }, st("openOnMap")))));
}
