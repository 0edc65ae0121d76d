/**
 * axe-core by rule, whatever their impact: heading order and landmark names are "moderate"
 * to axe, so the harness's serious-only check passes pages that still have them. Tests name
 * the rules a page must pass.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeViolation } from "./harness.ts";

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** The violations of the named axe rules on the page as it is now. */
export async function axeRuleViolations(page: Page, rules: readonly string[]): Promise<AxeViolation[]> {
  // Through the DevTools protocol, not a <script> tag: the pages' CSP refuses inline scripts.
  await page.evaluate(axeSource ??= readFileSync(require.resolve("axe-core"), "utf8"));
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "rule", values: only } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, [...rules]);
}
