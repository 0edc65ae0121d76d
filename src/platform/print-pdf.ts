/**
 * HTML to PDF through the Chromium the platform already installs for its browser tests
 * (Debian's, or CHROMIUM_PATH): it lays out Chinese text with the system's Noto CJK fonts
 * exactly as the printable page shows it. Without Chromium the caller offers the page.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const PRINT_TIMEOUT_MS = 60_000;

export function chromiumPath(): string | null {
  const configured = process.env["CHROMIUM_PATH"];
  if (configured && fs.existsSync(configured)) return configured;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

/** The PDF of a self-contained HTML page, or null when no Chromium is installed. */
export async function printPdf(html: string): Promise<Buffer | null> {
  const browser = chromiumPath();
  if (!browser) return null;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-print-"));
  try {
    const page = path.join(folder, "page.html");
    const pdf = path.join(folder, "page.pdf");
    fs.writeFileSync(page, html);
    await new Promise<void>((resolve, reject) => {
      execFile(browser, [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        `--user-data-dir=${path.join(folder, "profile")}`, "--no-pdf-header-footer", `--print-to-pdf=${pdf}`, `file://${page}`,
      ], { timeout: PRINT_TIMEOUT_MS }, (error) => (error && !fs.existsSync(pdf) ? reject(error) : resolve()));
    });
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
