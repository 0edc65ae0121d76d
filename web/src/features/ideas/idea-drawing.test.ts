/**
 * The drawing field's rules, without a browser: the types and size the server accepts are
 * checked before sending, each refusal has words in both languages, and the drawing goes to
 * POST /api/ideas/{id}/drawing as the image itself, in its own type.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { inLanguage } from "../../shared/testing/language.ts";
import { DRAWING_MAX_BYTES, drawingProblem } from "./idea-drawing.ts";
import { addIdeaDrawing } from "./ideas-api.ts";
import { vt } from "./ideas-messages.ts";

afterEach(() => vi.unstubAllGlobals());

describe("a drawing for an idea", () => {
  it("takes a JPEG, PNG or WebP picture up to 8 MB, and nothing else", () => {
    expect(drawingProblem({ type: "image/png", size: 200_000 })).toBeNull();
    expect(drawingProblem({ type: "image/jpeg", size: DRAWING_MAX_BYTES })).toBeNull();
    expect(drawingProblem({ type: "image/webp", size: 1 })).toBeNull();
    expect(drawingProblem({ type: "image/png", size: DRAWING_MAX_BYTES + 1 })).toBe("drawingTooBig");
    expect(drawingProblem({ type: "image/gif", size: 1000 })).toBe("drawingType");
    expect(drawingProblem({ type: "image/heic", size: 1000 })).toBe("drawingType");
    expect(drawingProblem({ type: "", size: 1000 })).toBe("drawingType");
    expect(drawingProblem({ type: "image/png", size: 0 })).toBe("drawingEmpty");
    expect(DRAWING_MAX_BYTES).toBe(8 * 1024 * 1024);
  });

  it("explains each refusal in Chinese and in English, and labels the button for a child", () => {
    expect(vt("chooseDrawing")).toBe("上传一幅画 (可选)");
    expect(vt("drawingTooBig")).toContain("8 MB");
    expect(vt("drawingType")).toMatch(/PNG/);
    inLanguage("en", () => {
      expect(vt("chooseDrawing")).toBe("Upload a drawing (optional)");
      expect(vt("drawingTooBig")).toMatch(/too big/);
      expect(vt("drawingType")).toMatch(/JPG, PNG or WebP/);
      expect(vt("removeDrawing")).toBe("Remove the drawing");
    });
  });

  it("is sent after the idea as the picture itself, in its own type", async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    vi.stubGlobal("fetch", (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return Promise.resolve(new Response(JSON.stringify({ idea: { id: "i 1" } }), { status: 201, headers: { "content-type": "application/json" } }));
    });
    const picture = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" });
    await addIdeaDrawing("i 1", picture);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("/api/ideas/i%201/drawing");
    expect(calls[0]!.init?.method).toBe("POST");
    expect(calls[0]!.init?.headers).toMatchObject({ "content-type": "image/png" });
    expect(calls[0]!.init?.body).toBe(picture);
  });
});
