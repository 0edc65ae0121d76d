/**
 * Keeps the search engine in step with the catalog: built at start, rebuilt whenever the
 * catalog reloads after an import or edit, no restart. The dictionary of the word
 * segmenter is loaded once per process.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { Place } from "../core/place.ts";
import type { PlaceCatalog } from "../places/index.ts";
import { SearchEngine } from "./search-engine.ts";

let sharedJieba: Jieba | null = null;

/** The segmenter with its dictionary (about 0.3 s and 60 MB, so only once). */
export function jieba(): Jieba {
  sharedJieba ??= Jieba.withDict(dict);
  return sharedJieba;
}

export class SearchService {
  private current: SearchEngine;

  constructor(private readonly catalog: PlaceCatalog, private readonly divisionName: (code: string | null) => string | null) {
    this.current = this.build(catalog.index.places);
    catalog.onChange((places) => {
      this.current = this.build(places);
    });
  }

  private build(places: readonly Place[]): SearchEngine {
    return new SearchEngine(places, this.catalog.index, { jieba: jieba(), divisionName: this.divisionName });
  }

  get engine(): SearchEngine {
    return this.current;
  }
}
