// app-through-index: the composition root past a domain's index.ts.
import { searchEngine } from "../search/index.ts";
import { searchEngine as searchEngineDeep } from "../search/search-engine.ts";
import { openDatabase } from "../platform/database/open-database.ts";

export const start = () => [searchEngine, searchEngineDeep, openDatabase];
