// Breaks no rule: a domain may import its own files.
export { searchEngine } from "./search-engine.ts";
