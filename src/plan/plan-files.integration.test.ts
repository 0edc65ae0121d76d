/**
 * Files in and out of plan supervision over real HTTP: evidence photos are served without
 * the position, camera and author their metadata carried, upright; documents as sent. The
 * evaluation PDF is printed by one Chromium at a time (counted in the process list), once
 * for many simultaneous requests, from the cache while nothing changed, again when a report
 * changes it, and refused with Retry-After when the print queue is full.
 */
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/plan-commands.ts";
import { type TestServer, startTestServer } from "../app/test-server.ts";
import { chromiumPath } from "../platform/printer.ts";
import { testDialects } from "../platform/testing/test-databases.ts";

const PASSWORD = "lantern-Quarry-9-orbit-Pebble!";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Author (Li Si) >> endobj\ntrailer << >>\n%%EOF\n");
const SECRETS = { artist: "Zhang San", serial: "SN-0042-7777", make: "Canon", model: "EOS R6" };

/** A photo 40 × 20 as stored, to be shown turned a quarter (orientation 6), with the metadata a phone writes. */
async function photo(format: "jpeg" | "png"): Promise<Buffer> {
  const image = sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 40, b: 40 } } });
  return (format === "jpeg" ? image.jpeg() : image.png())
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Artist: SECRETS.artist, Make: SECRETS.make, Model: SECRETS.model, Copyright: SECRETS.artist },
      IFD2: { BodySerialNumber: SECRETS.serial },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "26/1 53/1 3000/100", GPSLongitudeRef: "E", GPSLongitude: "112/1 34/1 1200/100" },
    })
    .toBuffer();
}

/** Chromium browsers this process started that are running now (their children are not counted). */
function browsersRunning(): number[] {
  return fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      return parent === process.pid && fs.readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("chrom");
    } catch {
      return false;
    }
  });
}

/** Runs `work` while watching the process list: the browsers seen and the most at once. */
async function watchingBrowsers<T>(work: () => Promise<T>): Promise<{ result: T; started: number; mostAtOnce: number }> {
  const seen = new Set<number>();
  let mostAtOnce = 0;
  const look = () => {
    const running = browsersRunning();
    for (const pid of running) seen.add(pid);
    mostAtOnce = Math.max(mostAtOnce, running.length);
  };
  const timer = setInterval(look, 20);
  try {
    const result = await work();
    return { result, started: seen.size, mostAtOnce };
  } finally {
    clearInterval(timer);
  }
}

