/**
 * Reading site files as departments save them: the text encodings Chinese office software
 * writes (a GBK fixture made by Debian's iconv, as Excel on a Chinese Windows saves "CSV"),
 * files it cannot read, and files without a single data row.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTableFile } from "./read-table.ts";
import { decodeText } from "./text-encoding.ts";

const CSV = "name_zh,name_en,categories,address,lon,lat\n南湖公园,Nanhu Park,leisure;play,衡阳市雁峰区（南湖路）,112.610176,26.844209\n";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-read-table-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The CSV text in an encoding Debian's iconv knows (GBK, GB18030, UTF-16LE, …). */
const encoded = (text: string, encoding: string): Buffer => execFileSync("iconv", ["-f", "UTF-8", "-t", encoding], { input: text });

function fileWith(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe("reading a sites file", () => {
  it("reads a GBK-encoded CSV as the Chinese it holds, and says it was GBK", async () => {
    const gbk = encoded(CSV, "GBK");
    expect(gbk.includes(Buffer.from([0xb9, 0xab, 0xd4, 0xb0]))).toBe(true); // 公园 in GBK: a real GBK file
    const read = await readTableFile(fileWith("gbk.csv", gbk));
    expect(read).toMatchObject({ ok: true, encoding: "gb18030", rows: [{ name_zh: "南湖公园", address: "衡阳市雁峰区（南湖路）" }] });
  });

  it("reads GB18030, UTF-16 with BOM and UTF-8 with or without BOM alike", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const files = {
      "gb18030.csv": encoded(CSV, "GB18030"),
      "utf16le.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), encoded(CSV, "UTF-16LE")]),
      "utf16be.csv": Buffer.concat([Buffer.from([0xfe, 0xff]), encoded(CSV, "UTF-16BE")]),
      "utf8bom.csv": Buffer.concat([bom, Buffer.from(CSV)]),
      "utf8.csv": Buffer.from(CSV),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const read = await readTableFile(fileWith(name, bytes));
      expect(read, name).toMatchObject({ ok: true, rows: [{ name_zh: "南湖公园", name_en: "Nanhu Park" }] });
    }
  });

  it("refuses bytes that are no text it knows, naming the file, instead of importing mojibake", async () => {
    const binary = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0x80, 0xfe, 0x00, 0x81, 0x0a]);
    const read = await readTableFile(fileWith("mystery.csv", binary));
    expect(read).toMatchObject({ ok: false, errors: [{ row: 0, field: "file", message: expect.stringMatching(/^mystery\.csv is not text in UTF-8/) }] });
    // UTF-8 Chinese with one stray Latin-1 byte is also valid GB18030 (鍗楁箹鍏洯…): refused, not guessed.
    const damaged = Buffer.concat([Buffer.from("name_zh,categories\n南湖公园,play\n酃湖公园,leisure\n"), Buffer.from([0xe9]), Buffer.from("x\n")]);
    expect(() => new TextDecoder("gb18030", { fatal: true }).decode(damaged)).not.toThrow();
    expect(decodeText(damaged)).toMatchObject({ ok: false, message: expect.stringMatching(/^is UTF-8 text with 1 damaged byte/) });
  });

  it("refuses a file without data rows, saying so", async () => {
    for (const [name, text] of [["header.csv", "name_zh,categories,lon,lat\n"], ["empty.csv", ""], ["none.geojson", '{"type":"FeatureCollection","features":[]}']]) {
      const read = await readTableFile(fileWith(name!, Buffer.from(text!)));
      expect(read, name).toMatchObject({ ok: false, errors: [{ row: 0, field: "file", message: `${name} has no data rows (it is empty or holds only a header)` }] });
    }
  });
});
