/**
 * Tongxing's import boundaries, checked by dependency-cruiser (docs/ARCHITECTURE.md,
 * "Checked boundaries"). Run by `scripts/check-boundaries.ts` from `npm test`; the rules are
 * proven to fire on `scripts/boundary-fixtures/` by `scripts/check-boundaries.test.ts`.
 *
 * Paths are relative to the folder cruised from (the repository, or a fixture), so the same
 * rules serve both. Test files obey the same rules as the code beside them.
 */

/** Folders under src/ that are not domains. */
const NOT_DOMAINS = "core|platform|app|types";
/** A domain folder, src/<x>/ with x not one of NOT_DOMAINS; group 1 is the domain's name. */
const DOMAIN = `^src/((?!(?:${NOT_DOMAINS})/)[^/]+)/`;
/** A domain's front door. */
const DOMAIN_INDEX = "^src/[^/]+/index\\.ts$";
/** Every file of ours (npm packages and Node built-ins are not). */
const OURS = "^(src|web|bench|e2e|scripts|bin|data)/";

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-only-core",
      comment: "src/core is shared by server and browser: it imports nothing of ours outside src/core.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: OURS, pathNot: "^src/core/" },
    },
    {
      name: "core-no-node",
      comment: "src/core is pure: no Node built-ins (node:* or bare fs, path, …).",
      severity: "error",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "platform-no-domain",
      comment: "src/platform is underneath the domains: it imports no domain, src/app or src/cli.ts.",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/", pathNot: "^src/(core|platform|types)/" },
    },
    {
      name: "web-only-web-and-core",
      comment: "The browser app imports only web/ and src/core (and npm packages).",
      severity: "error",
      from: { path: "^web/" },
      to: { path: OURS, pathNot: "^(web|src/core)/" },
    },
    {
      name: "domain-through-index",
      comment: "A domain imports another domain only through that domain's index.ts.",
      severity: "error",
      from: { path: DOMAIN },
      to: { path: DOMAIN, pathNot: ["^src/$1/", DOMAIN_INDEX] },
    },
    {
      name: "app-through-index",
      comment: "src/app and src/cli.ts compose the domains through their index.ts only.",
      severity: "error",
      from: { path: "^src/(app/|cli\\.ts$)" },
      to: { path: DOMAIN, pathNot: DOMAIN_INDEX },
    },
    {
      name: "resolvable",
      comment: "Every import resolves to a file or package, so none slips past the rules above.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "no-circular",
      comment: "No import cycles, type-only imports included.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports cross boundaries too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^scripts/boundary-fixtures/" },
    // Resolve npm packages by their "exports" as Node and Vite do.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "node", "default", "types"],
    },
  },
};
