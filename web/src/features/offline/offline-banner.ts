/**
 * The banner that says the page shows data kept on the phone, and from when: "离线数据，更新于
 * 今天 09:12" / "Offline data from today 09:12". The service worker tells the page when it
 * answered from its cache (and the oldest fetch time among those answers) and when the network
 * answered again; the banner also asks once at start, for answers given before it listened.
 */
import { fillTemplate, getLanguage, onLanguageChange, type Lang } from "../../shared/i18n.ts";
import { askWorker, onWorkerNotice } from "./service-worker-client.ts";
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

  /** Offline data was shown; the banner keeps the oldest time it was told. */
  showOffline(cachedAt: string): void {
    if (this.cachedAt === null || cachedAt < this.cachedAt) this.cachedAt = cachedAt;
    this.render();
  }

  /** The network answered again: the page shows live data. */
  showOnline(): void {
    this.cachedAt = null;
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

/** Mounts the banner in `element` and follows the service worker's notices. */
export function mountOfflineBanner(element: HTMLElement): OfflineBanner {
  const banner = new OfflineBanner(element);
  onWorkerNotice((notice) => (notice.type === "offline-data" ? banner.showOffline(notice.cachedAt) : banner.showOnline()));
  onLanguageChange(() => banner.render());
  void askWorker<{ cachedAt: string | null }>({ type: "status" }, 5_000).then((answer) => {
    if (answer?.cachedAt) banner.showOffline(answer.cachedAt);
  });
  return banner;
}
