/**
 * The personal-information guard: phone numbers, ID-card numbers, home addresses, school
 * with class, social accounts (QQ, WeChat and its look-alikes, Douyin, Kuaishou,
 * Xiaohongshu, Bilibili UID, Weibo), e-mail addresses and a full name beside a school or an
 * address. Every rule reads the guard's canonical reading (normalise.ts) or, for English,
 * the original folded to lower case; each hit is given as a span in the original text with
 * the structure that made it count (`why`), which the moderator sees.
 */
import { type Reading, originalSpan, readText } from "./normalise.ts";
import { findNumberPieces, findNumbers, findSpelledNumbers } from "./personal-numbers.ts";
import { findPlaces } from "./personal-places.ts";

export const PERSONAL_INFO_KINDS = ["phone", "id_number", "address", "school_class", "qq", "wechat", "email", "real_name_with_school", "social_account"] as const;
export type PersonalInfoKind = (typeof PERSONAL_INFO_KINDS)[number];

export interface PersonalInfoHit {
  kind: PersonalInfoKind;
  start: number;
  end: number;
  /** The structure found ("mobile number", "ID number, checksum valid", "grade and class"). */
  why?: string;
}

/**
 * Same length as the input, so offsets stay true: full-width and circled digits and letters
 * folded where NFKC keeps the length, lower case, keycaps, emoji and invisible format
 * characters turned into spaces. The English rules read this.
 */
export function digitView(text: string): string {
  let out = "";
  for (const c of text) out += foldedChar(c);
  return out;
}

const folded = new Map<string, string>();
function foldedChar(c: string): string {
  let out = folded.get(c);
  if (out !== undefined) return out;
  if (c === "\uFE0F" || c === "\u20E3" || /\p{Cf}|\p{Extended_Pictographic}/u.test(c)) out = " ".repeat(c.length);
  else {
    const n = c.normalize("NFKC").toLowerCase();
    out = n.length === c.length ? n : /^\d$/.test(n) ? n + " ".repeat(c.length - 1) : c;
  }
  if (folded.size < 50_000) folded.set(c, out);
  return out;
}

