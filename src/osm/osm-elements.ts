/**
 * OpenStreetMap elements as our readers yield them, whatever the file format, so that the
 * importers downstream never learn whether the data came from PBF or XML. Metadata (version,
 * timestamp, user, changeset) is dropped: no importer of ours needs it.
 */

/** Tags of one element, key to value; keys are unique within an element. */
export type OsmTags = Record<string, string>;

/** A point, in WGS-84 degrees, the only OSM element that has a position of its own. */
export interface OsmNode { type: "node"; id: number; lon: number; lat: number; tags: OsmTags }

/** An ordered list of node ids: a street, a path, or the outline of an area. */
export interface OsmWay { type: "way"; id: number; refs: number[]; tags: OsmTags }

/** One entry of a relation: which element, and its role there ("outer", "stop", ""). */
export interface OsmMember { type: "node" | "way" | "relation"; ref: number; role: string }

/** A group of elements: multipolygons, routes, sites. */
export interface OsmRelation { type: "relation"; id: number; members: OsmMember[]; tags: OsmTags }

/** Anything a reader yields; switch on `type`. */
export type OsmElement = OsmNode | OsmWay | OsmRelation;

/**
 * Thrown when a file is not valid OSM data, so callers can tell a bad upload from a bug.
 * `where` says which block (PBF: "block 12 at byte 34567") or line (XML: "line 7, column 3").
 */
export class OsmFormatError extends Error {
  constructor(message: string, readonly where: string) {
    super(message);
    this.name = "OsmFormatError";
  }
}
