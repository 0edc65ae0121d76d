/**
 * The web build the events browser test serves: the app's own Vite config with events.html
 * added to its pages (until web/vite.config.ts lists it), into a folder of its own, so it
 * never races another test file's build of dist/web.
 */
import fs from "node:fs";
import path from "node:path";
import { REPO } from "./harness.ts";

/** Builds the app with events.html into `outDir` (TONGXING_WEB_ROOT is read by the config). */
export async function buildEventsWeb(outDir: string): Promise<void> {
  const previous = process.env["TONGXING_WEB_ROOT"];
  process.env["TONGXING_WEB_ROOT"] = outDir;
  try {
    const { build } = await import("vite");
    await build({
      configFile: path.join(REPO, "web/vite.config.ts"),
      logLevel: "warn",
      build: { outDir, rolldownOptions: { input: { events: path.join(REPO, "web/events.html") } } },
    });
  } finally {
    if (previous === undefined) delete process.env["TONGXING_WEB_ROOT"];
    else process.env["TONGXING_WEB_ROOT"] = previous;
  }
  if (!fs.existsSync(path.join(outDir, "events.html"))) throw new Error(`the build in ${outDir} has no events.html`);
}
