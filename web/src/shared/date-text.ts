/** A day in the reader's language, for cards and lists that show when something happened. */

/** A date (ISO time or YYYY-MM-DD) in the reader's language: "2026年12月2日", "2 Dec 2026". */
export function dateText(iso: string, lang: "zh" | "en"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  if (lang === "zh") return `${Number(y)}年${Number(m)}月${Number(d)}日`;
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(m) - 1];
  return `${Number(d)} ${month} ${y}`;
}
