/**
 * The character encoding of a text file a department sends: UTF-8 (with or without BOM),
 * UTF-16 with its BOM (Excel's "Unicode text"), or GBK/GB18030 (Excel's plain "CSV" on a
 * Chinese Windows). A file is decoded only when one of these reads it cleanly; anything
 * else is refused rather than imported as mojibake.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; message: string };

const BYTE_ORDER_MARKS: ReadonlyArray<readonly [readonly number[], TextEncodingName]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

/**
 * Share of the non-ASCII characters of a GB18030 reading that must be Chinese text
 * (ideographs, CJK and full-width punctuation). A UTF-8 or Latin-1 file with a stray
 * byte also "decodes" as GB18030, into private-use code points, kana, box drawing and
 * other symbols; a real GBK spreadsheet is nearly all ideographs.
 */
const CHINESE_SHARE = 0.9;

function strictly(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isChineseText(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation: 、。《》「」
    (code >= 0xff01 && code <= 0xff5e) || // full-width forms: ，：（）
    (code >= 0x2010 && code <= 0x2027) || // dashes, quotes, ellipsis
    code === 0x00b7 || code === 0x00d7 // middle dot, multiplication sign
  );
}

/** Whether a GB18030 reading looks like Chinese text rather than another encoding misread. */
function plausiblyChinese(text: string): boolean {
  let foreign = 0;
  let chinese = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    if (isChineseText(code)) chinese++;
    else foreign++;
  }
  return chinese > 0 && chinese / (chinese + foreign) >= CHINESE_SHARE;
}

/**
 * Counts of the non-ASCII characters of a lenient UTF-8 reading: well-formed ones and
 * replaced bytes. UTF-8 with a few damaged bytes has far more of the first; GBK text reads
 * as nearly all replacements (only about one GBK character in ten forms UTF-8 by chance).
 */
function utf8Damage(bytes: Uint8Array): { wellFormed: number; replaced: number } {
  let wellFormed = 0;
  let replaced = 0;
  for (const char of new TextDecoder("utf-8").decode(bytes)) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd) replaced++;
    else if (code >= 0x80) wellFormed++;
  }
  return { wellFormed, replaced };
}

/** Decodes a text file's bytes, saying which encoding it was in, or why it cannot be read. */
export function decodeText(bytes: Uint8Array): DecodedText {
  for (const [mark, encoding] of BYTE_ORDER_MARKS) {
    if (!mark.every((byte, i) => bytes[i] === byte)) continue;
    const text = strictly(encoding, bytes);
    if (text !== null) return { ok: true, text, encoding };
    return { ok: false, message: `starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}` };
  }
  const utf8 = strictly("utf-8", bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "utf-8" };
  const damage = utf8Damage(bytes);
  if (damage.wellFormed > damage.replaced) {
    return { ok: false, message: `is UTF-8 text with ${damage.replaced} damaged byte${damage.replaced === 1 ? "" : "s"} (cut off, or pieces of files in other encodings pasted in); fix or save it again as "CSV UTF-8" and import that` };
  }
  const gb = strictly("gb18030", bytes);
  if (gb !== null && plausiblyChinese(gb)) return { ok: true, text: gb.replace(/^\uFEFF/, ""), encoding: "gb18030" };
  return {
    ok: false,
    message: "is not text in UTF-8, UTF-16 (with BOM) or GBK/GB18030; save it again as \"CSV UTF-8\" (Excel: 另存为 → CSV UTF-8) and import that",
  };
}
