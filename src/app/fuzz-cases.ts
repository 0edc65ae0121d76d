/**
 * Odd requests for fuzz.integration.test.ts, made from an operation of the OpenAPI document
 * and a seeded random source (so a failure names a seed that replays it): wrong types,
 * missing and extra parameters, huge and strange strings (NUL, right-to-left marks, lone
 * surrogates, 100,000 characters), NaN, Infinity and overflowing numbers, broken JSON,
 * wrong content types, bodies over the limit, path traversal, and methods no route has.
 */
import type { DocumentOperation, DocumentParameter } from "./openapi-testing.ts";

/** A random source: a number in [0, 1) per call. */
export type Random = () => number;

/** Mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** One request as it goes on the wire. */
export interface FuzzRequest {
  method: string;
  /** Path and query, already percent-encoded (or deliberately not). */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was odd about it, for the report. */
  label: string;
}

const HUGE = "童".repeat(50_000) + "x".repeat(50_000);
/** Strings a parameter or field should survive (each sent percent-encoded). */
const ODD_STRINGS: readonly string[] = [
  "", " ", "abc", "-1", "0", "-0", "1.5", "NaN", "Infinity", "-Infinity", "1e309", "1e-400", "9".repeat(40), "-9223372036854775809", "0x1F", "1_000",
  "true", "null", "[]", "{}", "__proto__", "constructor", "a\u0000b", "\u0000", "\u202eevil\u202c", "\u200b\u200d", "😀👨‍👩‍👧", "ＡＢＣ１２３", "İıß", "漢字".repeat(60),
  "x".repeat(5000), "../../../etc/passwd", "..\\..\\windows\\win.ini", "' OR 1=1 --", "<script>alert(1)</script>", "${7*7}{{7*7}}", "a,b,,c", ";;;", "\r\nX-Injected: 1",
  "43.7384,7.4246", "7.40,43.72,7.44,43.75", "\u0301\u0308", "%", HUGE,
];
/** Already-encoded (or malformed) forms sent as they are. */
const RAW_SEGMENTS: readonly string[] = ["%", "%00", "%ZZ", "%ED%A0%80", "%C0%AF", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..", "../..", "..%5C..%5C", "%u202e", "a%00.mvt", "%F0%9F%98%80"];
/** JSON values a field should survive. */
const ODD_VALUES: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, "", "x", "x".repeat(100_000), [], {}, [1, 2, 3], { $gt: "" }, { a: { b: { c: {} } } }, "\u0000", "\u202e", "😀", ...ODD_STRINGS.slice(0, 30),
];
/** Number tokens JSON.stringify cannot write, spliced into a body. */
const ODD_NUMBER_TOKENS: readonly string[] = ["1e309", "-1e309", "NaN", "Infinity", "1e-400", "123456789012345678901234567890", "-0", "0.1e1", "01", "+1", ".5", "0x10"];
/** Bodies that are not JSON, or JSON that stresses the parser. */
const ODD_JSON_TEXTS: readonly string[] = [
  "", " ", "NaN", "Infinity", "1e309", "{", "[", "\"unterminated", "{}}", "{\"a\":1e999}", "{\"__proto__\":{\"polluted\":true}}", "{\"constructor\":{\"prototype\":{\"polluted\":true}}}",
  "\uFEFF{}", "[".repeat(50_000) + "]".repeat(50_000), "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), "\"\\ud800\"", "{\"a\":\"\\u0000\"}", "null", "0", "[]", "\"text\"", "{\"a\":1,\"a\":2}",
];
const WRONG_TYPES: ReadonlyArray<[string, Buffer]> = [
  ["text/plain", Buffer.from("{\"a\":1}")],
  ["application/x-www-form-urlencoded", Buffer.from("a=1&b=2")],
  ["multipart/form-data; boundary=zzz", Buffer.from("--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--zzz--\r\n")],
  ["application/xml", Buffer.from("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>")],
  ["application/json; charset=utf-16", Buffer.from("{}", "utf16le")],
  ["application/octet-stream", Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47])],
  ["image/jpeg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46])],
  ["application/pdf", Buffer.from("%PDF-1.4\n%%EOF")],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer.from("PK\u0003\u0004 not a zip")],
  ["application/json", Buffer.alloc(0)],
  ["APPLICATION/JSON", Buffer.from("{}")],
  ["", Buffer.from("{}")],
];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

