/**
 * The pictures of poll options (POLL_ICONS in src/core/api/councils-vocabulary.ts): Maki's
 * CC0 icons where one fits, simple line drawings here for playground equipment Maki lacks
 * (slide, swing, seesaw, sandpit, climbing frame, trampoline, crossing, lights). Drawn in
 * `currentColor`, so the same picture sits on any coloured tile.
 */
import artGallery from "@mapbox/maki/icons/art-gallery.svg?raw";
import basketball from "@mapbox/maki/icons/basketball.svg?raw";
import bicycle from "@mapbox/maki/icons/bicycle.svg?raw";
import drinkingWater from "@mapbox/maki/icons/drinking-water.svg?raw";
import garden from "@mapbox/maki/icons/garden.svg?raw";
import library from "@mapbox/maki/icons/library.svg?raw";
import music from "@mapbox/maki/icons/music.svg?raw";
import parkAlt from "@mapbox/maki/icons/park-alt1.svg?raw";
import picnic from "@mapbox/maki/icons/picnic-site.svg?raw";
import rocket from "@mapbox/maki/icons/rocket.svg?raw";
import skateboard from "@mapbox/maki/icons/skateboard.svg?raw";
import soccer from "@mapbox/maki/icons/soccer.svg?raw";
import star from "@mapbox/maki/icons/star.svg?raw";
import swimming from "@mapbox/maki/icons/swimming.svg?raw";
import tableTennis from "@mapbox/maki/icons/table-tennis.svg?raw";
import toilet from "@mapbox/maki/icons/toilet.svg?raw";
import type { PollIcon } from "../../../../src/core/api/councils-vocabulary.ts";

const line = (paths: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 15 15" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;

const SLIDE = line('<path d="M3 14V3h2v11M3 6h2M3 9h2M5 3l8 10h1.5"/>');
const SWING = line('<path d="M1.5 14L4 1.5h7L13.5 14M6 1.5v8M9.5 1.5v8M5.5 9.5h4.5"/>');
const SEESAW = line('<path d="M1 6.5l13 3M6 13.5l1.5-5 1.5 5z"/><circle cx="2.5" cy="4.5" r="1.2"/><circle cx="12.5" cy="7.3" r="1.2"/>');
const SANDPIT = line('<path d="M1 10.5h13v3H1zM3.5 10.5c1-3 3-4 4-4s3 1 4 4"/><path d="M11 3l1.5 4"/>');
const CLIMBING = line('<path d="M2 14V2h11v12M2 6h11M2 10h11M5.7 2v12M9.3 2v12"/>');
const TRAMPOLINE = line('<ellipse cx="7.5" cy="8" rx="6" ry="2"/><path d="M3 9.5l-.5 4M12 9.5l.5 4M7.5 5.5V2"/>');
const CROSSING = line('<path d="M2.5 2v11M5.5 2v11M8.5 2v11M11.5 2v11" stroke-width="2"/>');
const LIGHTS = line('<rect x="5" y="1" width="5" height="10.5" rx="1.5"/><circle cx="7.5" cy="3.6" r=".9"/><circle cx="7.5" cy="6.3" r=".9"/><circle cx="7.5" cy="9" r=".9"/><path d="M7.5 11.5V14"/>');
const TRACK = line('<ellipse cx="7.5" cy="7.5" rx="6" ry="4.5"/><ellipse cx="7.5" cy="7.5" rx="3.5" ry="2"/>');
const QUIET = line('<path d="M2 13V6.5L7.5 2 13 6.5V13z"/><path d="M6 9.5c.8.8 2.2.8 3 0"/>');

const PICTURES: Readonly<Record<PollIcon, string>> = {
  slide: SLIDE, swing: SWING, seesaw: SEESAW, sandpit: SANDPIT, climbing: CLIMBING, trampoline: TRAMPOLINE,
  "water-play": swimming, football: soccer, basketball, "table-tennis": tableTennis, "running-track": TRACK,
  bicycle, skating: skateboard, "shade-tree": parkAlt, bench: picnic, toilet, "drinking-water": drinkingWater, garden, library,
  "reading-corner": library, art: artGallery, music, science: rocket, "quiet-room": QUIET, crossing: CROSSING, lights: LIGHTS, other: star,
};

/** An option's picture as inline SVG markup, drawn in currentColor and hidden from screen readers (the label names it). */
export function pollPicture(icon: PollIcon | null): string {
  const svg = PICTURES[icon ?? "other"];
  return svg.replace(/<\?xml[^>]*\?>\s*/, "").replace(/<svg\b([^>]*)>/, (_tag, attributes: string) => {
    const kept = attributes.replace(/\s(?:width|height|id)="[^"]*"/g, "");
    return `<svg${kept} aria-hidden="true" focusable="false"${kept.includes("fill=") ? "" : ' fill="currentColor"'}>`;
  });
}
