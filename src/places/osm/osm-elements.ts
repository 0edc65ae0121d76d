/** OpenStreetMap elements as our readers yield them, whatever the file format. */
export type OsmTags = Record<string, string>;
export interface OsmNode { type: "node"; id: number; lon: number; lat: number; tags: OsmTags }
export interface OsmWay { type: "way"; id: number; refs: number[]; tags: OsmTags }
export interface OsmMember { type: "node" | "way" | "relation"; ref: number; role: string }
export interface OsmRelation { type: "relation"; id: number; members: OsmMember[]; tags: OsmTags }
export type OsmElement = OsmNode | OsmWay | OsmRelation;

/** Thrown when a file is not valid OSM data; `where` says which block, element or line. */
export class OsmFormatError extends Error {
  constructor(message: string, readonly where: string) {
    super(message);
    this.name = "OsmFormatError";
  }
}
