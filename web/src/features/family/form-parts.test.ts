import { describe, expect, it } from "vitest";
import { ApiError } from "../../shared/api.ts";
import { inLanguage } from "../../shared/testing/language.ts";
import { errorMessage } from "./form-parts.ts";

describe("error messages on the family forms", () => {
  it("never shows an English-only server message on a Chinese page", () => {
    const english = new ApiError(409, "conflict", "this phone number is already registered");
    expect(errorMessage(english)).toBe("这个已经有了，换一个试试。");
    expect(errorMessage(new ApiError(400, "invalid_parameter", "password is on a list of common passwords"))).toMatch(/[\u4e00-\u9fff]/);
    expect(errorMessage(new ApiError(500, "weird", "boom"))).toBe("出了点问题，请稍后再试。");
    expect(errorMessage(new Error("TypeError: failed to fetch"))).toBe("出了点问题，请稍后再试。");
  });

  it("keeps the server's words when they are in the page's language", () => {
    expect(errorMessage(new ApiError(409, "conflict", "这个手机号已经注册过了"))).toBe("这个手机号已经注册过了");
    expect(inLanguage("en", () => errorMessage(new ApiError(409, "conflict", "this phone number is already registered")))).toBe("this phone number is already registered");
    const both = new ApiError(400, "invalid_body", "weak", "password", { message: { zh: "密码太常见了", en: "password too common" } });
    expect(errorMessage(both)).toBe("密码太常见了");
    expect(inLanguage("en", () => errorMessage(both))).toBe("password too common");
  });
});
