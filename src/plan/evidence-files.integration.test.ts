/** Evidence files: the content must be what the extension says, names are made safe, storage round-trips. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../platform/database/database.ts";
import { openDatabase } from "../platform/database/open-database.ts";
import { type TestDatabase, createTestDatabase, testDialects } from "../platform/testing/test-databases.ts";
import { planMigrations } from "./migrations.ts";
import { EVIDENCE_EXTENSIONS, EvidenceStore, MAX_EVIDENCE_BYTES, checkEvidence, cleanEvidence, cleanFileName } from "./evidence-files.ts";

/** The first bytes of each accepted kind of file, followed by some body. */
const HEADS = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff, 0xe0],
  zip: [0x50, 0x4b, 0x03, 0x04],
  exe: [0x4d, 0x5a, 0x90, 0x00],
};
const file = (head: number[], body = "some content of the file") => Buffer.concat([Buffer.from(head), Buffer.from(body)]);
const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

describe("checkEvidence", () => {
  it("accepts each kind whose first bytes match its extension, with its media type and hash", () => {
    const cases: Array<[string, Buffer, string]> = [
      ["report.pdf", file(HEADS.pdf), "application/pdf"],
      ["photo.png", file(HEADS.png), "image/png"],
      ["photo.jpg", file(HEADS.jpeg), "image/jpeg"],
      ["photo.jpeg", file(HEADS.jpeg), "image/jpeg"],
      ["values.xlsx", file(HEADS.zip), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["minutes.docx", file(HEADS.zip), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["扫描件.PDF", file(HEADS.pdf), "application/pdf"],
    ];
    for (const [name, content, mediaType] of cases) expect(checkEvidence(name, content)).toEqual({ ok: true, mediaType, sha256: sha256(content) });
  });

  it("refuses content that is not what the extension says", () => {
    expect(checkEvidence("report.pdf", file(HEADS.png))).toEqual({ ok: false, message: expect.objectContaining({ en: "the content is not a PDF file" }) });
    expect(checkEvidence("report.pdf", file(HEADS.exe))).toEqual({ ok: false, message: expect.objectContaining({ en: "the content is not a PDF file" }) });
    expect(checkEvidence("photo.png", file(HEADS.jpeg))).toMatchObject({ ok: false, message: expect.objectContaining({ en: "the content is not a PNG file" }) });
    expect(checkEvidence("photo.jpg", file(HEADS.pdf))).toMatchObject({ ok: false, message: expect.objectContaining({ en: "the content is not a JPG file" }) });
    expect(checkEvidence("values.xlsx", file(HEADS.pdf))).toMatchObject({ ok: false, message: expect.objectContaining({ en: "the content is not a XLSX file" }) });
    expect(checkEvidence("report.pdf", Buffer.from("%PD"))).toMatchObject({ ok: false });
    expect(checkEvidence("report.pdf", Buffer.from("<html>%PDF-"))).toMatchObject({ ok: false });
  });

  it("refuses extensions outside the list, even with a matching head", () => {
    expect(EVIDENCE_EXTENSIONS).toEqual([".pdf", ".png", ".jpg", ".jpeg", ".xlsx", ".docx"]);
    for (const name of ["setup.exe", "report.pdf.exe", "archive.zip", "README", "report.", ".pdf"]) {
      expect(checkEvidence(name, file(HEADS.pdf))).toEqual({ ok: false, message: expect.objectContaining({ en: "only .pdf, .png, .jpg, .jpeg, .xlsx, .docx files are accepted" }) });
    }
  });

  it("refuses an empty file and one past the size limit, and accepts one exactly at it", () => {
    expect(checkEvidence("report.pdf", Buffer.alloc(0))).toEqual({ ok: false, message: expect.objectContaining({ en: "the file is empty" }) });
    const atLimit = Buffer.alloc(MAX_EVIDENCE_BYTES);
    Buffer.from(HEADS.pdf).copy(atLimit);
    expect(checkEvidence("report.pdf", atLimit).ok).toBe(true);
    const overLimit = Buffer.alloc(MAX_EVIDENCE_BYTES + 1);
    Buffer.from(HEADS.pdf).copy(overLimit);
    expect(checkEvidence("report.pdf", overLimit)).toEqual({ ok: false, message: expect.objectContaining({ en: "files may be at most 10 MB" }) });
  });
});

describe("cleanEvidence", () => {
  it("re-encodes a photo upright without its EXIF and hashes what is stored; keeps a document as sent", async () => {
    const taken = await sharp({ create: { width: 30, height: 10, channels: 3, background: "green" } }).jpeg()
      .withMetadata({ orientation: 8 })
      .withExif({ IFD0: { Artist: "Wang Wu" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "26/1 53/1 3000/100" } })
      .toBuffer();
    const stored = await cleanEvidence("image/jpeg", taken);
    if (!stored.ok) throw new Error(stored.message.en);
    expect(stored.sha256).toBe(sha256(stored.content));
    expect(stored.content.includes("Wang Wu")).toBe(false);
    const metadata = await sharp(stored.content).metadata();
    expect({ width: metadata.width, height: metadata.height, exif: metadata.exif, orientation: metadata.orientation }).toEqual({ width: 10, height: 30, exif: undefined, orientation: undefined });
    const pdf = file(HEADS.pdf);
    expect(await cleanEvidence("application/pdf", pdf)).toEqual({ ok: true, content: pdf, sha256: sha256(pdf) });
    expect(await cleanEvidence("image/png", file(HEADS.png))).toEqual({ ok: false, message: expect.objectContaining({ en: "the PNG image could not be read" }) });
  });
});

describe("cleanFileName", () => {
  it("keeps an ordinary name, Chinese included", () => {
    expect(cleanFileName("2025年第一季度报告.pdf")).toBe("2025年第一季度报告.pdf");
    expect(cleanFileName("  site photo 1.jpg  ")).toBe("site photo 1.jpg");
  });

  it("strips every directory, Unix or Windows", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("/var/tmp/report.pdf")).toBe("report.pdf");
    expect(cleanFileName("C:\\Users\\staff\\Desktop\\report.pdf")).toBe("report.pdf");
    expect(cleanFileName("..\\..\\report.pdf")).toBe("report.pdf");
  });

  it("strips control and format characters and characters Windows forbids", () => {
    expect(cleanFileName("re\u0000po\u0007rt.pdf")).toBe("report.pdf");
    expect(cleanFileName("invoice\u202etxt.pdf")).toBe("invoicetxt.pdf");
    expect(cleanFileName("zero\u200bwidth.pdf")).toBe("zerowidth.pdf");
    expect(cleanFileName('a"b<c>d:e|f?g*h.pdf')).toBe("abcdefgh.pdf");
    expect(cleanFileName("line\r\nbreak.pdf")).toBe("linebreak.pdf");
  });

  it("refuses names that end up empty, hidden, dot-only or too long", () => {
    for (const name of ["", "   ", "/", "\u0000\u0001", "..", "../..", ".htaccess", "folder/.env", "???"]) expect({ name, clean: cleanFileName(name) }).toEqual({ name, clean: null });
    expect(cleanFileName(`${"a".repeat(116)}.pdf`)).toHaveLength(120);
    expect(cleanFileName(`${"a".repeat(117)}.pdf`)).toBeNull();
  });
});

