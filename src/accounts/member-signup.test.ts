import { describe, expect, it } from "vitest";
import { youngestAge } from "../core/community.ts";
import { passwordProblem } from "./member-passwords.ts";
import { normalizeLogin } from "./member-signup.ts";

describe("family sign-up rules", () => {
  it("normalises mainland mobiles and e-mail addresses, and refuses anything else", () => {
    expect(normalizeLogin("13812345678")).toBe("13812345678");
    expect(normalizeLogin("+86 138-1234-5678")).toBe("13812345678");
    expect(normalizeLogin("86 138 1234 5678")).toBe("13812345678");
    expect(normalizeLogin("  Mama@Example.CN ")).toBe("mama@example.cn");
    expect(normalizeLogin("12812345678")).toBeNull();
    expect(normalizeLogin("1381234567")).toBeNull();
    expect(normalizeLogin("mama@")).toBeNull();
    expect(normalizeLogin("xiaoxing")).toBeNull();
  });

  it("refuses short, common, repeated and name-bearing passwords", () => {
    expect(passwordProblem("abc1234", [])).toBe("too_short");
    expect(passwordProblem("password123", [])).toBe("common");
    expect(passwordProblem("Woaini1314", [])).toBe("common");
    expect(passwordProblem("88888888", [])).toBe("common");
    expect(passwordProblem("12345678901", [])).toBe("common");
    expect(passwordProblem("xiaoxing2017!", ["xiaoxing", "小星星"])).toBe("same_as_name");
    expect(passwordProblem("lantern-river-42", ["xiaoxing", "小星星"])).toBeNull();
    expect(passwordProblem("x".repeat(201), [])).toBe("too_long");
  });

  it("judges age from the birth year at its youngest, so no under-14 slips through", () => {
    expect(youngestAge(2012, "2026-11-29")).toBe(13);
    expect(youngestAge(2012, "2026-01-01")).toBe(13);
    expect(youngestAge(2008, "2026-11-29")).toBe(17);
    expect(youngestAge(2027, "2026-11-29")).toBe(-2);
  });
});
