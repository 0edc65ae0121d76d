/**
 * How long a browser may keep a file of the built web app. Vite names every file under
 * assets/ after a hash of its content (index-BiVT3BDd.js), so such a file never changes and
 * is kept for a year without asking again; the pages and any file without a hash in its name
 * are asked about on every use (no-cache: kept, but revalidated), so a new build shows at once.
 */

/** A year, the longest lifetime caches honour. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
export const REVALIDATE_CACHE = "no-cache";

/** assets/<name>-<8-character hash>.<ext>, as Vite writes them (with a .br/.gz copy's suffix). */
const HASHED_ASSET = /(^|[\\/])assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.br|\.gz)?$/;

/** The Cache-Control of a file of the web build, by its path. */
export function cacheControlFor(filePath: string): string {
  return HASHED_ASSET.test(filePath) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}
