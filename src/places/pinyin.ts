/** Pinyin of Chinese names, toneless and space-separated ("nan hu gong yuan"), for search and cards. */
import { pinyin } from "pinyin-pro";

export function pinyinOf(text: string): string | null {
  if (!/\p{Script=Han}/u.test(text)) return null;
  return pinyin(text, { toneType: "none", type: "string", nonZh: "consecutive" }).replace(/\s+/g, " ").trim();
}
