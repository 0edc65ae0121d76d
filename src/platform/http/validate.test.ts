/**
 * parseRequest answers in both languages: zod's own checks and the schemas' messages in
 * Chinese naming the field, the English as before; `lang` is taken wherever a schema does
 * not read it, and an unknown parameter is named in both languages.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signupSchema } from "../../core/api/families.ts";
import { searchQuery } from "../../core/api/search.ts";
import { routeQuery } from "../../core/api/routing.ts";
import { ApiError } from "../errors.ts";
import { parseRequest } from "./validate.ts";

/** The ApiError parseRequest throws for `input`. */
function refusal(schema: z.ZodType, input: unknown): ApiError {
  try {
    parseRequest(schema, input);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("accepted");
}

const LATIN_WORD = /[A-Za-z]{3,}/;
const signup = { login: "13900001111", password: "a-long-pass", nickname: "小星妈妈", birthYear: 1990, acceptAgreement: true };

describe("parseRequest in two languages", () => {
  it("names the field in Chinese for zod's own checks, and keeps zod's English", () => {
    const short = refusal(signupSchema, { ...signup, login: "1" });
    expect(short.field).toBe("login");
    expect(short.messageIn("zh")).toBe("手机号或邮箱：至少要 3 个字符");
    expect(short.messageIn("en")).toMatch(/>=3 characters/);
    const missing = refusal(signupSchema, { ...signup, password: undefined });
    expect(missing.messageIn("zh")).toBe("密码：必须填写");
    const wrongType = refusal(signupSchema, { ...signup, birthYear: "1990" });
    expect(wrongType.messageIn("zh")).toBe("出生年份：应为数字");
  });

  it("gives a schema's own message in the language asked", () => {
    const agreement = refusal(signupSchema, { ...signup, acceptAgreement: false });
    expect(agreement.messageIn("zh")).toBe("用户协议：请先阅读并同意用户协议");
    expect(agreement.messageIn("en")).toBe("the user agreement must be accepted");
    const nickname = refusal(signupSchema, { ...signup, nickname: "a<b" });
    expect(nickname.messageIn("zh")).toBe("昵称：只能用文字、数字和常用标点");
    const together = refusal(searchQuery, { q: "公园", lat: "26.9" });
    expect(together.messageIn("zh")).toBe("纬度：纬度和经度要一起填");
    const listed = refusal(searchQuery, { q: "公园", category: "nope" });
    expect(listed.messageIn("zh")).toMatch(/^类别：不认识的取值“nope”/);
    expect(listed.messageIn("en")).toMatch(/^unknown category "nope"/);
  });

  it("never leaves an English word in the Chinese of the sign-up form's refusals", () => {
    const inputs = [{ ...signup, login: "" }, { ...signup, password: "" }, { ...signup, nickname: "" }, { ...signup, nickname: "x".repeat(99) },
      { ...signup, birthYear: 1.5 }, { ...signup, birthYear: 1800 }, { ...signup, acceptAgreement: "yes" }];
    for (const input of inputs) expect(refusal(signupSchema, input).messageIn("zh")).not.toMatch(LATIN_WORD);
  });

  it("names an unknown parameter in both languages", () => {
    const unknown = refusal(signupSchema, { ...signup, extra: 1 });
    expect(unknown.field).toBe("extra");
    expect(unknown.messageIn("zh")).toBe("不认识的参数“extra”");
    expect(unknown.messageIn("en")).toBe('unknown parameter "extra"');
  });

  it("takes lang=zh|en on any object schema, and leaves it to a schema that reads it", () => {
    expect(parseRequest(searchQuery, { q: "公园", lang: "en" })).not.toHaveProperty("lang");
    expect(refusal(searchQuery, { q: "公园", lang: "fr" }).field).toBe("lang");
    expect(parseRequest(routeQuery, { from: "43.73,7.42", to: "43.74,7.43", lang: "en" }).lang).toBe("en");
  });
});