const HANDLE = "([a-z][a-z0-9]{3,24}|[0-9]{5,12})";
const MARKER = "((?:号码|号|id|uid|账号|帐号|用户名)?(?:是|为|搜|就是|搜索)?)";
/** Keyword, marker, handle. A handle counts when it holds a digit, follows a marker or a colon. */
const CANONICAL_HANDLES: ReadonlyArray<readonly [PersonalInfoKind, RegExp]> = [
  ["wechat", new RegExp(`(?:微信|(?:加我?|私我?|找|我的|我)(?:微|v)|(?:微|v)我|绿泡泡|^(?:微|v))${MARKER}${HANDLE}`, "gu")],
  // A few words between the app and its marker: "微信可以加，号是mama_hy", "抖音上我的号是……".
  ["wechat", new RegExp(`(?:微信|绿泡泡)\\p{Script=Han}{1,6}?((?:号|id|账号)(?:是|为|就是))${HANDLE}`, "gu")],
  ["social_account", new RegExp(`(?<![a-z])(?:抖音|快手|小红书|b站|微博)\\p{Script=Han}{1,6}?((?:号|id|账号)(?:是|为|就是))${HANDLE}`, "gu")],
  ["social_account", new RegExp(`(?<![a-z])(?:抖音|快手|小红书|b站|微博|tiktok|instagram|discord|telegram|snapchat)${MARKER}${HANDLE}`, "gu")],
  ["social_account", new RegExp(`(?<![a-z])(?:uid|用户id)${MARKER}(\\d{5,12})`, "gu")],
  // A nickname ending in digits on an app: "我的微博是 @小鹿乱撞2013".
  ["social_account", new RegExp(`(?<![a-z])(?:抖音|快手|小红书|b站|微博|视频号|ins)((?:号|id|账号)?(?:是|为|叫))(\\p{Script=Han}[\\p{Script=Han}a-z]{1,15}\\d{2,})`, "gu")],
  ["qq", new RegExp(`qq${MARKER}([a-z][a-z0-9]{5,19})(?=qqcom|$)`, "gu")],
  // A game or app id given so others can add the child: "id“……”加好友", "搜 ……0921 就能加我".
  ["social_account", new RegExp(`((?:(?<![a-z])id|(?<![a-z])uid|游戏名|昵称|账号|帐号|用户名)(?:是|叫|为)?)(\\p{Script=Han}[\\p{Script=Han}a-z0-9]{1,15}|[a-z0-9]{3,20})(?:快来|快|来|可以|就能)?(?:加好友|加我|找我|关注我|互关)`, "gu")],
  // The writer's own account on an app, by its name: "我b站账号是雁城小画家".
  ["social_account", new RegExp(`(我的?(?:抖音|快手|小红书|b站|微博|视频号|王者|蛋仔|光遇|原神|迷你世界|游戏)(?:的)?(?:(?:账号|号|id|昵称|名字)(?:是|叫)|叫))(\\p{Script=Han}[\\p{Script=Han}a-z0-9]{1,12})`, "gu")],
  // A nickname on a video or photo app, with the child saying it is theirs: "抖音搜 小鱼儿 头像是我".
  ["social_account", new RegExp(`((?:抖音|快手|小红书|b站|微博|视频号|王者|和平精英|蛋仔|迷你世界|原神|光遇|我的世界|roblox|minecraft)(?:号|id|账号|昵称)?(?:搜|搜索|叫|名字叫|昵称是|号是|id是|是))(\\p{Script=Han}[\\p{Script=Han}a-z0-9]{1,15}?)(?:头像|关注我|私信我|加我|互关|是我|就是我|粉我|快来|来找我)`, "gu")],
  ["social_account", new RegExp(`((?:搜|搜索)(?:一下)?)([\\p{Script=Han}a-z0-9]{2,16}?)(?:就能|就可以|可以|就|能|来)?(?:加我|加到我|找到我|加好友|关注我|互关)`, "gu")],
  // Searched for on an app, a name that holds digits or is followed by the child's own things: "抖音搜 甜甜的小窝0734", "小红书搜 甜甜在衡阳，有我和同学的照片".
  ["social_account", new RegExp(`((?:抖音|快手|小红书|b站|微博|视频号|qq)(?:上)?(?:搜|搜索)(?:一下)?)(\\p{Script=Han}[\\p{Script=Han}a-z]{1,12}\\d{2,}|\\p{Script=Han}{2,10}(?=(?:有|是|都是|全是)?我|里面?有我|头像))`, "gu")],
  // A game or app nickname after a colon: "蛋仔昵称：甜心小芒果0921".
  ["social_account", new RegExp(`((?:王者|和平精英|蛋仔|迷你世界|原神|光遇|我的世界|roblox|minecraft|游戏)(?:派对)?(?:的)?(?:昵称|名字|id|uid|账号|号)(?:是|叫)?)([\\p{Script=Han}a-z][\\p{Script=Han}a-z]{1,12}\\d{2,}|[a-z][a-z0-9]{3,20}\\d|\\d{5,12})`, "gu")],
  // "我的B站是 小鱼儿爱画画 主页有我的照片": the account named, then the child's own page.
  ["social_account", new RegExp(`(我的?(?:抖音|快手|小红书|b站|微博|视频号)(?:号|账号)?是)(\\p{Script=Han}[\\p{Script=Han}a-z0-9]{1,12}?)(?=主页|头像|里有我|有我|里面有我|关注|粉我|互关)`, "gu")],
];

/** Short keys (v, q, dy, ig …) count only with a colon: "V: d a b a o 0734", "dy：xiao yu er_0734". */
const SHORT_KEY_HANDLE = /(?<![a-z0-9])(vx|wx|v|qq|q|dy|ks|xhs|ig|ins|insta|tt|snap|sc)\s*(?:号|id)?\s*[:：]\s*@?\s*([a-z0-9][a-z0-9_.\- ]{3,40})/giu;
const SHORT_KEY_KIND: Readonly<Record<string, PersonalInfoKind>> = { vx: "wechat", wx: "wechat", v: "wechat", qq: "qq", q: "qq" };
/** The text says the spaces in an id are not really there. */
const SPACES_CUE = /(?:去掉|去除|删掉|没有?|不要|忽略)空格|中间没空格|连起来(?:写|读|就是|是)?/u;
const SPACED_ID = /(?<![a-z0-9])[a-z0-9](?:[\s_.-]*[a-z0-9]){5,}/giu;

