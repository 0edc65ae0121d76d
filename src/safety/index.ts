/** Child safety: the word filter, the personal-information guard and the verdict API. */
export { Guard, type GuardResult, type Audience } from "./guard.ts";
export { WordFilter, readLexicon } from "./word-filter.ts";
export { registerSafetyRoutes } from "./safety-routes.ts";
