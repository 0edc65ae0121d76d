/**
 * HTML to PDF or PNG through the Chromium the platform already installs for its browser
 * tests (Debian's, or CHROMIUM_PATH): it lays out Chinese text with the system's Noto CJK
 * fonts exactly as the printable page shows it. Without Chromium the caller offers the page.
 *
 * One printer serves the whole server (evaluations' PDFs, school-route maps as PDF and PNG),
 * and it runs one Chromium (a dozen processes, about 5 s of both CPUs) at a time: jobs wait
 * in a short queue, and a request that finds it full is told to come back later instead of
 * starting yet another browser. The same page asked for while it runs shares that run, and
 * the last file of each document is kept, keyed by the page's SHA-256, so an unchanged
 * document is not printed again and a changed one is. A PNG is a headless screenshot at a
 * fixed window (1600 × 1131, the proportions of A4 landscape), for a map a school can send
 * to parents by chat.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const RUN_TIMEOUT_MS = 60_000;
/** Jobs that may wait behind the running one; more get `busy`. */
const DEFAULT_MAX_WAITING = 3;
/** The window a PNG's page is laid out in: A4 landscape's proportions (297:210). */
export const SCREENSHOT_SIZE = { width: 1600, height: 1131 } as const;

export function chromiumPath(): string | null {
  const configured = process.env["CHROMIUM_PATH"];
  if (configured && fs.existsSync(configured)) return configured;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

/** Runs the browser with these arguments until it exits; resolves with its error, if any. */
export type ChromiumLauncher = (browser: string, args: readonly string[], timeoutMs: number) => Promise<Error | null>;

/** The launcher of a real run: the browser as a child process. */
export const launchChromium: ChromiumLauncher = (browser, args, timeoutMs) =>
  new Promise((resolve) => execFile(browser, [...args], { timeout: timeoutMs }, (error) => resolve(error)));

type Refusal = { ok: false; reason: "no_chromium" } | { ok: false; reason: "busy"; retryAfterSeconds: number };
export type PrintResult = { ok: true; pdf: Buffer; cached: boolean } | Refusal;
export type ShotResult = { ok: true; png: Buffer; cached: boolean } | Refusal;
type Format = "pdf" | "png";
type RunResult = { ok: true; bytes: Buffer; cached: boolean } | Refusal;

export interface PrinterOptions {
  /** Jobs that may wait behind the running one (3). */
  maxWaiting?: number;
  launch?: ChromiumLauncher;
  /** Where the browser is (chromiumPath). */
  browser?: () => string | null;
}

/** Prints and shoots pages one at a time with a bounded queue and a cache of each document's last file. */
export class Printer {
  private readonly maxWaiting: number;
  private readonly launch: ChromiumLauncher;
  private readonly browser: () => string | null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Jobs accepted and not finished, the running one included. */
  private pending = 0;
  private readonly running = new Map<string, Promise<Buffer>>();
  private readonly last = new Map<string, { sha256: string; bytes: Buffer }>();
  private lastRunMs = 10_000;

  constructor(options: PrinterOptions = {}) {
    this.maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
    this.launch = options.launch ?? launchChromium;
    this.browser = options.browser ?? chromiumPath;
  }

  /**
   * The PDF of a self-contained page. `document` names what the page shows (one of a few,
   * like an evaluation's stage): its last PDF is kept and served again while the page is
   * byte for byte the same.
   */
  async print(document: string, html: string): Promise<PrintResult> {
    const result = await this.run("pdf", document, html);
    return result.ok ? { ok: true, pdf: result.bytes, cached: result.cached } : result;
  }

  /** The PNG of a self-contained page at SCREENSHOT_SIZE; kept per document as `print` does. */
  async shoot(document: string, html: string): Promise<ShotResult> {
    const result = await this.run("png", document, html);
    return result.ok ? { ok: true, png: result.bytes, cached: result.cached } : result;
  }

  private async run(format: Format, document: string, html: string): Promise<RunResult> {
    const browser = this.browser();
    if (!browser) return { ok: false, reason: "no_chromium" };
    const sha256 = createHash("sha256").update(html).digest("hex");
    const key = `${format}:${document}`;
    const kept = this.last.get(key);
    if (kept?.sha256 === sha256) return { ok: true, bytes: kept.bytes, cached: true };
    const shared = this.running.get(`${format}:${sha256}`);
    if (shared) return { ok: true, bytes: await shared, cached: true };
    if (this.pending > this.maxWaiting) return { ok: false, reason: "busy", retryAfterSeconds: Math.max(1, Math.ceil((this.lastRunMs * this.pending) / 1000)) };
    const job = this.enqueue(() => this.runOnce(browser, format, html));
    this.running.set(`${format}:${sha256}`, job);
    try {
      const bytes = await job;
      this.last.set(key, { sha256, bytes });
      return { ok: true, bytes, cached: false };
    } finally {
      this.running.delete(`${format}:${sha256}`);
    }
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.chain.then(work, work).finally(() => this.pending--);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async runOnce(browser: string, format: Format, html: string): Promise<Buffer> {
    const started = Date.now();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-print-"));
    try {
      const page = path.join(folder, "page.html");
      const out = path.join(folder, `page.${format}`);
      fs.writeFileSync(page, html);
      const output = format === "pdf"
        ? ["--no-pdf-header-footer", `--print-to-pdf=${out}`]
        : ["--hide-scrollbars", `--window-size=${SCREENSHOT_SIZE.width},${SCREENSHOT_SIZE.height}`, `--screenshot=${out}`];
      const error = await this.launch(browser, [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        `--user-data-dir=${path.join(folder, "profile")}`, ...output, `file://${page}`,
      ], RUN_TIMEOUT_MS);
      // Chromium sometimes exits with an error after writing a good file.
      if (!fs.existsSync(out)) throw error ?? new Error(`Chromium wrote no ${format.toUpperCase()}`);
      return fs.readFileSync(out);
    } finally {
      this.lastRunMs = Date.now() - started;
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}
