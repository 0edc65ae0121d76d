/** Staff password rules: the members' rules and more, administrators' stronger, messages in both languages. */
import { describe, expect, it } from "vitest";
import { estimateGuesses } from "./password-strength.ts";
import { staffPasswordMessage, staffPasswordProblem } from "./staff-passwords.ts";

const leader = { username: "wanglei", displayName: "王磊", role: "leader" as const };
const admin = { username: "admin", displayName: "管理员", role: "admin" as const };

describe("staffPasswordProblem", () => {
  it("refuses what the attack got through: ten spaces, 1234567890, password12, the username inside", () => {
    expect(staffPasswordProblem(" ".repeat(10), leader)).toBe("common");
    expect(staffPasswordProblem("1234567890", leader)).toBe("common");
    expect(staffPasswordProblem("password12", leader)).toBe("common");
    expect(staffPasswordProblem("wanglei-2025-spring", leader)).toBe("same_as_name");
    expect(staffPasswordProblem("Admin-of-hengyang-9", admin)).toBe("same_as_name");
  });

  it("refuses easy patterns the lists miss: a capital and a year, keyboard walks, repeats, our city", () => {
    for (const weak of ["Password12!", "qwertyuiopasdf", "abcdefghijklmn", "Tongxing2025!", "Hengyang@2025", "P@ssw0rd123456"]) {
      expect({ weak, problem: staffPasswordProblem(weak, leader) }).toEqual({ weak, problem: expect.stringMatching(/common|too_guessable/) });
    }
    expect(staffPasswordProblem("Aa1!Aa1!Aa1!Aa1!", admin)).toBe("too_guessable");
  });

  it("asks administrators for 14 characters and more strength than other staff", () => {
    expect(staffPasswordProblem("Kx7#rain-ob", leader)).toBeNull();
    expect(staffPasswordProblem("Kx7#rain-ob", admin)).toBe("too_short");
    expect(staffPasswordProblem("Summer2024!Summer", leader)).toBeNull();
    expect(staffPasswordProblem("Summer2024!Summer", admin)).toBe("too_guessable");
    // A passphrase of unrelated words passes for both.
    expect(staffPasswordProblem("correct horse battery", admin)).toBeNull();
    expect(staffPasswordProblem("lantern-river-42-kite", admin)).toBeNull();
    expect(staffPasswordProblem("x".repeat(201), leader)).toBe("too_long");
  });

  it("explains each problem in Chinese and English, with the role's own minimum", () => {
    expect(staffPasswordMessage("too_short", "admin")).toEqual({ zh: expect.stringContaining("14"), en: expect.stringContaining("14") });
    expect(staffPasswordMessage("too_short", "reporter").zh).toContain("10");
    for (const problem of ["too_long", "common", "same_as_name", "too_guessable"] as const) {
      const message = staffPasswordMessage(problem, "leader");
      expect(message.zh).toMatch(/\p{Script=Han}/u);
      expect(message.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe("estimateGuesses", () => {
  it("prices listed passwords by rank, repeats and sequences cheaply, random characters by alphabet", () => {
    expect(estimateGuesses("password")).toBeLessThan(5);
    expect(estimateGuesses("passwordpassword")).toBeLessThan(10);
    expect(estimateGuesses("aaaaaaaaaaaa")).toBeLessThan(1000);
    expect(estimateGuesses("98765432")).toBeLessThan(1000);
    expect(estimateGuesses("k")).toBe(26);
    expect(estimateGuesses("xK9#mP2$vL5q!R")).toBeGreaterThan(1e18);
    expect(estimateGuesses("tongxing2025", ["tongxing"])).toBeLessThan(estimateGuesses("tongxing2025"));
  });
});
