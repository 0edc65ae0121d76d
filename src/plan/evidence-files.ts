/**
 * Evidence files attached to reports: checked by size, by extension and by their first
 * bytes (a renamed executable is not a PDF), stored once per content in the database
 * (`plan_evidence`, so every instance serves it), never served with a type the check did
 * not establish.
 * Photos (JPEG, PNG) are stored re-encoded without their metadata (GPS position, camera
 * serial, artist), upright; documents are stored as sent (docs/PLAN-SUPERVISION.md).
 */
import { createHash } from "node:crypto";
import { type Localized, say } from "../platform/errors.ts";
import fs from "node:fs";
import path from "node:path";
import type { Queryable } from "../platform/database/database.ts";
import { type CleanImageFormat, withoutMetadata } from "../platform/image-metadata.ts";

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

interface EvidenceType {
  mediaType: string;
  extensions: string[];
  matches: (head: Buffer) => boolean;
  /** Set for photos, which are re-encoded in this format without their metadata. */
  image?: CleanImageFormat;
}

const startsWith = (bytes: number[]) => (head: Buffer) => bytes.every((b, i) => head[i] === b);
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);

const EVIDENCE_TYPES: readonly EvidenceType[] = [
  { mediaType: "application/pdf", extensions: [".pdf"], matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { mediaType: "image/png", extensions: [".png"], matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), image: "png" },
  { mediaType: "image/jpeg", extensions: [".jpg", ".jpeg"], matches: startsWith([0xff, 0xd8, 0xff]), image: "jpeg" },
  { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: [".xlsx"], matches: ZIP },
  { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: [".docx"], matches: ZIP },
];

export const EVIDENCE_EXTENSIONS = EVIDENCE_TYPES.flatMap((t) => t.extensions);

export type EvidenceCheck = { ok: true; mediaType: string; sha256: string } | { ok: false; message: Localized };
export type CleanEvidence = { ok: true; content: Buffer; sha256: string } | { ok: false; message: Localized };

const sha256Of = (content: Buffer) => createHash("sha256").update(content).digest("hex");

/** A file name safe to show and to offer for download: no path, no control characters. */
export function cleanFileName(name: string): string | null {
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[\p{Cc}\p{Cf}"<>:|?*]/gu, "").trim();
  return base.length >= 1 && base.length <= 120 && !base.startsWith(".") ? base : null;
}

export function checkEvidence(fileName: string, content: Buffer): EvidenceCheck {
  if (content.length === 0) return { ok: false, message: say("文件是空的", "the file is empty") };
  if (content.length > MAX_EVIDENCE_BYTES) return { ok: false, message: say(`文件最大 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`, `files may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`) };
  const extension = path.extname(fileName).toLowerCase();
  const type = EVIDENCE_TYPES.find((t) => t.extensions.includes(extension));
  if (!type) return { ok: false, message: say(`只接受 ${EVIDENCE_EXTENSIONS.join("、")} 文件`, `only ${EVIDENCE_EXTENSIONS.join(", ")} files are accepted`) };
  if (!type.matches(content.subarray(0, 16))) return { ok: false, message: say(`文件内容不是 ${extension.slice(1).toUpperCase()} 格式`, `the content is not a ${extension.slice(1).toUpperCase()} file`) };
  return { ok: true, mediaType: type.mediaType, sha256: sha256Of(content) };
}

/**
 * What is stored of a checked file: a photo re-encoded upright without its metadata (and
 * hashed again), any other file as it came.
 */
export async function cleanEvidence(mediaType: string, content: Buffer): Promise<CleanEvidence> {
  const format = EVIDENCE_TYPES.find((t) => t.mediaType === mediaType)?.image;
  if (!format) return { ok: true, content, sha256: sha256Of(content) };
  const cleaned = await withoutMetadata(content, format);
  if (!cleaned.ok) return { ok: false, message: say(`无法读取这张 ${format.toUpperCase()} 图片`, `the ${format.toUpperCase()} image could not be read`) };
  return { ok: true, content: cleaned.data, sha256: sha256Of(cleaned.data) };
}

/**
 * The stored evidence, in the database (one row per content, shared by every instance).
 * Files an earlier release kept in DATA_DIR/evidence are still read, and copied into the
 * database the first time they are asked for.
 */
export class EvidenceStore {
  constructor(private readonly db: Queryable, private readonly oldFolder: string) {}

  /** Saves the content once per sha256, in the caller's transaction with its attachment record. */
  async save(tx: Queryable, sha256: string, content: Buffer): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("evidence is stored under its SHA-256");
    await tx.run("INSERT INTO plan_evidence (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING", [sha256, content]);
  }

  async read(sha256: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const [row] = await this.db.all<{ content: Buffer }>("SELECT content FROM plan_evidence WHERE sha256 = ?", [sha256]);
    if (row) return Buffer.from(row.content);
    const file = path.join(this.oldFolder, sha256);
    if (!fs.existsSync(file)) return null;
    const content = fs.readFileSync(file);
    await this.save(this.db, sha256, content);
    return content;
  }
}
