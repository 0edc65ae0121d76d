/**
 * Builds the browser app from web/ into dist/web, which the server serves at "/".
 * In development (`npx vite --config web/vite.config.ts`) the API and the tiles are
 * proxied to a running server, TONGXING_API or http://127.0.0.1:8080 by default.
 * Each text file of the build also gets a brotli (.br) and a gzip (.gz) copy, which the
 * server sends to browsers that take them (src/platform/http/app.ts): compressed once, at
 * the highest level, instead of on every request.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.TONGXING_API ?? "http://127.0.0.1:8080";
const outDir = process.env.TONGXING_WEB_ROOT ?? fileURLToPath(new URL("../dist/web", import.meta.url));

const TEXT_FILE = /\.(html|m?js|css|json|svg|txt|map)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Writes file.br and file.gz beside each text file of at least 1 KB that they make smaller. */
function preCompress(): Plugin {
  return {
    name: "tongxing-precompress",
    apply: "build",
    async closeBundle() {
      const files = (await fs.readdir(outDir, { recursive: true })).filter((f) => TEXT_FILE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const data = await fs.readFile(full);
          if (data.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gzip(data, { level: 9 }),
          ]);
          if (br.length < data.length) await fs.writeFile(`${full}.br`, br);
          if (gz.length < data.length) await fs.writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  plugins: [preCompress()],
  build: {
    // TONGXING_WEB_ROOT builds elsewhere (one build per checkout of work in parallel).
    outDir,
    emptyOutDir: true,
    // The map app, the public progress page, the staff pages, the planner, the child privacy
    // rules, what happened to children's ideas, children's polls and councils, safe school routes.
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL("index.html", import.meta.url)),
        progress: fileURLToPath(new URL("progress.html", import.meta.url)),
        staff: fileURLToPath(new URL("staff.html", import.meta.url)),
        planner: fileURLToPath(new URL("planner.html", import.meta.url)),
        privacy: fileURLToPath(new URL("privacy.html", import.meta.url)),
        ideas: fileURLToPath(new URL("ideas.html", import.meta.url)),
        polls: fileURLToPath(new URL("polls.html", import.meta.url)),
        councils: fileURLToPath(new URL("councils.html", import.meta.url)),
        schoolroutes: fileURLToPath(new URL("schoolroutes.html", import.meta.url)),
        guides: fileURLToPath(new URL("guides.html", import.meta.url)),
        venue: fileURLToPath(new URL("venue.html", import.meta.url)),
        events: fileURLToPath(new URL("events.html", import.meta.url)),
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
