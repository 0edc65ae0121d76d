/**
 * The venue staff page (场馆状态管理, venue.html): venue staff sign in (the staff sign-in
 * form), pick one of their places and say how it is today — open, closed today, closed
 * until a time, how crowded, a notice — and see its recent changes. Administrators name any
 * place. `#venue[data-ready]` says when the chosen place's status is shown.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../../shared/staff-forms.css";
import "./live.css";
import type { StatusChangeInput } from "../../../../src/core/api/live.ts";
import { CROWDING_LEVELS, type CrowdingLevel, type LiveStatus } from "../../../../src/core/api/live-vocabulary.ts";
import { fetchPlace } from "../../shared/api.ts";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { errorText } from "../../shared/error-text.ts";
import { initLanguage, onLanguageChange, pick } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { announce } from "../../shared/toast.ts";
import { signInForm } from "../accounts/staff-sign-in-form.ts";
import { type StaffUser, fetchMe, signOut } from "../accounts/staff-session-api.ts";
import { type HistoryRow, fetchHistory, fetchPlaceStatus, historyCsvLink, setPlaceStatus } from "./live-api.ts";
import { t } from "./live-messages.ts";
import { crowdingText, openingText, saidAt, timeText } from "./live-text.ts";
import { venueForms } from "./venue-forms.ts";

initLanguage();
const main = byId("venue");
mountPageFrame(byId("page-header"), "staff", () => t("venueTitle"));

let user: StaffUser | null = null;
let placeId: string | null = new URLSearchParams(location.search).get("place");
const names = new Map<string, string>();

function showSignIn(): void {
  main.dataset.status = "sign-in";
  replaceChildren(main, signInForm(() => void start()));
  document.getElementById("username")?.focus();
}

async function start(): Promise<void> {
  user = await fetchMe().catch(() => null);
  if (!user) return showSignIn();
  const places = user.placeIds ?? [];
  if (user.role !== "admin" && user.role !== "venue") return message(t("venueNotVenue"));
  if (user.role === "venue" && places.length === 0) return message(t("venueNoPlaces"));
  if (placeId === null || (user.role === "venue" && !places.includes(placeId))) placeId = places[0] ?? null;
  await Promise.all(places.map(async (id) => names.set(id, await fetchPlace(id).then((p) => pick(p.properties.name) || id).catch(() => id))));
  await render();
}

function message(text: string): void {
  main.dataset.status = "refused";
  replaceChildren(main, el("h1", {}, t("venueTitle")), el("p", {}, text), signOutButton());
}

function signOutButton(): HTMLElement {
  const b = el("button", { type: "button", class: "button" }, t("venueSignOut"));
  b.addEventListener("click", () => void signOut().then(showSignIn));
  return b;
}

/** The place picker: the venue's places, or a place id field for an administrator. */
function picker(): HTMLElement {
  const places = user?.placeIds ?? [];
  if (user?.role === "venue") {
    const select = el("select", { id: "venue-place", class: "select input" }, ...places.map((id) => el("option", { value: id, selected: id === placeId }, names.get(id) ?? id)));
    select.addEventListener("change", () => {
      placeId = select.value;
      void render();
    });
    return el("div", { class: "form-field" }, el("label", { for: "venue-place", class: "field-label" }, t("venuePlace")), select);
  }
  const input = el("input", { id: "venue-place", class: "input", value: placeId ?? "", autocapitalize: "none", spellcheck: "false" });
  const show = el("button", { type: "button", class: "button" }, t("venueLoadPlace"));
  show.addEventListener("click", () => {
    placeId = input.value.trim() || null;
    void render();
  });
  return el("div", { class: "form-field" }, el("label", { for: "venue-place", class: "field-label" }, t("venueAdminPlace")), el("div", { class: "venue-buttons" }, input, show));
}

function statusView(status: LiveStatus | null): HTMLElement {
  const opening = status ? openingText(status) : null;
  const crowding = status ? crowdingText(status) : null;
  const said = status && (status.opening || status.crowding || status.notice);
  return el("section", { class: "live-status venue-now", "aria-labelledby": "venue-now-title", "data-live-opening": status?.opening?.state ?? "none" },
    el("h2", { id: "venue-now-title" }, t("venueNow")),
    opening ? el("p", { class: "live-badge", "data-state": status!.opening!.state }, opening) : null,
    status?.opening?.reason ? el("p", { class: "live-reason" }, t("liveReason", { reason: status.opening.reason })) : null,
    crowding ? el("p", { class: "live-crowding", "data-level": status!.crowding!.level }, `${t("liveCrowdingLabel")}：${crowding}`) : null,
    status?.notice ? el("div", { class: "live-notice", role: "note" }, el("strong", {}, t("liveNotice")), " ", status.notice.text) : null,
    said ? el("p", { class: "live-time" }, saidAt(status) ?? "") : el("p", {}, t("venueNothing")));
}

/** A change's value in words: the state or level as the badge says it, the notice's text. */
function valueText(row: HistoryRow): string {
  if (row.value === null) return t("venueCleared");
  if (row.facet === "notice") return row.value;
  if (row.facet === "crowding" && isCrowding(row.value)) return t(`liveCrowding_${row.value}`);
  if (row.facet === "opening" && row.value === "open") return t("venueSetOpen");
  if (row.facet === "opening" && row.value === "closed_today") return t("venueSetClosedToday");
  if (row.facet === "opening" && row.value === "temporarily_closed") return `${t("venueSetTemporary")}${row.until ? ` → ${timeText(row.until)}` : ""}`;
  return row.value;
}

const isCrowding = (value: string): value is CrowdingLevel => (CROWDING_LEVELS as readonly string[]).includes(value);

function historyView(rows: readonly HistoryRow[]): HTMLElement {
  const line = (r: HistoryRow) => `${timeText(r.setAt)} · ${t(`venueFacet_${r.facet}`)} · ${valueText(r)}`;
  return el("section", { "aria-labelledby": "venue-history-title" },
    el("h2", { id: "venue-history-title" }, t("venueHistory")),
    el("ul", { class: "venue-history" }, ...rows.map((r) => el("li", {}, line(r)))),
    placeId ? el("a", { href: historyCsvLink(placeId), download: "" }, t("venueHistoryCsv")) : null);
}

async function send(change: StatusChangeInput): Promise<void> {
  if (!placeId) return;
  try {
    await setPlaceStatus(placeId, change);
    announce(t("venueSaved"));
    await render();
  } catch (error) {
    announce(errorText(error), "warning");
  }
}

async function render(): Promise<void> {
  delete main.dataset.ready;
  main.dataset.status = "ready";
  const [status, history] = placeId ? await Promise.all([fetchPlaceStatus(placeId).catch(() => null), fetchHistory(placeId).catch(() => [])]) : [null, []];
  replaceChildren(main,
    el("h1", {}, t("venueTitle")),
    el("p", { class: "muted" }, t("venueIntro")),
    picker(),
    placeId ? statusView(status) : null,
    ...(placeId ? venueForms((change) => void send(change)) : []),
    placeId ? historyView(history) : null,
    signOutButton());
  main.dataset.ready = placeId ?? "none";
}

onLanguageChange(() => {
  if (user) void render();
  else if (main.dataset.status === "sign-in") showSignIn();
});
void start();
