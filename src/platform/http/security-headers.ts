/**
 * Security headers on every answer. All of them: no MIME sniffing and no Referer (a page's
 * address can name the place a family looked at). HTML pages: a Content-Security-Policy
 * that the built app satisfies, and no framing by anyone. A page that sets its own policy
 * (the printable evaluation) keeps it.
 */
import type { FastifyInstance } from "fastify";

/**
 * The policy of the app's five pages. Scripts, styles, data, fonts and MapLibre's worker
 * (a module file of its own, never a blob) come from this server only; map and control
 * icons are data: images, and MapLibre decodes images through blob: URLs where a browser
 * lacks ImageBitmap. `style` attributes stay allowed because the DOM helpers set a few (the
 * planner legend's colours, the progress bars' widths); a <style> element or an inline
 * script does not. e2e/security-headers.e2e.test.ts uses every page and sees no violation.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Adds the headers to every answer of `app`, its plugins' answers included. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", (_request, reply, payload, done) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    if (String(reply.getHeader("content-type") ?? "").startsWith("text/html")) {
      if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", PAGE_CONTENT_SECURITY_POLICY);
      reply.header("x-frame-options", "DENY");
    }
    done(null, payload);
  });
}
