/**
 * The basemap's palette, named by what it paints: one contract for the web style that MapLibre
 * draws (web/src/map/basemap-style.ts) and the pictures of the same tiles the server draws for a
 * phone's first view (src/basemap/tile-picture.ts). Sunny and soft, so the category markers on
 * top stay the loudest thing on the map.
 */
export const BASEMAP_COLORS = {
  background: "#fdf6e3",
  water: "#7cc8f8",
  waterLine: "#3d9be0",
  park: "#b9eb9c",
  forest: "#98d982",
  playground: "#ffd6a5",
  school: "#ffeaa0",
  hospital: "#ffd4dc",
  residential: "#f7eedc",
  commercial: "#fde2d2",
  industrial: "#ebe4f5",
  cemetery: "#d3e7c6",
  beach: "#fff1b8",
  building: "#f1d5bf",
  buildingLine: "#deb899",
  roadCasing: "#e2c9a8",
  motorway: "#ff9f43",
  primary: "#ffd166",
  minor: "#ffffff",
  pedestrian: "#ffd3ec",
  path: "#e0679a",
  cycleway: "#2f9e44",
  rail: "#9a8c98",
  label: "#3b2f2f",
  labelHalo: "#ffffff",
} as const;

/** The landuse layer's colour for each class (src/basemap/basemap-layers.ts); others are residential. */
export const LANDUSE_COLORS: Readonly<Record<string, string>> = {
  park: BASEMAP_COLORS.park,
  garden: BASEMAP_COLORS.park,
  grass: BASEMAP_COLORS.park,
  pitch: BASEMAP_COLORS.park,
  forest: BASEMAP_COLORS.forest,
  playground: BASEMAP_COLORS.playground,
  school: BASEMAP_COLORS.school,
  hospital: BASEMAP_COLORS.hospital,
  residential: BASEMAP_COLORS.residential,
  commercial: BASEMAP_COLORS.commercial,
  industrial: BASEMAP_COLORS.industrial,
  cemetery: BASEMAP_COLORS.cemetery,
  beach: BASEMAP_COLORS.beach,
};

/** Road classes by how they are drawn: major roads wider and yellow or orange, the rest white. */
export const ROAD_WIDTH_FACTOR: Readonly<Record<string, number>> = { motorway: 2.2, trunk: 2.2, primary: 1.8, secondary: 1.8 };
/** The factor of every other drivable class. */
export const ROAD_WIDTH_FACTOR_OTHER = 1.2;
export const DRIVABLE_ROADS: ReadonlySet<string> = new Set(["motorway", "trunk", "primary", "secondary", "tertiary", "minor", "service"]);
/** A drivable road's width curve: at each zoom, factor × the first number + casing × the second (pixels), exponential base 1.6 between. */
export const ROAD_WIDTH_STOPS: ReadonlyArray<readonly [zoom: number, perFactor: number, perExtra: number]> = [
  [10, 0.5, 0.3],
  [14, 2, 1],
  [18, 10, 2],
];

/**
 * A drivable road's width in pixels at `zoom`, `extra` pixels wider for its casing: the curve
 * the web style draws (basemap-style.ts builds its expression from the same stops).
 */
export function roadWidthAt(roadClass: string, zoom: number, extra = 0): number {
  const major = ROAD_WIDTH_FACTOR[roadClass] ?? ROAD_WIDTH_FACTOR_OTHER;
  const stops = ROAD_WIDTH_STOPS.map(([z, perFactor, perExtra]): [number, number] => [z, major * perFactor + extra * perExtra]);
  if (zoom <= stops[0]![0]) return stops[0]![1];
  for (let i = 1; i < stops.length; i++) {
    const [z0, w0] = stops[i - 1]!;
    const [z1, w1] = stops[i]!;
    if (zoom <= z1) {
      const t = (Math.pow(1.6, zoom - z0) - 1) / (Math.pow(1.6, z1 - z0) - 1);
      return w0 + (w1 - w0) * t;
    }
  }
  return stops[stops.length - 1]![1];
}
