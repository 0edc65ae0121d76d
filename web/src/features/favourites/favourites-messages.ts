/** The words of favourites (收藏), Chinese first and English second. */
import { lookup } from "../../shared/i18n.ts";

const zh = {
  save: "☆ 收藏",
  saved: "★ 已收藏",
  saveLabel: "收藏 {name}",
  savedNote: "已收藏，没有网络也能打开",
  unsavedNote: "已取消收藏",
  willSync: "已保存在这台手机上，有网络时同步",
  signInToSave: "登录后可以收藏地点和攻略",
  myFavourites: "我的收藏",
  myFavouritesButton: "★ 我的收藏",
  empty: "还没有收藏。打开一个地点，点“☆ 收藏”。",
  signedOut: "登录后，收藏的地点和攻略会在你的每台手机上同步。",
  place: "地点",
  guide: "攻略",
  gone: "已不存在",
  waiting: "{count} 个改动等有网络时同步",
  refused: "没能收藏：{names}（已不存在或收藏已满）",
  unnamed: "（没有名字）",
};

const en: Record<keyof typeof zh, string> = {
  save: "☆ Save",
  saved: "★ Saved",
  saveLabel: "Save {name}",
  savedNote: "Saved; it opens even without a network",
  unsavedNote: "Removed from your favourites",
  willSync: "Kept on this phone; it syncs when you are online",
  signInToSave: "Sign in to save places and guides",
  myFavourites: "My favourites",
  myFavouritesButton: "★ My favourites",
  empty: "Nothing saved yet. Open a place and tap “☆ Save”.",
  signedOut: "Sign in and your saved places and guides follow you on every phone.",
  place: "Place",
  guide: "Guide",
  gone: "No longer there",
  waiting: "{count} changes wait to sync when you are online",
  refused: "Could not save: {names} (gone, or the list is full)",
  unnamed: "(no name)",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const FAVOURITES_MESSAGES = { zh, en } as const;
export const tFav = lookup(FAVOURITES_MESSAGES);
