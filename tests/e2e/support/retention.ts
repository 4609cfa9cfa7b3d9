// Runs the retention job from the test process (never through the app) with the clock moved on.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

export function runRetentionAt(at: Date): { deleted: number; pseudonymised: number; exportsDeleted: number } {
  const output = execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      path.join(root, "tests/e2e/support/run-retention.ts"),
      at.toISOString(),
    ],
    { cwd: root, env: process.env, encoding: "utf8" },
  );
  return JSON.parse(output.trim().split("\n").at(-1)!) as {
    deleted: number;
    pseudonymised: number;
    exportsDeleted: number;
  };
}
