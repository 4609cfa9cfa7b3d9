// Generates the Prisma client into lib/generated/prisma (run by `npm install`). `prisma generate`
// needs no schema engine, so point it at a stand-in rather than let it try to download one.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");

execFileSync(process.execPath, [prismaCli, "generate"], {
  cwd: path.resolve(import.meta.dirname, ".."),
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