describe.each(testDialects())("EvidenceStore on %s", (dialect) => {
  let database: TestDatabase;
  let db: Database;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongxing-evidence-"));
  const oldFolder = path.join(dir, "evidence");
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await openDatabase({ DATA_DIR: dir, DATABASE_URL: database.url }, planMigrations);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads back what it saved, byte for byte, and stores each content once", async () => {
    const evidence = new EvidenceStore(db, oldFolder);
    const content = file(HEADS.pdf, "季度报告");
    const id = sha256(content);
    expect(await evidence.read(id)).toBeNull();
    await evidence.save(db, id, content);
    await evidence.save(db, id, Buffer.from("something else"));
    expect(await evidence.read(id)).toEqual(content);
    expect(await db.all("SELECT sha256 FROM plan_evidence WHERE sha256 = ?", [id])).toHaveLength(1);
  });

  it("serves a file an earlier release kept in the data folder, and copies it into the database", async () => {
    const content = file(HEADS.png, "an old photo");
    const id = sha256(content);
    fs.mkdirSync(oldFolder, { recursive: true });
    fs.writeFileSync(path.join(oldFolder, id), content);
    expect(await new EvidenceStore(db, oldFolder).read(id)).toEqual(content);
    fs.rmSync(path.join(oldFolder, id));
    expect(await new EvidenceStore(db, oldFolder).read(id)).toEqual(content);
  });

  it("reads nothing for an id that is not 64 lowercase hex digits", async () => {
    const evidence = new EvidenceStore(db, oldFolder);
    const content = file(HEADS.pdf);
    const id = sha256(content);
    await evidence.save(db, id, content);
    fs.mkdirSync(oldFolder, { recursive: true });
    fs.writeFileSync(path.join(dir, "secret"), "not evidence");
    for (const bad of [id.toUpperCase(), id.slice(1), `${id}0`, "../secret", `../evidence/${id}`, `${id.slice(0, 63)}g`, ""]) {
      expect({ bad, read: await evidence.read(bad) }).toEqual({ bad, read: null });
    }
  });
});
