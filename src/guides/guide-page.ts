/**
 * A guide as a printable page (A4 portrait) for a school trip: the title, what kind of
 * outing it is (age, duration, cost, stroller and wheelchair), a sketch of the stops and
 * legs, each stop with its note, its photos and, when its place has closed or moved, a warning, each
 * leg with how it is travelled and how long it takes, the QR code of the share link and
 * the OSM attribution. Chinese first, English below; every text from people or data escaped.
 */
import { GUIDE_COST_LABELS, GUIDE_KIND_LABELS, GUIDE_LEG_LABELS, GUIDE_STOP_STATE_LABELS, GUIDE_THEME_LABELS, type GuideDetail } from "../core/api/guides.ts";

const STYLE = `
@page { size: A4 portrait; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; color: #1d2733; font-size: 11pt; line-height: 1.5; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 20pt; margin: 0 0 2pt; } h2 { font-size: 13pt; margin: 12pt 0 4pt; border-bottom: 2px solid #2b8a3e; }
.en { color: #495057; font-size: 9.5pt; font-weight: normal; display: block; }
.facts { display: flex; flex-wrap: wrap; gap: 4pt 12pt; margin: 6pt 0; } .facts span { white-space: nowrap; }
.top { display: flex; gap: 12pt; align-items: flex-start; } .top .qr { width: 34mm; flex: none; text-align: center; font-size: 8pt; word-break: break-all; }
.sketch svg { width: 100%; max-height: 90mm; border: 1px solid #c9d1db; border-radius: 4pt; }
ol.stops { padding-left: 18pt; } ol.stops li { margin-bottom: 6pt; break-inside: avoid; }
.warn { color: #c92a2a; font-weight: bold; } .leg { color: #495057; font-size: 10pt; }
.photos { display: flex; gap: 4pt; margin: 3pt 0; } .photos img { width: 48mm; height: 32mm; object-fit: cover; border-radius: 3pt; }
footer { margin-top: 12pt; font-size: 9pt; color: #495057; }`;

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** The stops and legs drawn in a 600×300 box, north up, numbered as in the list. */
export function sketchSvg(guide: Pick<GuideDetail, "stops" | "legs">): string {
  const points = [...guide.stops.map((s) => [s.lon, s.lat] as [number, number]), ...guide.legs.features.flatMap((f) => f.geometry.coordinates)];
  const lons = points.map((p) => p[0]), lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const scale = Math.min(560 / Math.max((maxLon - minLon) * kx, 1e-6), 260 / Math.max(maxLat - minLat, 1e-6));
  const xy = ([lon, lat]: [number, number]) => `${(20 + (lon - minLon) * kx * scale).toFixed(1)},${(280 - (lat - minLat) * scale).toFixed(1)}`;
  const lines = guide.legs.features.map((f) => `<polyline points="${f.geometry.coordinates.map(xy).join(" ")}" fill="none" stroke="${f.properties.mode === "bus" ? "#1971c2" : "#2b8a3e"}" stroke-width="3"${f.properties.mode === "straight" ? ' stroke-dasharray="6 4"' : ""}/>`);
  const dots = guide.stops.map((s, i) => {
    const [x, y] = xy([s.lon, s.lat]).split(",");
    return `<circle cx="${x}" cy="${y}" r="10" fill="${s.state === "open" ? "#2b8a3e" : "#c92a2a"}"/><text x="${x}" y="${Number(y) + 4}" text-anchor="middle" font-size="11" fill="#fff">${i + 1}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300" role="img" aria-label="路线示意 Route sketch">${lines.join("")}${dots.join("")}</svg>`;
}

/** The whole page; `qr` is the share link's QR code as SVG. */
export function guidePage(guide: GuideDetail, qr: string): string {
  const kind = GUIDE_KIND_LABELS[guide.kind], theme = GUIDE_THEME_LABELS[guide.theme], cost = GUIDE_COST_LABELS[guide.cost];
  const credit = `${escapeHtml(guide.author.name)}${guide.author.team ? ` · ${escapeHtml(guide.author.team)}` : ""}`;
  const facts = [
    `${kind.zh} · ${theme.zh}`, `${guide.ageMin}–${guide.ageMax} 岁`, `约 ${guide.minutes} 分钟`, cost.zh,
    guide.stroller ? "适合婴儿车" : "不便推婴儿车", guide.wheelchair ? "轮椅可达" : "轮椅不便",
  ].map((f) => `<span>${f}</span>`).join("");
  const factsEn = `${kind.en} · ${theme.en} · ages ${guide.ageMin}–${guide.ageMax} · about ${guide.minutes} min · ${cost.en} · ${guide.stroller ? "stroller-friendly" : "not for strollers"} · ${guide.wheelchair ? "wheelchair accessible" : "not wheelchair accessible"}`;
  const stops = guide.stops.map((s, i) => {
    const leg = guide.legs.features[i];
    const warn = s.state === "open" ? "" : `<div class="warn">${GUIDE_STOP_STATE_LABELS[s.state].zh}<span class="en">${GUIDE_STOP_STATE_LABELS[s.state].en}</span></div>`;
    const legText = leg ? `<div class="leg">↓ ${GUIDE_LEG_LABELS[leg.properties.mode].zh}${leg.properties.lines.length ? ` ${escapeHtml(leg.properties.lines.join("、"))}` : ""} ${leg.properties.distanceM} 米，约 ${minutes(leg.properties.durationS)} 分钟 · ${GUIDE_LEG_LABELS[leg.properties.mode].en}, ${leg.properties.distanceM} m, about ${minutes(leg.properties.durationS)} min</div>` : "";
    const photos = s.photos.length ? `<div class="photos">${s.photos.map((url, n) => `<img src="${escapeHtml(url)}" alt="${escapeHtml(s.name)} 照片 ${n + 1}">`).join("")}</div>` : "";
    return `<li><strong>${escapeHtml(s.name)}</strong>${s.nameEn && s.nameEn !== s.name ? `<span class="en">${escapeHtml(s.nameEn)}</span>` : ""}${warn}${s.note ? `<div>${escapeHtml(s.note)}</div>` : ""}${photos}${legText}</li>`;
  }).join("");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(guide.title)} · 童行</title><style>${STYLE}</style></head><body>
<div class="top"><div><h1>${escapeHtml(guide.title)}</h1><div>作者 By ${credit}</div><div class="facts">${facts}</div><div class="en">${factsEn}</div><p>${escapeHtml(guide.summary)}</p></div>
<div class="qr">${qr}<div>扫码打开 Scan to open</div><div>${escapeHtml(guide.shareUrl)}</div></div></div>
<h2>路线示意<span class="en">Route sketch</span></h2><div class="sketch">${sketchSvg(guide)}</div>
<h2>站点与路程<span class="en">Stops and legs (路上约 ${guide.travelMinutes} 分钟 · about ${guide.travelMinutes} min on the way)</span></h2><ol class="stops">${stops}</ol>
<footer>地图数据 © OpenStreetMap 贡献者（ODbL）。出行前请确认场馆开放时间；过马路请大人陪同。<span class="en">Map data © OpenStreetMap contributors (ODbL). Check opening hours before you go; cross roads with an adult.</span></footer>
</body></html>`;
}
