// Builds the app (`npm start`, benchmarks) and starts its production server in a child process
// (benchmarks), and stops it.
import { spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./app-database";
import { NEXT_BIN } from "./next-bin";

export async function buildNext(env: Record<string, string>): Promise<void> {
  const build = spawn(process.execPath, [NEXT_BIN, "build"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const code = await new Promise<number | null>((resolve) => build.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}

export type RunningServer = { url: string; pid: number | undefined; stop(): Promise<void> };

const TSX_CLI = path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs");

/**
 * Serves the last build through scripts/serve.ts, the same server `npm start` runs. `nodeFlags`
 * go to the server's Node (e.g. `--cpu-prof`, which NODE_OPTIONS does not accept); with them the
 * server runs in one process with tsx as a loader, since tsx's launcher starts a child that
 * would not get them.
 */
export async function startNext(
  port: number,
  env: Record<string, string>,
  { nodeFlags = [] }: { nodeFlags?: string[] } = {},
): Promise<RunningServer> {
  const args = nodeFlags.length ? [...nodeFlags, "--import", "tsx", "scripts/serve.ts"] : [TSX_CLI, "scripts/serve.ts"];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: "ignore",
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (attempt > 300) throw new Error("next start did not answer within a minute");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
