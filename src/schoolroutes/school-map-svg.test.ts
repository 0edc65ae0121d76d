/**
 * The parents' map drawn on the server, on a small made-up school: one path per walk, wider
 * where more homes walk, crossings in their control's colour and numbered fix-first, the
 * gate's waiting zone, and every name from the data escaped.
 */
import { describe, expect, it } from "vitest";
import { CONTROL_COLOURS, NUMBERED_CROSSINGS, type SchoolMapInput, VIEW, escapeXml, schoolMapSvg } from "./school-map-svg.ts";

const school = (name: string): SchoolMapInput => ({
  school: { name, kindLabel: "小学 primary school", position: [7.42, 43.73], gates: [[7.4201, 43.7301]] },
  walks: [
    { line: [[7.4201, 43.7301], [7.421, 43.731]], areaM2: 4000 },
    { line: [[7.421, 43.731], [7.422, 43.732]], areaM2: 1000 },
    { line: [[7.421, 43.731], [7.4205, 43.7325]], areaM2: 100 },
  ],
  streets: [[[7.419, 43.729], [7.423, 43.733]]],
  homes: [[7.4221, 43.7321], [7.4206, 43.7326]],
  crossings: [
    { position: [7.421, 43.731], control: "none" },
    { position: [7.422, 43.732], control: "zebra" },
    { position: [7.4205, 43.7325], control: "signals" },
  ],
});

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe("schoolMapSvg", () => {
  it("draws one purple path per walk, wider where more floor area walks", () => {
    const svg = schoolMapSvg(school("École de la Condamine"));
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${VIEW.width} ${VIEW.height}"`);
    expect(count(svg, /<path class="walk"/g)).toBe(3);
    const widths = [...svg.matchAll(/<path class="walk" d="[^"]*" stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    expect(count(svg, /<g class="homes"[^>]*>(<circle [^>]*\/>){2}<\/g>/g)).toBe(1);
  });

  it("colours each crossing by its control and numbers them fix first", () => {
    const svg = schoolMapSvg(school("x"));
    for (const [control, colour] of [["none", CONTROL_COLOURS.none], ["zebra", CONTROL_COLOURS.zebra], ["signals", CONTROL_COLOURS.signals]] as const) {
      expect(svg).toMatch(new RegExp(`<g class="crossing ${control}"><circle [^>]*fill="${colour}"`));
    }
    expect(CONTROL_COLOURS).toEqual({ signals: "#2b8a3e", zebra: "#1971c2", unmarked: "#e67700", none: "#c92a2a" });
    expect(svg).toMatch(/<g class="crossing none"><circle [^>]*r="10"[^>]*\/><text [^>]*>1<\/text>/);
    expect(svg).toMatch(/<g class="crossing signals"><circle [^>]*\/><text [^>]*>3<\/text>/);
  });

  it("numbers only the first ten crossings", () => {
    const input = school("x");
    const many = Array.from({ length: 14 }, (_, i) => ({ position: [7.4201 + i * 1e-4, 43.731] as const, control: "unmarked" as const }));
    const svg = schoolMapSvg({ ...input, crossings: many });
    expect(count(svg, /<g class="crossing unmarked">/g)).toBe(14);
    expect(count(svg, /<g class="crossing unmarked"><circle [^>]*\/><text/g)).toBe(NUMBERED_CROSSINGS);
  });

  it("marks the gate with the suggested waiting zone, a scale bar, a north arrow and the attribution", () => {
    const svg = schoolMapSvg(school("x"));
    expect(count(svg, /<g class="gate">/g)).toBe(1);
    expect(svg).toContain("建议等候区");
    expect(svg).toMatch(/<g class="scale">.*<text [^>]*>\d+ m<\/text><\/g>/);
    expect(svg).toContain("<g class=\"north\">");
    expect(svg).toContain("© OpenStreetMap contributors, ODbL");
  });

  it("escapes names from the data", () => {
    const svg = schoolMapSvg({ ...school("<script>alert(\"x\")</script> & co"), note: "<b>" });
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; co");
    expect(escapeXml("'")).toBe("&#39;");
  });

  it("draws a school whose walks are empty around its own position", () => {
    const svg = schoolMapSvg({ ...school("x"), walks: [], crossings: [], homes: [] });
    expect(count(svg, /<path class="walk"/g)).toBe(0);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});

describe("numbered crossings close together", () => {
  it("moves a later badge aside with a leader instead of hiding it under an earlier one", () => {
    const input = school("x");
    const svg = schoolMapSvg({ ...input, crossings: [{ position: [7.421, 43.731], control: "none" }, { position: [7.421, 43.73101], control: "zebra" }] });
    const centre = (control: string) => svg.match(new RegExp(`<g class="crossing ${control}"><circle cx="([\\d.]+)" cy="([\\d.]+)"`))!.slice(1).map(Number);
    const [a, b] = [centre("none"), centre("zebra")];
    expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeGreaterThanOrEqual(20);
    expect(count(svg, /<g class="leader">/g)).toBe(1);
  });
});
