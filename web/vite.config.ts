/**
 * Builds the browser app from web/ into dist/web, which the server serves at "/".
 * In development (`npx vite --config web/vite.config.ts`) the API and the tiles are
 * proxied to a running server, TONGXING_API or http://127.0.0.1:8080 by default.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.TONGXING_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  root,
  base: "/",
  build: {
    // TONGXING_WEB_ROOT builds elsewhere (one build per checkout of work in parallel).
    outDir: process.env.TONGXING_WEB_ROOT ?? fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // Five pages: the map app, the public progress page, the staff pages, the planner and
    // the child privacy rules.
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL("index.html", import.meta.url)),
        progress: fileURLToPath(new URL("progress.html", import.meta.url)),
        staff: fileURLToPath(new URL("staff.html", import.meta.url)),
        planner: fileURLToPath(new URL("planner.html", import.meta.url)),
        privacy: fileURLToPath(new URL("privacy.html", import.meta.url)),
      },
    },
    // MapLibre alone is about 1 MB minified; it is one cacheable file, not a sign of bloat.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { "/api": api, "/tiles": api },
  },
  preview: {
    proxy: { "/api": api, "/tiles": api },
  },
});