const ORIGINAL_HANDLES: ReadonlyArray<readonly [PersonalInfoKind, RegExp]> = [
  ["email", /[a-z0-9][\w.+-]*\s*(?:@|\(at\)|\[at\]|\sat\s|艾特|圈a|#)\s*[a-z0-9-]+\s*(?:\.|。|\(dot\)|\[dot\]|\sdot\s|点)\s*(?:com|cn|net|org|edu|io|me)\b/giu],
  ["email", /(?:邮箱|email|e-mail|mail)\s*(?:是|:|：|地址)?\s*[a-z0-9][\w.+-]{2,}\s*(?:@|at|艾特)\s*(?:qq|163|126|gmail|hotmail|outlook|sina|foxmail|yahoo|icloud)/giu],
  ["wechat", /(?<![a-z0-9])v\s*[:：]\s*[a-z][\w-]{4,19}/giu],
  // The key word written as letters, which the canonical reading would fold into the handle: "微信号：wx_tangtang".
  ["wechat", /(?:微信|威信|薇信|v信|vx|wx|wechat)\s*(?:号|id)?\s*(?:是|为|[:：])\s*[a-z][\w.-]{4,24}/giu],
  // Asked to add the writer, then a handle after a colon, whatever the app is called ("加我绿色软件：ddd0921").
  ["social_account", /(?:加我|加个|加一下|私我|找我|联系我|关注我)[^\n:：]{0,8}[:：]\s*@?(?=[a-z0-9_.-]*\d)(?=[a-z0-9_.-]*[a-z_])[a-z0-9][a-z0-9_.-]{3,24}/giu],
  ["qq", /(?<![\w.])\d{5,11}\s*(?:@|＠|艾特)\s*qq(?!\s*(?:\.|。|点|dot)\s*com)\b/giu],
  ["social_account", /(?<![\w.])@[a-z][\w.]{3,24}(?=\s|$|[，。,!！])/giu],
  ["social_account", /(?<![\w.])@\s?\p{Script=Han}[\p{Script=Han}a-z_]{1,15}\d{2,}/giu],
  // A handle in Han characters after the app's name: "微博 @石鼓小学小画家".
  ["social_account", /(?:微博|抖音|快手|小红书|b站|视频号|ins)\s*(?:号|id)?\s*[:：]?\s*@\s?\p{Script=Han}[\p{Script=Han}a-z0-9_]{1,15}/giu],
  ["social_account", /\b(?:follow|add|find|dm|message|text)\s+(?:me|us)\s+(?:on\s+[a-z]+\s*)?(?:at\s+)?@\s*[a-z0-9][\w.]{2,24}/giu],
  ["social_account", /\b(?:ins|instagram|tiktok|snapchat|discord|telegram|twitter|facebook|youtube)\s*(?:id|handle|account)?\s*[:：@]\s*@?[a-z0-9_.]{3,24}/giu],
];

const PROVIDER = "(?:qq|163|126|139|gmail|hotmail|outlook|sina|sohu|foxmail|yahoo|icloud|yeah)";
/** An e-mail told in parts: the word, a name, and its provider ("邮箱是mimi0921，163的"; "邮箱前缀是……，后面是@163.com"). */
const EMAIL_IN_PARTS: readonly RegExp[] = [
  new RegExp(`(?:邮箱|邮件|email|e-mail)[^\\n。]{0,14}?(?<![a-z0-9])[a-z][a-z0-9_.]{2,20}\\d*[^\\n。a-z0-9]{0,8}?(?:@\\s*)?${PROVIDER}(?:的|邮箱|\\s*(?:\\.|点|dot)\\s*com)`, "giu"),
  new RegExp(`(?:邮箱|邮件|email|e-mail)[^\\n]{0,30}?@\\s*${PROVIDER}\\s*(?:\\.|。|点|dot)\\s*(?:com|cn|net)`, "giu"),
  // Its name is another number the text gives: "邮箱是我的QQ号加上qq.com".
  new RegExp(`(?:邮箱|邮件|email|e-mail)[^\\n。]{0,12}(?:qq号|手机号|电话号?)[^\\n。]{0,8}(?:@\\s*)?${PROVIDER}\\s*(?:\\.|点|dot)\\s*com`, "giu"),
];

/** `view` with its spaces taken out, and where each kept character stood: "l i l y 2 0 1 2 @ s i n a . c o m". */
function squeeze(view: string): { text: string; at: number[] } {
  let text = "";
  const at: number[] = [];
  for (let i = 0; i < view.length; i++) {
    if (/\s/.test(view[i]!)) continue;
    text += view[i];
    at.push(i);
  }
  return { text, at };
}

/** A handle as children make them, letters and digits mixed ("lala0734", "yy_0734lele"), in a text that asks to be reached. */
const HANDLE_TOKEN = /(?<![a-z0-9_.@-])(?=[a-z0-9_.-]*\d{2})(?=[a-z0-9_.-]*[a-z]{3})[a-z0-9][a-z0-9_.-]{5,24}(?![a-z0-9_@])/giu;
const BARE_HANDLE = "a handle in a text that asks to be reached";
const REACH_ME = /加我|加一下|加个好友|私我|私聊|找我|联系我|关注我|互关|搜我|add me|follow me|dm me|message me/iu;

/** Every canonical handle pattern starts from one of these words: a text without any is spared them all. */
const CANONICAL_GATE = /微|v|绿泡泡|抖音|快手|小红书|b站|微博|id|qq|游戏|昵称|账号|帐号|用户名|搜|视频号|王者|和平精英|蛋仔|迷你世界|原神|光遇|我的世界|roblox|minecraft|ins|tiktok|discord|telegram|snapchat/u;

function canonicalHits(text: string, reading: Reading): PersonalInfoHit[] {
  const hits: PersonalInfoHit[] = [];
  if (!CANONICAL_GATE.test(reading.text)) return hits;
  for (const [kind, pattern] of CANONICAL_HANDLES) {
    pattern.lastIndex = 0;
    for (const m of reading.text.matchAll(pattern)) {
      const [whole, marker, handle] = [m[0], m[1] ?? "", m[2] ?? ""];
      const handleAt = m.index + whole.length - handle.length;
      const between = text.slice(reading.to[handleAt - marker.length - 1] ?? 0, reading.from[handleAt] ?? 0);
      if (!marker && !/\d/.test(handle) && !/[:：]/.test(between)) continue;
      hits.push({ kind, ...originalSpan(reading, m.index, m.index + whole.length), why: `${kind} handle` });
    }
  }
  return hits;
}

function originalHits(view: string): PersonalInfoHit[] {
  const hits: PersonalInfoHit[] = [];
  SHORT_KEY_HANDLE.lastIndex = 0;
  for (const m of view.matchAll(SHORT_KEY_HANDLE)) {
    const handle = m[2]!.replace(/[\s_.-]/g, "");
    if (handle.length < 4 || (!/[a-z]/.test(handle) && handle.length < 5)) continue;
    hits.push({ kind: SHORT_KEY_KIND[m[1]!.toLowerCase()] ?? "social_account", start: m.index, end: m.index + m[0].trimEnd().length, why: "handle after a short key and a colon" });
  }
  if (SPACES_CUE.test(view)) {
    SPACED_ID.lastIndex = 0;
    for (const m of view.matchAll(SPACED_ID)) {
      if (/\d/.test(m[0]) && /[a-z]|\d{5}/.test(m[0].replace(/\s/g, ""))) hits.push({ kind: "social_account", start: m.index, end: m.index + m[0].length, why: "id written apart, the text says to join it" });
    }
  }
  for (const [kind, pattern] of ORIGINAL_HANDLES) {
    pattern.lastIndex = 0;
    for (const m of view.matchAll(pattern)) hits.push({ kind, start: m.index, end: m.index + m[0].length, why: `${kind} written out` });
  }
  if (REACH_ME.test(view)) {
    HANDLE_TOKEN.lastIndex = 0;
    for (const m of view.matchAll(HANDLE_TOKEN)) hits.push({ kind: "social_account", start: m.index, end: m.index + m[0].length, why: BARE_HANDLE });
  }
  for (const pattern of EMAIL_IN_PARTS) {
    pattern.lastIndex = 0;
    for (const m of view.matchAll(pattern)) hits.push({ kind: "email", start: m.index, end: m.index + m[0].length, why: "e-mail told in parts" });
  }
  // An e-mail with a space between every letter.
  if (/[a-z0-9]\s+[a-z0-9]\s+[a-z0-9]/.test(view)) {
    const squeezed = squeeze(view);
    const email = ORIGINAL_HANDLES[0]![1];
    email.lastIndex = 0;
    for (const m of squeezed.text.matchAll(email)) hits.push({ kind: "email", start: squeezed.at[m.index]!, end: squeezed.at[m.index + m[0].length - 1]! + 1, why: "e-mail written apart" });
  }
  return hits;
}

/** Personal information in `text`; pass `reading` when the caller has read the text already. */
export function findPersonalInfo(text: string, reading: Reading = readText(text)): PersonalInfoHit[] {
  const lower = digitView(text);
  const hits: PersonalInfoHit[] = [...findNumbers(reading), ...findNumberPieces(reading)].map((n) => ({ kind: n.kind, ...originalSpan(reading, n.start, n.end), why: n.why }));
  hits.push(...findSpelledNumbers(lower).map((n) => ({ kind: n.kind, start: n.start, end: n.end, why: n.why })));
  hits.push(...canonicalHits(text, reading), ...originalHits(lower));
  for (const p of findPlaces(reading, lower)) {
    const span = p.on === "canonical" ? originalSpan(reading, p.start, p.end) : { start: p.start, end: p.end };
    hits.push({ kind: p.kind, ...span, why: p.why });
  }
  // One finding per kind and span; a bare handle only where no rule has named what it is.
  const seen = new Set<string>();
  const named = hits.filter((h) => h.why !== BARE_HANDLE);
  return hits.filter((h) => {
    if (h.why === BARE_HANDLE && named.some((o) => o.start < h.end && h.start < o.end)) return false;
    const key = `${h.kind}:${h.start}:${h.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.start - b.start);
}
