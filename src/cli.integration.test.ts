/**
 * `tongxing <command> --help` (or -h) prints that command's usage and exits 0, for every
 * command; a wrong option is a usage error with the command's usage, not a parser stack.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: "" } });

describe("tongxing --help", () => {
  // Each run loads the whole server code (a few seconds), so a sample of the commands.
  const commands = [["user", "add", "--help"], ["import", "sites", "-h"], ["outbox", "--help"], ["retention", "-h"]];

  it("prints each command's usage on --help and -h, and exits 0", async () => {
    for (const words of commands) {
      const { stdout, stderr } = await cli(...words);
      expect(stderr).toBe("");
      expect(stdout).toMatch(new RegExp(`^Usage:\\n  tongxing ${words.slice(0, -1).join(" ")}\\b`));
    }
  }, 60_000);

  it("answers user add with options and --help with its usage, and a wrong option with a usage error", async () => {
    expect((await cli("user", "add", "ana", "--role", "admin", "--help")).stdout).toContain("--role admin|reporter");
    const wrong = await cli("user", "add", "ana", "--colour", "red").then(() => null, (error: { code: number; stderr: string }) => error);
    expect(wrong?.code).toBe(1);
    expect(wrong?.stderr).toMatch(/Unknown option '--colour'[\s\S]*Usage:\n  tongxing user add/);
  }, 30_000);
});
