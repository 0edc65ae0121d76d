/** An error in words: the server's message in the page's language, never the browser's own English. */
import { describe, expect, it } from "vitest";
import { ApiError } from "./api.ts";
import { errorText } from "./error-text.ts";

describe("errorText", () => {
  it("shows the server's message, which it wrote in the page's language", () => {
    expect(errorText(new ApiError(400, "invalid_parameter", "密码：至少要 8 个字符", "password"))).toBe("操作没有成功：密码：至少要 8 个字符");
    expect(errorText(new ApiError(403, "forbidden", "这需要管理员的权限"))).toBe("没有权限：这需要管理员的权限");
  });

  it("never shows words the browser made up in English", () => {
    for (const error of [new TypeError("Cannot read properties of undefined"), new ApiError(0, "network", "Failed to fetch"), new ApiError(500, "bad_response", "answer has no units")]) {
      expect(errorText(error)).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
