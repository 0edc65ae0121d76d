/**
 * Draws the installed app's icons (web/public/icons/*.png) from one SVG: an orange tile with
 * a white map pin holding a child's head, the map's own colours. "any" icons fill the tile;
 * the maskable one keeps the pin inside the central 80 % a launcher may crop to a circle.
 *
 *   node --import tsx scripts/make-app-icons.ts
 *
 * The PNGs are committed; run this again only when the drawing changes.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const OUT = fileURLToPath(new URL("../web/public/icons/", import.meta.url));
const ORANGE = "#e8590c";

/** The pin, drawn in a 100×100 box, scaled by `scale` about the centre. */
function iconSvg(size: number, scale: number, rounded: boolean): string {
  const radius = rounded ? 22 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="${radius}" fill="${ORANGE}"/>
  <g transform="translate(50 50) scale(${scale}) translate(-50 -50)">
    <path d="M50 14c-15.5 0-28 12.2-28 27.3C22 61 50 86 50 86s28-25 28-44.7C78 26.2 65.5 14 50 14z" fill="#fff"/>
    <circle cx="50" cy="37" r="9" fill="${ORANGE}"/>
    <path d="M35 58c2.5-8 8.3-12 15-12s12.5 4 15 12" fill="none" stroke="${ORANGE}" stroke-width="6" stroke-linecap="round"/>
  </g>
</svg>`;
}

const icons = [
  { file: "icon-192.png", size: 192, scale: 1, rounded: true },
  { file: "icon-512.png", size: 512, scale: 1, rounded: true },
  { file: "icon-maskable-512.png", size: 512, scale: 0.72, rounded: false },
];

fs.mkdirSync(OUT, { recursive: true });
for (const icon of icons) {
  await sharp(Buffer.from(iconSvg(icon.size, icon.scale, icon.rounded))).png({ compressionLevel: 9, palette: true }).toFile(path.join(OUT, icon.file));
  console.log(`${icon.file}: ${fs.statSync(path.join(OUT, icon.file)).size} bytes`);
}
