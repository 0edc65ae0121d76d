/**
 * Configuration from the environment, validated once at start so a typo fails loudly
 * with the variable's name instead of surfacing later as a strange runtime error.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root (two levels above this file), where data/ and web/ live. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The region the plan belongs to (data/plans/hengyang, data/regions/hengyang): where the map opens. */
export const PLAN_REGION = "hengyang";
const defaultRegion = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "a region id (lowercase letters, digits, dashes)").default(PLAN_REGION);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, "data-local")),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  /** The OSM extract loaded as the sample region on first start. */
  TONGXING_SAMPLE_OSM: z
    .string()
    .default(path.resolve(REPO_ROOT, "../shared/data/osm/monaco-2019-09-30.osm.pbf")),
  /** Demonstration-site rubrics (format: src/core/rubric.ts); a city points this at its own. */
  TONGXING_RUBRICS: z.string().min(1).default(path.join(REPO_ROOT, "data/plans/hengyang/rubrics.json")),
  /** The word list of the child-safety filter (format: src/safety/word-filter.ts). */
  TONGXING_LEXICON: z.string().min(1).default(path.join(REPO_ROOT, "data/safety/lexicon.json")),
  /** The region the map opens on (an id of GET /api/regions); by default the city the plan belongs to. */
  TONGXING_DEFAULT_REGION: defaultRegion,
  /** When the city began reporting in the system (YYYY-MM-DD); overrides data/plans/<city>/reporting.json. Earlier periods are 暂无数据, not late. */
  TONGXING_REPORTING_STARTS: z.iso.date().optional(),
  /** How often units report on their tasks. */
  TONGXING_REPORT_PERIOD: z.enum(["quarter", "half", "year"]).default("quarter"),
  /**
   * The longest a database call waits for any answer (PostgreSQL frozen or unreachable)
   * before the request answers 503; the server's own statement limit is three quarters of it.
   */
  TONGXING_DB_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(20_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("warn"),
  /**
   * Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated, e.g.
   * "127.0.0.1"). Behind nginx every request comes from the proxy; without this, limits per
   * address would count all families as one. Empty: the connection's address is used.
   */
  TONGXING_TRUST_PROXY: z.string().max(500).regex(/^[0-9a-fA-F.:/, ]*$/, "IP addresses or CIDR ranges, comma-separated").default(""),
});

export type Config = z.infer<typeof envSchema>;

/** Reads and checks the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}

/** TONGXING_DEFAULT_REGION alone (for a domain given no configuration); an invalid value falls back to the plan's city. */
export function defaultRegionSetting(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = defaultRegion.safeParse(env.TONGXING_DEFAULT_REGION || undefined);
  return parsed.success ? parsed.data : PLAN_REGION;
}
