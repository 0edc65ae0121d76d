/**
 * Requests per key (a client address, an account) in fixed windows, in memory: enough for
 * one server process, and bounded, since old windows are pruned when many keys pile up.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Counts one request; false when the key has used up its window. */
  allow(key: string, now = Date.now()): boolean {
    if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (now - w.start > this.windowMs) this.windows.delete(k);
    const window = this.windows.get(key);
    if (!window || now - window.start > this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.limit;
  }
}
