/**
 * The boundary rules of `.dependency-cruiser.cjs` fire: on the deliberately broken tree in
 * `scripts/boundary-fixtures/` each rule reports exactly the imports that break it, and on the
 * real tree none does.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type BoundaryReport, boundaryOptions, CHECKED_FOLDERS, checkBoundaries } from "./check-boundaries.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES = path.join(REPO_ROOT, "scripts/boundary-fixtures");

/** Each rule with the imports in the fixture that break it, as "from → to". */
const EXPECTED: Record<string, string[]> = {
  "core-imports-only-core": ["src/core/reaches-platform.ts → src/platform/database/open-database.ts"],
  "core-no-node": ["src/core/uses-node.ts → fs", "src/core/uses-node.ts → path"],
  "platform-no-domain": ["src/platform/database/open-database.ts → src/places/osm/read-osm.ts"],
  "web-only-web-and-core": ["web/src/main.ts → src/platform/database/open-database.ts"],
  "domain-through-index": ["src/search/search-engine.ts → src/places/osm/read-osm.ts"],
  "app-through-index": ["src/app/server.ts → src/search/search-engine.ts", "src/cli.ts → src/places/osm/read-osm.ts"],
  resolvable: ["src/places/place-store.ts → ./place-tables.ts"],
  "no-circular": ["src/routing/graph.ts → src/routing/planner.ts"],
};

/** The rules as configured, by name. */
const rules = boundaryOptions().ruleSet?.forbidden ?? [];

describe("the boundary rules on the broken fixture", () => {
  let report: BoundaryReport;
  beforeAll(async () => {
    report = await checkBoundaries(FIXTURES, ["src", "web"]);
  });

  it("has a broken import for every configured rule", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...new Set(rules.map((rule) => rule.name))].sort());
  });

  for (const [rule, expected] of Object.entries(EXPECTED)) {
    it(`${rule} reports exactly its broken imports`, () => {
      const found = report.violations.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`);
      expect(found.sort()).toEqual([...expected].sort());
    });
  }
});

describe("the boundary rules on the real tree", () => {
  let report: BoundaryReport;
  beforeAll(async () => {
    report = await checkBoundaries(REPO_ROOT, CHECKED_FOLDERS);
  });

  it("finds no violation", () => {
    expect(report.violations).toEqual([]);
  });

  it("checks the whole tree and none of the fixture", () => {
    const files = [...report.imports.keys()];
    expect(files).toContain("src/cli.ts");
    expect(files).toContain("web/src/main.ts");
    expect(files.filter((file) => file.startsWith("scripts/boundary-fixtures/"))).toEqual([]);
  });
});
