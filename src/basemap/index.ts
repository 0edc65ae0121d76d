/** The basemap domain: vector tiles cut from a region's own OSM data, no internet tile server. */
export { basemapFeatures, type BasemapLayers } from "./basemap-features.ts";
export { buildBasemapTiles, BASEMAP_MAX_ZOOM, tileOf } from "./tile-builder.ts";
export { TileServer, basemapDomain } from "./tile-server.ts";
export { MbtilesReader } from "./mbtiles.ts";
