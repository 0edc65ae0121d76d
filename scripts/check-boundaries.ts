/**
 * Checks the import boundaries of docs/ARCHITECTURE.md with dependency-cruiser and the rules in
 * `.dependency-cruiser.cjs`; `npm test` runs it after lint. Prints each violation and exits 1
 * when there is one: `node --import tsx scripts/check-boundaries.ts`.
 *
 * It calls dependency-cruiser's API rather than its `depcruise` command because the command
 * refuses Node 20, which Tongxing supports; the API runs on it.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseOptions, type IConfiguration } from "dependency-cruiser";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The folders of ours that are checked; dependency-cruiser follows their imports. */
export const CHECKED_FOLDERS = ["src", "web", "bench", "e2e", "scripts"];

/** One broken rule: which rule, the importing file, the imported file (or the cycle). */
export interface BoundaryViolation {
  rule: string;
  from: string;
  to: string;
  cycle?: string[];
}

/** The rule set and options from `.dependency-cruiser.cjs`, as the API takes them. */
export function boundaryOptions(): ICruiseOptions {
  const config = createRequire(import.meta.url)(path.join(REPO_ROOT, ".dependency-cruiser.cjs")) as IConfiguration;
  const { forbidden, options } = config;
  return { ...options, validate: true, ruleSet: { forbidden } };
}

/** What a check found: the violations, and each checked file's resolved imports. */
export interface BoundaryReport {
  violations: BoundaryViolation[];
  imports: Map<string, string[]>;
}

/** Cruises `folders` under `baseDir` with the boundary rules. */
export async function checkBoundaries(baseDir: string, folders: string[]): Promise<BoundaryReport> {
  const { output } = await cruise(folders, { ...boundaryOptions(), baseDir });
  if (typeof output === "string") throw new Error("dependency-cruiser gave text, not a result");
  const violations = output.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to,
    ...(violation.cycle ? { cycle: violation.cycle.map((step) => step.name) } : {}),
  }));
  const imports = new Map(output.modules.map((module) => [module.source, module.dependencies.map((d) => d.resolved)]));
  return { violations, imports };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { violations } = await checkBoundaries(REPO_ROOT, CHECKED_FOLDERS);
  for (const { rule, from, to, cycle } of violations) {
    console.error(`${rule}: ${from} → ${cycle ? cycle.join(" → ") : to}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (violations.length > 0) {
    console.error(`${violations.length} boundary violation(s); see docs/ARCHITECTURE.md, "Checked boundaries"`);
    process.exitCode = 1;
    return;
  }
  console.log(`boundaries hold (${CHECKED_FOLDERS.join(", ")}; ${seconds} s)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
