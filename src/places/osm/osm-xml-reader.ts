/**
 * Reads OpenStreetMap XML (.osm): <node>, <way> with <nd>, <relation> with <member>, and
 * their <tag>s. Strict: malformed XML or an element without a valid id or position throws
 * OsmFormatError with the line number.
 */
import sax from "sax";
import type { OsmElement, OsmMember, OsmTags } from "./osm-elements.ts";
import { OsmFormatError } from "./osm-elements.ts";

const MEMBER_TYPES = new Set(["node", "way", "relation"]);

function integer(value: string | undefined, what: string): number {
  if (value === undefined || !/^-?\d{1,18}$/.test(value)) throw new Error(`${what} must be an integer, got "${String(value).slice(0, 30)}"`);
  return Number(value);
}

function coordinate(value: string | undefined, what: string, limit: number): number {
  const n = value === undefined || value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw new Error(`${what} must be a number within ±${limit}`);
  return n;
}

export function readOsmXml(text: string): OsmElement[] {
  const parser = sax.parser(true, { position: true });
  const out: OsmElement[] = [];
  let current: { tags: OsmTags; refs?: number[]; members?: OsmMember[] } | null = null;
  let sawRoot = false;
  const fail = (message: string): never => {
    throw new OsmFormatError(message, `line ${parser.line + 1}`);
  };
  parser.onerror = (error) => fail(error.message.split("\n")[0] ?? "malformed XML");
  parser.onopentag = (node) => {
    const a = node.attributes as Record<string, string>;
    try {
      if (node.name === "osm") sawRoot = true;
      else if (node.name === "node") {
        const element = { type: "node" as const, id: integer(a["id"], "node id"), lat: coordinate(a["lat"], "lat", 90), lon: coordinate(a["lon"], "lon", 180), tags: {} };
        out.push(element);
        current = element;
      } else if (node.name === "way") {
        const element = { type: "way" as const, id: integer(a["id"], "way id"), refs: [] as number[], tags: {} };
        out.push(element);
        current = element;
      } else if (node.name === "relation") {
        const element = { type: "relation" as const, id: integer(a["id"], "relation id"), members: [] as OsmMember[], tags: {} };
        out.push(element);
        current = element;
      } else if (node.name === "tag" && current) {
        if (a["k"] === undefined || a["v"] === undefined) throw new Error("tag needs k and v");
        current.tags[a["k"]] = a["v"];
      } else if (node.name === "nd" && current?.refs) current.refs.push(integer(a["ref"], "nd ref"));
      else if (node.name === "member" && current?.members) {
        const type = a["type"] ?? "";
        if (!MEMBER_TYPES.has(type)) throw new Error(`member type must be node, way or relation`);
        current.members.push({ type: type as OsmMember["type"], ref: integer(a["ref"], "member ref"), role: a["role"] ?? "" });
      }
    } catch (error) {
      if (error instanceof OsmFormatError) throw error;
      fail((error as Error).message);
    }
  };
  parser.onclosetag = (name) => {
    if (name === "node" || name === "way" || name === "relation") current = null;
  };
  parser.write(text).close();
  if (!sawRoot) fail("not an OSM XML file: no <osm> root element");
  return out;
}