/** One percent-encoded value of a parameter: its example, an odd string, or a raw odd form. */
function oddValue(random: Random): string {
  if (random() < 0.25) return pick(random, RAW_SEGMENTS);
  const value = pick(random, ODD_STRINGS);
  // encodeURIComponent refuses lone surrogates; this keeps every other string as the server would get it.
  return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ""));
}

const exampleOf = (p: DocumentParameter) => encodeURIComponent(String(p.example ?? "1"));

/** The odd requests of one operation: every kind once (`all`), or `count` drawn at random. */
export class OperationFuzzer {
  private readonly query: DocumentParameter[];
  private readonly pathParameters: DocumentParameter[];
  private readonly json: { example?: unknown } | undefined;
  private readonly fileTypes: string[];

  /**
   * `realPath` and `realBody` give real values for some path parameters and body fields,
   * `bodyLimit` the largest body of a media type, `pathMethods` the methods the document has
   * for this path (the others are odd).
   */
  constructor(
    private readonly operation: DocumentOperation,
    private readonly options: { realPath: Record<string, string>; realBody?: Record<string, unknown>; bodyLimit: (type: string) => number; pathMethods: readonly string[] },
  ) {
    this.query = operation.parameters.filter((p) => p.in === "query");
    this.pathParameters = operation.parameters.filter((p) => p.in === "path");
    const content = operation.requestBody?.content ?? {};
    const json = content["application/json"];
    // Real values (an existing post's id) replace the example's, so odd fields reach the code past "not found".
    const example = json?.example;
    this.json = json && typeof example === "object" && example !== null && !Array.isArray(example) ? { example: { ...example, ...Object.fromEntries(Object.entries(options.realBody ?? {}).filter(([name]) => name in example)) } } : json;
    this.fileTypes = Object.keys(content).filter((type) => type !== "application/json");
  }

  /** Every kind of odd request this operation can be sent, each a function of the random source. */
  kinds(): Array<(random: Random) => FuzzRequest> {
    const kinds: Array<(random: Random) => FuzzRequest> = [(random) => this.build(random, "examples", {})];
    for (const p of this.query) {
      kinds.push((random) => this.build(random, `${p.name}=odd`, { query: { [p.name]: oddValue(random) } }));
      kinds.push((random) => this.build(random, `${p.name}=huge`, { query: { [p.name]: encodeURIComponent(HUGE.slice(0, 1 + Math.floor(random() * HUGE.length))) } }));
      kinds.push((random) => this.build(random, `${p.name} with NUL`, { query: { [p.name]: `${exampleOf(p)}%00` } }));
      kinds.push((random) => this.build(random, `${p.name} twice`, { query: { [p.name]: `${exampleOf(p)}&${p.name}=${oddValue(random)}` } }));
      if (p.required) kinds.push((random) => this.build(random, `without ${p.name}`, { query: { [p.name]: null } }));
    }
    kinds.push((random) => this.build(random, "extra parameter", { query: { [pick(random, ["zzz", "__proto__", "constructor", "limit[]", "q[$ne]"])]: oddValue(random) } }));
    for (const p of this.pathParameters) kinds.push((random) => this.build(random, `{${p.name}} odd`, { path: { [p.name]: oddValue(random) } }));
    if (this.json) this.jsonKinds(kinds);
    for (const type of this.fileTypes) this.fileKinds(kinds, type);
    kinds.push((random) => this.build(random, "without the change header", { withoutChangeHeader: true, body: this.json ? this.jsonText(this.json.example) : undefined }));
    kinds.push((random) => ({ ...this.build(random, "a method the path has not", {}), method: pick(random, METHODS.filter((m) => !this.options.pathMethods.includes(m))), body: Buffer.from(JSON.stringify(this.json?.example ?? { a: 1 })), headers: this.headers(random, "application/json") }));
    if (this.operation.method === "GET") {
      kinds.push((random) => ({ ...this.build(random, "HEAD", { query: { [pick(random, [...this.query.map((p) => p.name), "x"])]: oddValue(random) } }), method: "HEAD" }));
      kinds.push((random) => this.build(random, "GET with a body", { body: Buffer.from(pick(random, ODD_JSON_TEXTS)), contentType: pick(random, ["application/json", "text/plain", "application/octet-stream"]) }));
    }
    return kinds;
  }

