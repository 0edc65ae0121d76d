/**
 * HTML to PNG through the same Chromium as print-pdf.ts: a headless screenshot of the page
 * at a fixed window size (1600 × 1131, the proportions of A4 landscape), for a map a school
 * can send to parents by chat. Like the PDF printer, one browser at a time with a short
 * queue (a request that finds it full is told when to come back), one shot shared by every
 * request of the same page while it runs, and each document's last picture kept while its
 * page is byte for byte the same.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ChromiumLauncher, chromiumPath, launchChromium } from "./print-pdf.ts";

const SHOT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_WAITING = 3;
/** The window the page is laid out in: A4 landscape's proportions (297:210). */
export const SCREENSHOT_SIZE = { width: 1600, height: 1131 } as const;

export type ShotResult =
  | { ok: true; png: Buffer; cached: boolean }
  | { ok: false; reason: "no_chromium" }
  | { ok: false; reason: "busy"; retryAfterSeconds: number };

export interface PngPrinterOptions {
  /** Shots that may wait behind the running one (3). */
  maxWaiting?: number;
  launch?: ChromiumLauncher;
  /** Where the browser is (chromiumPath). */
  browser?: () => string | null;
}

/** Takes screenshots of pages one at a time with a bounded queue and a cache of each document's last PNG. */
export class PngPrinter {
  private readonly maxWaiting: number;
  private readonly launch: ChromiumLauncher;
  private readonly browser: () => string | null;
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly shooting = new Map<string, Promise<Buffer>>();
  private readonly last = new Map<string, { sha256: string; png: Buffer }>();
  private lastShotMs = 10_000;

  constructor(options: PngPrinterOptions = {}) {
    this.maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
    this.launch = options.launch ?? launchChromium;
    this.browser = options.browser ?? chromiumPath;
  }

  /** The PNG of a self-contained page; `document` names what it shows (its last picture is kept). */
  async shoot(document: string, html: string): Promise<ShotResult> {
    const browser = this.browser();
    if (!browser) return { ok: false, reason: "no_chromium" };
    const sha256 = createHash("sha256").update(html).digest("hex");
    const kept = this.last.get(document);
    if (kept?.sha256 === sha256) return { ok: true, png: kept.png, cached: true };
    const running = this.shooting.get(sha256);
    if (running) return { ok: true, png: await running, cached: true };
    if (this.pending > this.maxWaiting) return { ok: false, reason: "busy", retryAfterSeconds: Math.max(1, Math.ceil((this.lastShotMs * this.pending) / 1000)) };
    this.pending++;
    const job = this.chain.then(() => this.shootOnce(browser, html)).finally(() => this.pending--);
    this.chain = job.catch(() => undefined);
    this.shooting.set(sha256, job);
    try {
      const png = await job;
      this.last.set(document, { sha256, png });
      return { ok: true, png, cached: false };
    } finally {
      this.shooting.delete(sha256);
    }
  }

  private async shootOnce(browser: string, html: string): Promise<Buffer> {
    const started = Date.now();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-shot-"));
    try {
      const page = path.join(folder, "page.html");
      const png = path.join(folder, "page.png");
      fs.writeFileSync(page, html);
      const error = await this.launch(browser, [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        `--user-data-dir=${path.join(folder, "profile")}`, "--hide-scrollbars",
        `--window-size=${SCREENSHOT_SIZE.width},${SCREENSHOT_SIZE.height}`, `--screenshot=${png}`, `file://${page}`,
      ], SHOT_TIMEOUT_MS);
      // Chromium sometimes exits with an error after writing a good file.
      if (!fs.existsSync(png)) throw error ?? new Error("Chromium wrote no PNG");
      return fs.readFileSync(png);
    } finally {
      this.lastShotMs = Date.now() - started;
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}
