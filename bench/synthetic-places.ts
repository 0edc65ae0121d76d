/**
 * Synthetic places for scale benchmarks: random points over Hengyang's urban area with
 * names built from real name parts. Synthetic, and said so in docs/PERFORMANCE.md; the
 * real-sample figures use the imported Monaco and Hengyang data.
 */
import { CATEGORY_IDS } from "../src/core/categories.ts";
import { FACILITY_IDS } from "../src/core/facilities.ts";
import type { Place } from "../src/core/place.ts";

const PREFIXES = ["南湖", "酃湖", "西湖", "平湖", "雁峰", "石鼓", "蒸湘", "珠晖", "岳屏", "华新", "船山", "东风"];
const SUFFIXES = ["公园", "游乐场", "幼儿园", "图书馆", "体育馆", "母婴室", "社区儿童之家", "卫生服务中心"];

/** A deterministic generator so every run measures the same data. */
export function seededRandom(seed = 20_241_227): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticPlaces(n: number, random = seededRandom()): Place[] {
  const places: Place[] = [];
  for (let i = 0; i < n; i++) {
    const category = CATEGORY_IDS[Math.floor(random() * CATEGORY_IDS.length)]!;
    places.push({
      id: `syn:${i}`,
      regionId: "synthetic",
      name: { zh: `${PREFIXES[i % PREFIXES.length]}${SUFFIXES[(i >> 4) % SUFFIXES.length]}${i}`, en: null, pinyin: null, alt: [] },
      categories: [category],
      kind: "park",
      facilities: FACILITY_IDS.filter(() => random() < 0.3),
      ageMin: null,
      ageMax: null,
      openingHours: null,
      address: null,
      districtCode: null,
      communityCode: null,
      demonstration: null,
      lon: 112.45 + random() * 0.3,
      lat: 26.75 + random() * 0.3,
      precision: "exact",
      locationNote: null,
      provenance: { source: "synthetic", licence: "CC0", sourceId: null, importedAt: "2026-01-01T00:00:00.000Z" },
      updatedAt: "2026-01-01T00:00:00.000Z",
    });
  }
  return places;
}

/** p50 and p99 in milliseconds of running `work` once per input. */
export function percentiles<T>(inputs: readonly T[], work: (input: T) => unknown): { p50: number; p99: number } {
  const times: number[] = [];
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    work(input);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p99: times[Math.floor(times.length * 0.99)]! };
}