describe.each(testDialects())("plan files on %s", (dialect) => {
  let t: TestServer;
  const cookies = new Map<string, string>();
  const call = async (who: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = Buffer.isBuffer(body);
    const response = await fetch(t.base + path, {
      method,
      headers: { "x-tongxing-request": "1", cookie: cookies.get(who) ?? "", ...(body === undefined ? {} : { "content-type": raw ? "application/octet-stream" : "application/json" }), ...headers },
      body: body === undefined ? undefined : raw ? new Uint8Array(body as Buffer) : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const json = async (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const response = await call(who, method, path, body, headers);
    return { status: response.status, body: JSON.parse(response.bytes.toString()) as Record<string, unknown> };
  };
  let period = "";
  let today = "";

  beforeAll(async () => {
    t = await startTestServer(dialect);
    process.env["TONGXING_PASSWORD"] = PASSWORD;
    const people: Array<[string, string, string?]> = [["fileadmin", "admin"], ["fileparks", "reporter", "city-urban-management-bureau"], ["filereviewer", "reviewer"], ["filemayor", "leader"]];
    for (const [username, role, unit] of people) {
      expect((await addUser(t.server.db, { username, role, name: username, unit })).ok).toBe(true);
      const login = await fetch(`${t.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: PASSWORD }) });
      cookies.set(username, login.headers.get("set-cookie")!.split(";")[0]!);
    }
    period = ((await json("fileadmin", "GET", "/api/plan/dashboard")).body["period"] as { id: string }).id;
    today = (await json("fileadmin", "GET", "/api/plan/overdue")).body["today"] as string;
  });
  afterAll(async () => {
    delete process.env["TONGXING_PASSWORD"];
    await t?.stop();
  });

  it("serves evidence photos upright and without GPS, camera serial, make, model or artist; documents as sent", async () => {
    const created = await json("fileparks", "POST", "/api/reports", { taskNumber: 22, period });
    expect(created.status).toBe(201);
    const id = (created.body["report"] as { id: string }).id;
    const sent = { jpeg: await photo("jpeg"), png: await photo("png") };
    for (const original of Object.values(sent)) expect(original.includes(SECRETS.artist) && original.includes(SECRETS.serial)).toBe(true);

    for (const [name, content] of [["现场照片.jpg", sent.jpeg], ["截图.png", sent.png], ["验收报告.pdf", PDF]] as const) {
      expect((await call("fileparks", "POST", `/api/reports/${id}/attachments`, content, { "x-file-name": encodeURIComponent(name) })).status).toBe(201);
    }
    const report = (await json("fileparks", "GET", `/api/reports/${id}`)).body["report"] as { attachments: Array<{ id: string; fileName: string; mediaType: string; bytes: number }> };
    const served = async (fileName: string) => {
      const meta = report.attachments.find((a) => a.fileName === fileName)!;
      const response = await call("fileparks", "GET", `/api/reports/${id}/attachments/${meta.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(meta.mediaType);
      expect(response.bytes.length).toBe(meta.bytes);
      return response.bytes;
    };

    for (const [fileName, format] of [["现场照片.jpg", "jpeg"], ["截图.png", "png"]] as const) {
      const bytes = await served(fileName);
      const metadata = await sharp(bytes).metadata();
      expect({ fileName, format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({ fileName, format, width: 20, height: 40 });
      expect({ fileName, exif: metadata.exif, xmp: metadata.xmp, iptc: metadata.iptc, orientation: metadata.orientation, comments: metadata.comments }).toEqual({ fileName, exif: undefined, xmp: undefined, iptc: undefined, orientation: undefined, comments: undefined });
      for (const secret of Object.values(SECRETS)) expect({ fileName, secret, found: bytes.includes(secret) }).toEqual({ fileName, secret, found: false });
    }
    expect(await served("验收报告.pdf")).toEqual(PDF);

    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("not really a photo")]);
    expect((await json("fileparks", "POST", `/api/reports/${id}/attachments`, broken, { "x-file-name": "broken.jpg" })).body).toEqual({ code: "invalid_parameter", message: "无法读取这张 JPEG 图片", field: "file" });
  });

  it.skipIf(!chromiumPath())("prints six simultaneous evaluation requests with one Chromium, then from the cache, and again when a report changes it", async () => {
    const six = () => Promise.all(Array.from({ length: 6 }, () => call("filemayor", "GET", "/api/plan/evaluation.pdf?stage=final")));
    const first = await watchingBrowsers(six);
    expect(first.result.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(first.result.every((r) => r.bytes.subarray(0, 5).toString() === "%PDF-")).toBe(true);
    expect({ started: first.started, mostAtOnce: first.mostAtOnce }).toEqual({ started: 1, mostAtOnce: 1 });

    const repeated = await watchingBrowsers(six);
    expect(repeated.started).toBe(0);
    expect(repeated.result.every((r) => r.status === 200 && r.bytes.equals(first.result[0]!.bytes))).toBe(true);

    const created = await json("fileparks", "POST", "/api/reports", { taskNumber: 26, period });
    const id = (created.body["report"] as { id: string }).id;
    await json("fileparks", "PUT", `/api/reports/${id}`, { taskStatus: "on_track", narrative: "南湖公园改造完成", values: [{ indicatorId: "child-friendly-parks", value: 14, measuredOn: today }] });
    expect((await json("fileparks", "POST", `/api/reports/${id}/submit`, {})).status).toBe(200);
    expect((await json("filereviewer", "POST", `/api/reports/${id}/approve`, {})).status).toBe(200);
    const changed = await watchingBrowsers(() => call("filemayor", "GET", "/api/plan/evaluation.pdf?stage=final"));
    expect(changed.result.status).toBe(200);
    expect(changed.started).toBe(1);
    expect(changed.result.bytes.equals(first.result[0]!.bytes)).toBe(false);
  });

  it.skipIf(!chromiumPath())("refuses a print the full queue cannot take with 503, Retry-After and the house error shape", async () => {
    const page = (i: number) => `<!doctype html><meta charset="utf-8"><title>t</title><p>queue ${i}</p>`;
    const filling = Array.from({ length: 4 }, (_, i) => t.server.plan.printer.print(`filler-${i}`, page(i)));
    const refused = await call("filemayor", "GET", "/api/plan/evaluation.pdf?stage=mid-term");
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.bytes.toString())).toEqual({ code: "unavailable", message: expect.stringContaining("秒后再试"), field: null });
    expect((await Promise.all(filling)).every((r) => r.ok)).toBe(true);
    expect((await call("filemayor", "GET", "/api/plan/evaluation.pdf?stage=mid-term")).status).toBe(200);
  });
});
