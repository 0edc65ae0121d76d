/** scrypt password hashes: what verifies, what does not, and the decoy no password matches. */
import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DECOY_HASH, hashPassword, verifyPassword } from "./password.ts";

const PASSWORD = "correct horse battery";

describe("hashPassword and verifyPassword", () => {
  it("stores scheme, parameters, salt and key, and verifies the same password", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
  });

  it("refuses a wrong password, a near miss and the empty password", async () => {
    const hash = await hashPassword(PASSWORD);
    for (const wrong of ["correct horse batterY", "correct horse battery ", "", "correct horse"]) expect(await verifyPassword(wrong, hash)).toBe(false);
  });

  it("salts each hash: two hashes of one password differ and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
    expect(a.split("$")[4]).not.toBe(b.split("$")[4]);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const hash = await hashPassword("café-crème-2025");
    expect(await verifyPassword("cafe\u0301-cre\u0300me-2025", hash)).toBe(true);
  });

  it("verifies with the parameters stored in the hash, so hashes made with older parameters keep working", async () => {
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const older = ["scrypt", 2 ** 14, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
    expect(await verifyPassword(PASSWORD, older)).toBe(true);
    expect(await verifyPassword("another password", older)).toBe(false);
    // The same salt and key read with other parameters no longer match.
    expect(await verifyPassword(PASSWORD, older.replace("scrypt$16384$", "scrypt$32768$"))).toBe(false);
  });

  it("is false for a malformed stored hash", async () => {
    const hash = await hashPassword(PASSWORD);
    const [, n, r, p, salt, key] = hash.split("$");
    const malformed = [
      "",
      "not a hash",
      hash.replace(/^scrypt/, "bcrypt"),
      `scrypt$${n}$${r}$${p}$$${key}`,
      `scrypt$${n}$${r}$${p}$${salt}$`,
      `scrypt$${n}$${r}$${p}$${salt}`,
      `scrypt$${n}$${r}$${p}$${salt}$${key!.slice(0, 20)}`,
      `${hash}AA`,
    ];
    for (const stored of malformed) expect({ stored, ok: await verifyPassword(PASSWORD, stored) }).toEqual({ stored, ok: false });
  });

  // Once a bug: unusable stored parameters made verifyPassword throw, and sign-in fail with a 500.
  it("is false, not an exception, when the stored parameters are unusable", async () => {
    const hash = await hashPassword(PASSWORD);
    const [, , r, p, salt, key] = hash.split("$");
    await expect(verifyPassword(PASSWORD, `scrypt$abc$${r}$${p}$${salt}$${key}`)).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD, `scrypt$1000$${r}$${p}$${salt}$${key}`)).resolves.toBe(false);
  });
});

describe("DECOY_HASH", () => {
  it("is well-formed, so checking it costs what a real check costs", () => {
    expect(DECOY_HASH).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it("matches no password", async () => {
    for (const guess of ["", PASSWORD, "password", "0", "\u0000".repeat(16), DECOY_HASH]) expect(await verifyPassword(guess, DECOY_HASH)).toBe(false);
  });
});
