/**
 * One guide's page: its facts and author, the map with its legs and numbered stops, the
 * stops in order with their notes (a closed or moved place said plainly) and how to get to
 * the next one, and the share box: the link, a copy button, the QR code and the A4 print
 * page. A guide waiting for a moderator says so to its author. `#guides[data-ready="guide"]`
 * says when the map shows the guide.
 */
import { GUIDE_STOP_STATE_LABELS } from "../../../../src/core/api/guides-vocabulary.ts";
import type { GuideDetail as Detail } from "../../../../src/core/api/guides.ts";
import { fetchRegions } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { errorText } from "../../shared/error-text.ts";
import { ApiError } from "../../shared/http.ts";
import { getLanguage } from "../../shared/i18n.ts";
import { announce } from "../../shared/toast.ts";
import { fetchGuide, guideLinks } from "./guides-api.ts";
import { factsLine, legText } from "./guide-format.ts";
import { attributionLines } from "../regions/region-picker.ts";
import { GuideMap } from "./guide-map.ts";
import { photoStrip } from "../family/photo-viewer.ts";
import { t } from "./guides-messages.ts";

const OSM_CREDIT = "© OpenStreetMap contributors";

function stopList(guide: Detail): HTMLElement {
  const lang = getLanguage();
  return el("ol", { class: "gd-stops" }, ...guide.stops.map((s, i) => {
    const leg = guide.legs.features[i];
    const name = lang === "en" && s.nameEn ? s.nameEn : s.name;
    return el("li", { class: "gd-stop", "data-state": s.state },
      el("span", { class: "gd-stop-name" }, name),
      s.state === "open" ? null : el("span", { class: "gd-warn", role: "note" }, GUIDE_STOP_STATE_LABELS[s.state][lang]),
      s.note ? el("span", { class: "gd-stop-note" }, s.note) : null,
      s.photos.length ? el("div", { class: "gd-stop-photos", role: "group", "aria-label": t("gdStopPhotosLabel", { n: i + 1 }) }, photoStrip(s.photos, { width: 96, height: 72 })) : null,
      leg ? el("span", { class: "gd-leg", "data-mode": leg.properties.mode }, `↓ ${legText(leg, lang)}`) : null);
  }));
}

function shareBox(guide: Detail): HTMLElement {
  const links = guideLinks(guide.id);
  const input = el("input", { id: "gd-share-link", type: "url", readonly: true, value: guide.shareUrl });
  const copy = el("button", { type: "button", class: "button" }, t("gdCopy"));
  copy.addEventListener("click", () => {
    input.select();
    void navigator.clipboard?.writeText(guide.shareUrl).then(() => announce(t("gdCopied")), () => undefined);
  });
  return el("section", { class: "gd-share", "aria-labelledby": "gd-share-title" },
    el("h2", { id: "gd-share-title" }, t("gdShare")),
    el("label", { for: "gd-share-link" }, t("gdShareLink")),
    el("div", { class: "gd-share-row" }, input, copy),
    el("img", { class: "gd-qr", src: links.qr, alt: t("gdQr"), width: 160, height: 160 }),
    el("a", { class: "gd-print", href: links.print, target: "_blank", rel: "noopener" }, t("gdPrint")));
}

/** Draws the guide `id` into `main`. */
export async function mountGuideView(main: HTMLElement, id: string): Promise<void> {
  const lang = getLanguage();
  const back = el("a", { class: "gd-back", href: "/guides.html" }, t("gdBack"));
  let guide: Detail;
  try {
    guide = await fetchGuide(id);
  } catch (error) {
    replaceChildren(main, back, el("p", { class: "gd-error", role: "alert" }, error instanceof ApiError && error.status === 404 ? t("gdNotFound") : errorText(error)));
    main.dataset.ready = "missing";
    return;
  }
  document.title = `${guide.title} · ${t("gdTitle")}`;
  const credit = guide.author.team ? t("gdByTeam", { name: guide.author.name, team: guide.author.team }) : t("gdBy", { name: guide.author.name });
  const status = guide.status === "pending" ? t("gdPending") : guide.status && guide.status !== "published" ? t("gdHidden") : null;
  const mapBox = el("div", { class: "gd-map", role: "region", "aria-label": t("gdMap") });
  replaceChildren(main,
    el("div", { class: "gd-head" }, back, el("h1", {}, guide.title), el("p", { class: "gd-facts" }, factsLine(guide, lang)), el("p", { class: "gd-credit" }, credit),
      status ? el("p", { class: "gd-status", role: "status", "data-status": guide.status ?? "" }, status) : null,
      guide.changedStops > 0 ? el("p", { class: "gd-warn", role: "note" }, t("gdChanged", { n: guide.changedStops })) : null,
      el("p", { class: "gd-summary" }, guide.summary)),
    el("div", { class: "gd-map-wrap" }, mapBox),
    el("section", { class: "gd-panel", "aria-labelledby": "gd-stops-title" },
      el("h2", { id: "gd-stops-title" }, t("gdStopsHeading")),
      el("p", { class: "gd-travel" }, t("gdOnTheWay", { n: guide.travelMinutes })),
      stopList(guide)),
    shareBox(guide));
  main.classList.add("gd-guide-main");
  // Offline (a saved guide) the regions may not answer: the OpenStreetMap credit is shown all the same.
  const region = (await fetchRegions().catch(() => [])).find((r) => r.id === guide.regionId);
  const credits = attributionLines(region);
  const map = new GuideMap(mapBox, lang, credits.length ? credits : [OSM_CREDIT]);
  await map.show(guide);
  map.map.once("idle", () => (main.dataset.ready = "guide"));
}
