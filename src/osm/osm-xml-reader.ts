/**
 * Reads OpenStreetMap XML (.osm, as the API, JOSM and Overpass write it): <node> with lat and
 * lon, <way> with <nd ref>, <relation> with <member type ref role>, and their <tag k v>s,
 * inside an <osm> root. Everything else (<bounds>, <changeset>, metadata) is ignored. Strict:
 * malformed XML, a bad id or a missing position throws OsmFormatError with the line number.
 */
import sax from "sax";
import type { OsmElement, OsmMember } from "./osm-elements.ts";
import { OsmFormatError } from "./osm-elements.ts";

/** How much text the parser takes at a time before the finished elements are yielded. */
const CHUNK_CHARS = 1 << 16;
const MEMBER_TYPES: ReadonlySet<string> = new Set(["node", "way", "relation"]);

type Attributes = sax.Tag["attributes"] | sax.QualifiedTag["attributes"];

function attribute(attributes: Attributes, name: string): string | undefined {
  const value = attributes[name];
  return typeof value === "object" ? value.value : value;
}

function integer(value: string | undefined, what: string): number {
  const n = value !== undefined && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`${what} must be an integer, got "${String(value).slice(0, 30)}"`);
  return n;
}

function coordinate(value: string | undefined, what: string, limit: number): number {
  const n = value === undefined || value.trim() === "" ? NaN : Number(value);
  if (!(Math.abs(n) <= limit)) throw new Error(`${what} must be a number within ±${limit}, got "${String(value).slice(0, 30)}"`);
  return n;
}

/** Builds an element, or adds a child to the open one, from one opening tag. */
function openTag(name: string, a: Attributes, current: OsmElement | null): OsmElement | null {
  if (name === "node" || name === "way" || name === "relation") {
    if (current) throw new Error(`<${name}> inside <${current.type}>`);
    const id = integer(attribute(a, "id"), `${name} id`);
    if (name === "way") return { type: "way", id, refs: [], tags: {} };
    if (name === "relation") return { type: "relation", id, members: [], tags: {} };
    const lat = coordinate(attribute(a, "lat"), `node ${id} lat`, 90);
    return { type: "node", id, lat, lon: coordinate(attribute(a, "lon"), `node ${id} lon`, 180), tags: {} };
  }
  if (!current) return null;
  if (name === "tag") {
    const key = attribute(a, "k");
    const value = attribute(a, "v");
    if (key === undefined || value === undefined) throw new Error(`a tag of ${current.type} ${current.id} lacks k or v`);
    current.tags[key] = value;
  } else if (name === "nd" && current.type === "way") {
    current.refs.push(integer(attribute(a, "ref"), `way ${current.id} nd ref`));
  } else if (name === "member" && current.type === "relation") {
    current.members.push(member(a, current.id));
  }
  return current;
}

function member(a: Attributes, relationId: number): OsmMember {
  const type = attribute(a, "type") ?? "";
  if (!isMemberType(type)) throw new Error(`relation ${relationId}: member type must be node, way or relation, got "${type.slice(0, 30)}"`);
  return { type, ref: integer(attribute(a, "ref"), `relation ${relationId} member ref`), role: attribute(a, "role") ?? "" };
}

function isMemberType(type: string): type is OsmMember["type"] {
  return MEMBER_TYPES.has(type);
}

/**
 * Yields every node, way and relation of an OSM XML document in document order, each once its
 * closing tag is read. Throws OsmFormatError, with `where` as "line N, column M", on malformed
 * XML, a root other than <osm>, a non-integer id or ref, or a node without a valid lat and lon.
 */
export function* readOsmXml(text: string): Generator<OsmElement> {
  const parser = sax.parser(true, { position: true });
  const done: OsmElement[] = [];
  let current: OsmElement | null = null;
  let sawRoot = false;
  const fail = (message: string): never => {
    throw new OsmFormatError(message, `line ${parser.line + 1}, column ${parser.column + 1}`);
  };
  parser.onerror = (error) => fail(error.message.split("\n")[0] ?? "malformed XML");
  parser.onopentag = (tag) => {
    if (!sawRoot && tag.name !== "osm") fail(`not an OSM XML file: the root element is <${tag.name}>, not <osm>`);
    sawRoot = true;
    try {
      current = openTag(tag.name, tag.attributes, current);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  };
  parser.onclosetag = (name) => {
    if (current && name === current.type) {
      done.push(current);
      current = null;
    }
  };
  for (let start = 0; start < text.length; start += CHUNK_CHARS) {
    parser.write(text.slice(start, start + CHUNK_CHARS));
    yield* done.splice(0);
  }
  parser.close();
  if (!sawRoot) fail("not an OSM XML file: no <osm> root element");
  yield* done.splice(0);
}
