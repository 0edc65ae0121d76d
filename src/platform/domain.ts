/**
 * What a domain brings to the composition root: its tables (migrations), what it deletes
 * when kept long enough (retention rules) and its HTTP routes (a Fastify plugin taking the
 * domain's options). The root lists every domain once; platform runs the migrations in
 * that order, the retention job applies the rules, the server registers the plugins and
 * follows the changes other instances make to the tables it names.
 */
import type { FastifyInstance, FastifyPluginOptions } from "fastify";
import { watchTables } from "./database/change-feed.ts";
import type { Migration } from "./database/migrations.ts";
import type { RetentionRule } from "./database/retention.ts";

export interface DomainEntry<Options extends FastifyPluginOptions, Services> {
  readonly name: string;
  readonly migrations?: readonly Migration[];
  readonly retentionRules?: readonly RetentionRule[];
  readonly plugin: (app: FastifyInstance, options: Options) => Promise<void>;
  /** The plugin's options, picked from the services the composition root built. */
  readonly options: (services: Services) => Options;
  /**
   * Tables whose changes every instance must see (change-feed.ts), and how an instance
   * rebuilds what it holds of them when another process changed them.
   */
  readonly changes?: { readonly tables: readonly string[]; reload(services: Services): Promise<void> };
}

/** A domain as the composition root holds it: its plugin already joined to its options. */
export interface Domain<Services> {
  readonly name: string;
  readonly migrations: readonly Migration[];
  readonly retentionRules: readonly RetentionRule[];
  /** Registers the domain's plugin, with its options picked from `services`. */
  register(app: FastifyInstance, services: Services): Promise<void>;
  /** Rebuilds what an instance holds of the domain's watched tables, when it has any. */
  readonly reload?: (services: Services) => Promise<void>;
}

/** Declares a domain; its plugin's options and `options` must agree in type. */
export function domain<Options extends FastifyPluginOptions, Services>(entry: DomainEntry<Options, Services>): Domain<Services> {
  return {
    name: entry.name,
    migrations: [...(entry.migrations ?? []), ...(entry.changes ? [watchTables(entry.name, entry.name, entry.changes.tables)] : [])],
    retentionRules: entry.retentionRules ?? [],
    async register(app, services) {
      await app.register(entry.plugin, entry.options(services));
    },
    ...(entry.changes ? { reload: entry.changes.reload } : {}),
  };
}
