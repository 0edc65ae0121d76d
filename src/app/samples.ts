/**
 * The OpenStreetMap samples a first start loads when their extracts are present: Monaco (the
 * first, small and well mapped) and Nanjing's Xinjiekou (a Chinese city centre, with Chinese
 * street names and bus lines). Which of them a start loads is the setting TONGXING_SAMPLES, a
 * comma-separated list of sample ids, by default every sample; the test harness loads only
 * Monaco unless a test asks for more, so a fresh test server stays quick.
 */
import path from "node:path";
import { z } from "zod";
import { type Config, REPO_ROOT } from "../platform/config.ts";

/** One sample city: its region, its names and time zone, and where its extract is. */
export interface Sample {
  readonly regionId: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly timeZone: string;
  /** How start-up messages call it ("OSM sample" for Monaco, as before there were two). */
  readonly title: string;
  /** The extract's file under this configuration. */
  file(config: Config): string;
}

/** The folder of the shared OSM extracts, beside the repository. */
export const SHARED_OSM_DIR = path.resolve(REPO_ROOT, "../shared/data/osm");

/** Every sample, in the order a first start loads them. */
export const SAMPLES: readonly Sample[] = [
  {
    regionId: "monaco",
    name: { zh: "摩纳哥（OSM 示例）", en: "Monaco (OSM sample)" },
    timeZone: "Europe/Monaco",
    title: "OSM sample",
    file: (config) => config.TONGXING_SAMPLE_OSM,
  },
  {
    regionId: "nanjing",
    name: { zh: "南京·新街口", en: "Nanjing Xinjiekou" },
    timeZone: "Asia/Shanghai",
    title: "Nanjing OSM sample",
    file: () => path.join(SHARED_OSM_DIR, "nanjing-xinjiekou-2021-06-12.osm"),
  },
];

/** The value of TONGXING_SAMPLES when it is not set: every sample. */
export const DEFAULT_SAMPLES = SAMPLES.map((s) => s.regionId).join(",");

const sampleIds = SAMPLES.map((s) => s.regionId);

/** TONGXING_SAMPLES: sample ids separated by commas ("monaco,nanjing"); "none" loads none. */
export const samplesSetting = z
  .string()
  .trim()
  .regex(/^(none|[a-z][a-z0-9-]*(\s*,\s*[a-z][a-z0-9-]*)*)$/, `sample ids separated by commas (${DEFAULT_SAMPLES}), or none`)
  .refine((value) => value === "none" || value.split(",").every((id) => sampleIds.includes(id.trim())), `each a sample: ${sampleIds.join(", ")}`)
  .default(DEFAULT_SAMPLES);

/**
 * The samples this start loads. The setting is read from the configuration once config.ts
 * carries it, until then from the environment; an invalid value stops the start with its name.
 */
export function samplesToLoad(config: Config, env: NodeJS.ProcessEnv = process.env): Sample[] {
  const configured = (config as Config & { TONGXING_SAMPLES?: string }).TONGXING_SAMPLES;
  const parsed = samplesSetting.safeParse(configured ?? (env.TONGXING_SAMPLES || undefined));
  if (!parsed.success) throw new Error(`Invalid environment:\n  TONGXING_SAMPLES: ${parsed.error.issues[0]!.message}`);
  if (parsed.data === "none") return [];
  const wanted = new Set(parsed.data.split(",").map((id) => id.trim()));
  return SAMPLES.filter((s) => wanted.has(s.regionId));
}
