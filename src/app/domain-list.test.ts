import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../platform/config.ts";
import { DOMAINS } from "./domain-list.ts";

describe("the list of domains", () => {
  it("names each domain once", () => {
    const names = DOMAINS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("holds every folder under src/ whose index exports a Fastify plugin (`…Domain`)", () => {
    const src = path.join(REPO_ROOT, "src");
    const withPlugin = fs.readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(src, entry.name, "index.ts")))
      .filter((entry) => /\b[a-z]+Domain\b/.test(fs.readFileSync(path.join(src, entry.name, "index.ts"), "utf8")))
      .map((entry) => entry.name);
    expect(withPlugin.length).toBeGreaterThan(5);
    expect(DOMAINS.map((d) => d.name).sort()).toEqual(withPlugin.sort());
  });

  it("gives each domain its own migrations, and the job some rules to apply", () => {
    for (const domain of DOMAINS) {
      for (const migration of domain.migrations) expect(migration.domain, migration.name).toBe(domain.name);
    }
    expect(DOMAINS.flatMap((d) => d.retentionRules).length).toBeGreaterThan(3);
  });
});
