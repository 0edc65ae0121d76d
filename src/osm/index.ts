/**
 * OpenStreetMap reading, shared by every domain that builds from an OSM extract (places,
 * routing, basemap, access): the PBF and XML readers behind one file reader, the element
 * types they yield, and the geometry those domains need from ways and relations (marker
 * positions, multipolygon rings). What a domain makes of the tags stays in that domain.
 */
export {
  OsmFormatError,
  type OsmElement, type OsmMember, type OsmNode, type OsmRelation, type OsmTags, type OsmWay,
} from "./osm-elements.ts";
export { readOsmFile } from "./read-osm-file.ts";
export { readOsmPbf } from "./osm-pbf-reader.ts";
export { readOsmXml } from "./osm-xml-reader.ts";
export { meanOf, ringCentroid, wayAnchor } from "./osm-geometry.ts";
export { assembleRings, isClosed } from "./ring-assembly.ts";
