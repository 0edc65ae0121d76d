/**
 * The language a request is answered in: `lang=zh|en` in the query, else the first of
 * Chinese or English in Accept-Language (by its q-values), else Chinese, the city's own.
 */
import type { Lang } from "../errors.ts";

/** "en-US,en;q=0.9,zh-CN;q=0.8" -> "en"; nothing usable -> "zh". */
export function languageOf(query: string | undefined, acceptLanguage: string | undefined): Lang {
  const asked = query ? new URLSearchParams(query).get("lang") : null;
  if (asked === "zh" || asked === "en") return asked;
  let best: { lang: Lang; q: number } | null = null;
  for (const part of (acceptLanguage ?? "").slice(0, 500).split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const lang = tag === "zh" || tag.startsWith("zh-") ? "zh" : tag === "en" || tag.startsWith("en-") ? "en" : null;
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? "zh";
}

/** The language of a Fastify (or Node) request. */
export function requestLanguage(request: { url: string; headers: Record<string, string | string[] | undefined> }): Lang {
  const header = request.headers["accept-language"];
  const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : undefined;
  return languageOf(query, Array.isArray(header) ? header[0] : header);
}