  private jsonKinds(kinds: Array<(random: Random) => FuzzRequest>): void {
    const example = (this.json?.example ?? {}) as Record<string, unknown>;
    const fields = typeof example === "object" && example !== null ? Object.keys(example) : [];
    kinds.push((random) => this.build(random, "body: odd value", { body: this.jsonText(pick(random, ODD_VALUES)) }));
    kinds.push((random) => this.build(random, "body: odd JSON", { body: Buffer.from(pick(random, ODD_JSON_TEXTS)) }));
    kinds.push((random) => this.build(random, "body: extra field", { body: this.jsonText({ ...example, [pick(random, ["zzz", "id", "role", "status", "memberId", "isAdmin"])]: pick(random, ODD_VALUES) }) }));
    kinds.push((random) => this.build(random, "body: too large", { body: this.jsonText({ ...example, padding: "x".repeat(this.options.bodyLimit("application/json") + 1 + Math.floor(random() * 1000)) }) }));
    kinds.push((random) => {
      const [type, bytes] = pick(random, WRONG_TYPES);
      return this.build(random, `body as ${type || "no type"}`, { body: bytes, contentType: type });
    });
    for (const field of fields) {
      kinds.push((random) => this.build(random, `body.${field} odd`, { body: this.jsonText({ ...example, [field]: pick(random, ODD_VALUES) }) }));
      // PostgreSQL refuses a NUL in text where SQLite stores it.
      if (typeof example[field] === "string") kinds.push((random) => this.build(random, `body.${field} with NUL`, { body: this.jsonText({ ...example, [field]: `${String(example[field])}\u0000` }) }));
      kinds.push((random) => {
        const text = JSON.stringify({ ...example, [field]: "\u0001raw\u0001" }).replace("\"\\u0001raw\\u0001\"", pick(random, ODD_NUMBER_TOKENS));
        return this.build(random, `body.${field} odd number`, { body: Buffer.from(text) });
      });
      kinds.push((random) => {
        const { [field]: _dropped, ...rest } = example;
        return this.build(random, `body without ${field}`, { body: this.jsonText(rest) });
      });
    }
  }

  private fileKinds(kinds: Array<(random: Random) => FuzzRequest>, type: string): void {
    const limit = this.options.bodyLimit(type);
    kinds.push((random) => this.build(random, `file of junk as ${type}`, { body: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 4000) }, () => Math.floor(random() * 256))), contentType: type }));
    kinds.push((random) => this.build(random, `file over the limit as ${type}`, { body: Buffer.alloc(limit + 1 + Math.floor(random() * 100), 0x41), contentType: type }));
    kinds.push((random) => {
      const [wrong, bytes] = pick(random, WRONG_TYPES);
      return this.build(random, `file as ${wrong || "no type"}`, { body: bytes, contentType: wrong });
    });
  }

  private jsonText(value: unknown): Buffer {
    return Buffer.from(JSON.stringify(value) ?? "null");
  }

  private headers(random: Random, contentType?: string): Record<string, string> {
    const headers: Record<string, string> = { "x-tongxing-request": "1", "x-forwarded-for": `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`, "x-file-name": "evidence.pdf" };
    if (contentType) headers["content-type"] = contentType;
    return headers;
  }

  private build(random: Random, label: string, change: { query?: Record<string, string | null>; path?: Record<string, string>; body?: Buffer; contentType?: string; withoutChangeHeader?: boolean }): FuzzRequest {
    const path = this.operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => change.path?.[name] ?? this.options.realPath[name] ?? exampleOf(this.pathParameters.find((p) => p.name === name)!));
    const pairs = this.query.filter((p) => p.example !== undefined && !(p.name in (change.query ?? {}))).map((p) => `${p.name}=${exampleOf(p)}`);
    for (const [name, value] of Object.entries(change.query ?? {})) if (value !== null) pairs.push(`${name}=${value}`);
    const body = change.body ?? (this.json ? this.jsonText(this.json.example) : this.fileTypes.length > 0 ? Buffer.from("%PDF-1.4\n%%EOF") : undefined);
    const contentType = change.contentType ?? (body ? (this.json ? "application/json" : this.fileTypes[0]) : undefined);
    const headers = this.headers(random, contentType === "" ? undefined : contentType);
    if (change.withoutChangeHeader) delete headers["x-tongxing-request"];
    return { method: this.operation.method, target: pairs.length > 0 ? `${path}?${pairs.join("&")}` : path, headers, body, label };
  }
}
