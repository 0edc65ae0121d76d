/** Limits shared by the API, the importers and the browser, so all three agree. */
export const LIMITS = {
  /** Largest bbox side accepted by GET /api/places, in degrees (about a province). */
  maxBboxSpanDegrees: 10,
  /** Most features one /api/places response returns. */
  maxPlacesPerResponse: 5000,
  defaultPlacesPerResponse: 2000,
  /** Nearest-k bounds. */
  maxNearbyK: 100,
  defaultNearbyK: 10,
  /** Nearby search radius cap in metres. */
  maxNearbyRadiusM: 100_000,
  /** Children's ages the platform serves: 0 to 18. */
  maxAge: 18,
  /** An imported file may hold at most this many rows or features. */
  maxImportRows: 200_000,
  maxNameLength: 200,
  maxOpeningHoursLength: 255,
} as const;

/** Place ids: "osm:n123", "hengyang:nanhu-park", lowercase, no spaces, bounded. */
export const PLACE_ID_PATTERN = /^[a-z0-9][a-z0-9:._-]{0,79}$/;
/** Region ids: "hengyang", "monaco". */
export const REGION_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
