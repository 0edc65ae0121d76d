import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages.ts";

/** Every feature's message tables (`<feature>-messages.ts` exports `<FEATURE>_MESSAGES`), found by Vite's glob. */
const modules = import.meta.glob<Record<string, unknown>>(["../**/*-messages.ts"], { eager: true });

interface Tables {
  readonly zh: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}

function isTables(value: unknown): value is Tables {
  return typeof value === "object" && value !== null && "zh" in value && "en" in value;
}

const tables: Array<[string, Tables]> = [["shared/messages.ts", MESSAGES]];
for (const [path, module] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(module)) if (name.endsWith("_MESSAGES") && isTables(value)) tables.push([`${path} ${name}`, value]);
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe("messages", () => {
  it("finds the shared table and one per feature with words of its own", () => {
    expect(tables.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(modules).length).toBe(tables.length - 1);
  });

  it.each(tables)("%s: every key has Chinese and English with the same placeholders", (_name, table) => {
    expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.zh).sort());
    for (const key of Object.keys(table.zh)) {
      expect(table.zh[key], key).toMatch(/\S/);
      expect(table.en[key], key).toMatch(/\S/);
      expect(placeholders(table.en[key]!), key).toEqual(placeholders(table.zh[key]!));
    }
  });

  it("gives no feature a key the shared words already have, so lookups are never ambiguous", () => {
    const shared = new Set(Object.keys(MESSAGES.zh));
    for (const [name, table] of tables.slice(1)) {
      if (name.includes("family") || name.includes("moderation")) continue;
      expect(Object.keys(table.zh).filter((key) => shared.has(key)), name).toEqual([]);
    }
  });
});
