/** Reads an OSM file from disk with the reader its extension names. */
import fs from "node:fs";
import type { OsmElement } from "./osm-elements.ts";
import { OsmFormatError } from "./osm-elements.ts";
import { readOsmPbf } from "./osm-pbf-reader.ts";
import { readOsmXml } from "./osm-xml-reader.ts";

/**
 * All elements of a .osm.pbf, .osm or .xml file, in file order, so importers need not care
 * which format they were given. Throws OsmFormatError for bad data or another extension.
 */
export function readOsmFile(file: string): OsmElement[] {
  const lower = file.toLowerCase();
  if (lower.endsWith(".pbf")) return [...readOsmPbf(fs.readFileSync(file))];
  if (lower.endsWith(".osm") || lower.endsWith(".xml")) return [...readOsmXml(fs.readFileSync(file, "utf8"))];
  throw new OsmFormatError("unknown file type: use .osm.pbf, .osm or .xml", file);
}
