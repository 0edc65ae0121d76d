/**
 * Starts the real server (or any script printing "listening on URL") in a child process,
 * so a load generator in this process does not share the server's event loop.
 */
import { type ChildProcess, spawn } from "node:child_process";

export interface ChildServer {
  url: string;
  child: ChildProcess;
  stop(): void;
}

export function spawnServer(args: string[], env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/i.exec(output);
      if (match) resolve({ url: match[1]!, child, stop: () => child.kill("SIGTERM") });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}
