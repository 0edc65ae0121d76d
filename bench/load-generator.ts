/**
 * Runs an HTTP load on loopback with wrk (Debian's, written in C, so it takes less of the
 * 2 cores from the server than a JavaScript load tool) over a list of paths, and reads back
 * requests per second and p99 latency. Bounded in time; loopback only.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface LoadResult {
  rps: number;
  p99: string;
}

export function wrkAvailable(): boolean {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

export function runWrk(base: string, paths: readonly string[], seconds: number, connections = 32): LoadResult {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base)) throw new Error(`load only loopback, not ${base}`);
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-wrk-")), "paths.lua");
  fs.writeFileSync(script, [
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(",")}}`,
    "local i = 0",
    "request = function() i = i % #paths + 1; return wrk.format('GET', paths[i]) end",
  ].join("\n"));
  const output = execFileSync("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", script, base], { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const p99 = /\s99%\s+(\S+)/.exec(output)?.[1] ?? "?";
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1];
  if (non2xx) throw new Error(`${non2xx} error responses under load`);
  return { rps, p99 };
}
