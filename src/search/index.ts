/** The search domain: what a child or a parent types, to the right place first. */
export { SearchService, jieba } from "./search-service.ts";
export { SearchEngine, type SearchHit, type SearchResult } from "./search-engine.ts";
export { type Elsewhere, strongMatchElsewhere } from "./elsewhere.ts";
export { searchDomain, type SearchRouteDeps } from "./search-routes.ts";
export { normalise, MAX_QUERY_LENGTH } from "./text-normalise.ts";
