// The launcher (`npm start`, with SKIP_BUILD=1 to serve the suite's build) survives its own
// crash: started, its process killed hard (kill -9, as an out-of-memory kill or a closed
// terminal would), started again. The second start finds the PostgreSQL server the first left
// running on its data folder, stops it, and starts normally. A start while one is running, or on
// a port another program holds, is refused in one line without a stack trace. Runs on a data
// folder and ports of its own, never a developer's .data.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { freePort, runningServerOf } from "@/scripts/lib/postgres";
import { PROJECT_ROOT, recordDrill } from "./support/processes";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs");
const dataRoot = mkdtempSync(path.join(os.tmpdir(), "hashwork-launcher-"));
const pgData = path.join(dataRoot, "postgres");
const started: { kill(signal: NodeJS.Signals): void }[] = [];

afterAll(() => {
  for (const launcher of started) launcher.kill("SIGKILL");
  const leftover = runningServerOf(pgData);
  if (leftover) process.kill(leftover.pid, "SIGINT");
  rmSync(dataRoot, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, "scripts/app.ts", "start"], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: "", SKIP_BUILD: "1", NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const launcher = {
    child,
    exited,
    output: () => output,
    kill: (signal: NodeJS.Signals) => child.kill(signal),
    async running(timeoutMs = 90_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes("Hashwork is running at")) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the launcher did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  };
  started.push(launcher);
  return launcher;
}

test("kill -9 the app, start again: the leftover PostgreSQL is found and stopped, and the app runs", async () => {
  const startedAt = Date.now();
  const env = {
    HASHWORK_DATA_DIR: dataRoot,
    EMBEDDED_PG_PORT: String(await freePort()),
    PORT: String(await freePort()),
  };
  const appUrl = `http://127.0.0.1:${env.PORT}`;
  let requests = 0;

  const first = launch(env);
  await first.running();
  expect((await fetch(appUrl)).status).toBe(200);
  requests++;
  const appPid = Number(readFileSync(`${pgData}.owner`, "utf8"));
  const postgres = runningServerOf(pgData)!;
  expect(postgres.port).toBe(Number(env.EMBEDDED_PG_PORT));

  process.kill(appPid, "SIGKILL");
  await first.exited;
  // What a crash leaves behind: PostgreSQL still running on the data folder, its launcher gone.
  expect(isAlive(appPid)).toBe(false);
  expect(isAlive(postgres.pid)).toBe(true);

  const second = launch(env);
  await second.running();
  expect(second.output()).toContain(
    `Stopping the PostgreSQL server a previous run left running (process ${postgres.pid}).`,
  );
  expect(isAlive(postgres.pid)).toBe(false);
  expect((await fetch(appUrl)).status).toBe(200);
  requests++;
  const restarted = runningServerOf(pgData)!;
  expect(restarted.pid).not.toBe(postgres.pid);

  // A third start while the second runs: refused in one line, the running one untouched.
  const third = launch({ ...env, PORT: String(await freePort()) });
  expect(await third.exited).toBe(1);
  const secondPid = Number(readFileSync(`${pgData}.owner`, "utf8"));
  expect(third.output().trim()).toBe(
    `[hashwork] Hashwork is already running (process ${secondPid}) with the data in ${pgData}: stop it first (Ctrl-C in its terminal).`,
  );
  expect(isAlive(restarted.pid)).toBe(true);

  // Another program on the PostgreSQL port: refused in one line too.
  const squatter = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => squatter.once("listening", resolve));
  const squattedPort = (squatter.address() as net.AddressInfo).port;
  const otherRoot = mkdtempSync(path.join(os.tmpdir(), "hashwork-launcher-"));
  const fourth = launch({
    HASHWORK_DATA_DIR: otherRoot,
    EMBEDDED_PG_PORT: String(squattedPort),
    PORT: String(await freePort()),
  });
  expect(await fourth.exited).toBe(1);
  expect(fourth.output().trim()).toBe(
    `[hashwork] Port ${squattedPort} is in use by another program, so the embedded PostgreSQL cannot start: stop it, or set EMBEDDED_PG_PORT to another port.`,
  );
  squatter.close();
  rmSync(otherRoot, { recursive: true, force: true });

  // A clean stop stops PostgreSQL too and leaves nothing behind.
  second.kill("SIGTERM");
  expect(await second.exited).toBe(0);
  expect(isAlive(restarted.pid)).toBe(false);
  expect(existsSync(`${pgData}.owner`)).toBe(false);
  recordDrill({ drill: "launcher crash", requests, faults: 1, dataLost: 0 }, startedAt);
});
