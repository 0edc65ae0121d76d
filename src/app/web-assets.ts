/**
 * Builds the web app with Vite when dist/web is missing or older than its sources, so the
 * README's single start command is enough on a fresh clone.
 */
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../platform/config.ts";

/** dist/web, or TONGXING_WEB_ROOT (the web build of one of several checkouts or workers). */
export const WEB_ROOT = process.env.TONGXING_WEB_ROOT ?? path.join(REPO_ROOT, "dist/web");

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when the built app is missing or a source under web/ or src/core/ changed since. */
export function webBuildNeeded(): boolean {
  const index = path.join(WEB_ROOT, "index.html");
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return newestMtime(path.join(REPO_ROOT, "web")) > built || newestMtime(path.join(REPO_ROOT, "src/core")) > built;
}

export async function buildWebAssets(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: path.join(REPO_ROOT, "web/vite.config.ts"), logLevel: "warn" });
}
