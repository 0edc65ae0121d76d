/**
 * The banner that says the page shows data kept on the phone, and from when: "离线数据，更新于
 * 今天 09:12" / "Offline data from today 09:12". It follows the API answers' marks
 * (shared/data-freshness.ts): the oldest kept answer shown since the last live one, including
 * those the page got before the banner was mounted.
 */
import { offlineSince, onFreshnessChange } from "../../shared/data-freshness.ts";
import { fillTemplate, getLanguage, onLanguageChange, type Lang } from "../../shared/i18n.ts";
import { tOffline } from "./offline-messages.ts";

/** "Today" with a time, in either language (the banner may be asked in the other one). */
const TODAY: Readonly<Record<Lang, string>> = { zh: "今天 {time}", en: "today {time}" };

/** When the kept data was fetched, in words: the time alone today, the date and time before. */
export function cachedAtText(cachedAt: string, lang: Lang, now: Date = new Date()): string {
  const at = new Date(cachedAt);
  if (Number.isNaN(at.getTime())) return "?";
  const locale = lang === "zh" ? "zh-CN" : "en-GB";
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hour12: false }).format(at);
  if (at.toDateString() === now.toDateString()) return fillTemplate(TODAY[lang], { time });
  const sameYear = at.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, { ...(sameYear ? {} : { year: "numeric" }), month: lang === "zh" ? "numeric" : "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(at);
}

/** The banner's state: hidden, or showing data fetched at `cachedAt`. */
export class OfflineBanner {
  private cachedAt: string | null = null;

  constructor(private readonly element: HTMLElement) {
    element.setAttribute("role", "status");
    this.render();
  }

  /** Offline data fetched at `cachedAt` is shown, or (null) the page shows live data. */
  show(cachedAt: string | null): void {
    this.cachedAt = cachedAt;
    this.render();
  }

  render(): void {
    const offline = this.cachedAt !== null;
    this.element.hidden = !offline;
    document.documentElement.toggleAttribute("data-offline-data", offline);
    this.element.textContent = offline ? tOffline("offlineData", { time: cachedAtText(this.cachedAt ?? "", getLanguage()) }) : "";
    if (offline) this.element.dataset.cachedAt = this.cachedAt ?? "";
    else delete this.element.dataset.cachedAt;
  }
}

/** Mounts the banner in `element`, showing what the page's answers were so far and following them. */
export function mountOfflineBanner(element: HTMLElement): OfflineBanner {
  const banner = new OfflineBanner(element);
  banner.show(offlineSince());
  onFreshnessChange((cachedAt) => banner.show(cachedAt));
  onLanguageChange(() => banner.render());
  return banner;
}
