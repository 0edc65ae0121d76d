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

/**
 * Issue 14: files of src/app that still reach past a domain's index.ts, each with the exact
 * files it may reach and no other. The OpenAPI test compares the hand-written bodies with the
 * handlers' own schemas and limits, which live inside the domains until they move to
 * src/core/api ("One contract"). Remove an entry when its import goes.
 */
const ISSUE_14_APP_DEEP_IMPORTS = {
  "src/app/openapi.integration.test.ts": [
    "src/accounts/member-signup.ts",
    "src/accounts/staff-users.ts",
    "src/plan/evaluation.ts",
    "src/plan/evidence-files.ts",
    "src/plan/report-service.ts",
    "src/plan/report-workflow.ts",
    "src/plan/site-assessments.ts",
    "src/reviews/review-photos.ts",
    "src/safety/guard.ts",
    "src/safety/safety-routes.ts",
  ],
};

/** A regular expression that matches exactly this path. */
const exactly = (file) => `^${file.replace(/[.]/g, "\\.")}$`;

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
      from: { path: "^src/(app/|cli\\.ts$)", pathNot: Object.keys(ISSUE_14_APP_DEEP_IMPORTS).map(exactly) },
      to: { path: DOMAIN, pathNot: DOMAIN_INDEX },
    },
    ...Object.entries(ISSUE_14_APP_DEEP_IMPORTS).map(([file, reaches]) => ({
      name: "app-through-index",
      comment: `Issue 14: ${file} may reach only the domain files listed in ISSUE_14_APP_DEEP_IMPORTS.`,
      severity: "error",
      from: { path: exactly(file) },
      to: { path: DOMAIN, pathNot: [DOMAIN_INDEX, ...reaches.map(exactly)] },
    })),
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
