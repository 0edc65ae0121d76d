/**
 * HTML to PDF through the Chromium the platform already installs for its browser tests
 * (Debian's, or CHROMIUM_PATH): it lays out Chinese text with the system's Noto CJK fonts
 * exactly as the printable page shows it. Without Chromium the caller offers the page.
 *
 * One Chromium (a dozen processes, about 5 s of both CPUs) runs at a time: prints wait in
 * a short queue, and a request that finds it full is told to come back later instead of
 * starting yet another browser. The same page asked for while it prints shares that print,
 * and the last PDF of each document is kept, keyed by the page's SHA-256, so an unchanged
 * document is not printed again and a changed one is.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const PRINT_TIMEOUT_MS = 60_000;
/** Prints that may wait behind the running one; more get `busy`. */
const DEFAULT_MAX_WAITING = 3;

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

export type PrintResult =
  | { ok: true; pdf: Buffer; cached: boolean }
  | { ok: false; reason: "no_chromium" }
  | { ok: false; reason: "busy"; retryAfterSeconds: number };

export interface PdfPrinterOptions {
  /** Prints that may wait behind the running one (3). */
  maxWaiting?: number;
  launch?: ChromiumLauncher;
  /** Where the browser is (chromiumPath). */
  browser?: () => string | null;
}

/** Prints pages one at a time with a bounded queue and a cache of each document's last PDF. */
export class PdfPrinter {
  private readonly maxWaiting: number;
  private readonly launch: ChromiumLauncher;
  private readonly browser: () => string | null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Prints accepted and not finished, the running one included. */
  private pending = 0;
  private readonly printing = new Map<string, Promise<Buffer>>();
  private readonly last = new Map<string, { sha256: string; pdf: Buffer }>();
  private lastPrintMs = 10_000;

  constructor(options: PdfPrinterOptions = {}) {
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
    const browser = this.browser();
    if (!browser) return { ok: false, reason: "no_chromium" };
    const sha256 = createHash("sha256").update(html).digest("hex");
    const kept = this.last.get(document);
    if (kept?.sha256 === sha256) return { ok: true, pdf: kept.pdf, cached: true };
    const running = this.printing.get(sha256);
    if (running) return { ok: true, pdf: await running, cached: true };
    if (this.pending > this.maxWaiting) return { ok: false, reason: "busy", retryAfterSeconds: Math.max(1, Math.ceil((this.lastPrintMs * this.pending) / 1000)) };
    const job = this.enqueue(() => this.printOnce(browser, html));
    this.printing.set(sha256, job);
    try {
      const pdf = await job;
      this.last.set(document, { sha256, pdf });
      return { ok: true, pdf, cached: false };
    } finally {
      this.printing.delete(sha256);
    }
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.chain.then(work, work).finally(() => this.pending--);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async printOnce(browser: string, html: string): Promise<Buffer> {
    const started = Date.now();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-print-"));
    try {
      const page = path.join(folder, "page.html");
      const pdf = path.join(folder, "page.pdf");
      fs.writeFileSync(page, html);
      const error = await this.launch(browser, [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        `--user-data-dir=${path.join(folder, "profile")}`, "--no-pdf-header-footer", `--print-to-pdf=${pdf}`, `file://${page}`,
      ], PRINT_TIMEOUT_MS);
      // Chromium sometimes exits with an error after writing a good file.
      if (!fs.existsSync(pdf)) throw error ?? new Error("Chromium wrote no PDF");
      return fs.readFileSync(pdf);
    } finally {
      this.lastPrintMs = Date.now() - started;
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}
