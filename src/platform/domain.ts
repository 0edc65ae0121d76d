/**
 * What a domain brings to the composition root: its tables (migrations), what it deletes
 * when kept long enough (retention rules) and its HTTP routes (a Fastify plugin taking the
 * domain's options). The root lists every domain once; platform runs the migrations in
 * that order, the retention job applies the rules, the server registers the plugins.
 */
import type { FastifyInstance, FastifyPluginOptions } from "fastify";
import type { Migration } from "./database/migrations.ts";
import type { RetentionRule } from "./database/retention.ts";

export interface DomainEntry<Options extends FastifyPluginOptions, Services> {
  readonly name: string;
  readonly migrations?: readonly Migration[];
  readonly retentionRules?: readonly RetentionRule[];
  readonly plugin: (app: FastifyInstance, options: Options) => Promise<void>;
  /** The plugin's options, picked from the services the composition root built. */
  readonly options: (services: Services) => Options;
}

/** A domain as the composition root holds it: its plugin already joined to its options. */
export interface Domain<Services> {
  readonly name: string;
  readonly migrations: readonly Migration[];
  readonly retentionRules: readonly RetentionRule[];
  /** Registers the domain's plugin, with its options picked from `services`. */
  register(app: FastifyInstance, services: Services): Promise<void>;
}

/** Declares a domain; its plugin's options and `options` must agree in type. */
export function domain<Options extends FastifyPluginOptions, Services>(entry: DomainEntry<Options, Services>): Domain<Services> {
  return {
    name: entry.name,
    migrations: entry.migrations ?? [],
    retentionRules: entry.retentionRules ?? [],
    async register(app, services) {
      await app.register(entry.plugin, entry.options(services));
    },
  };
}
