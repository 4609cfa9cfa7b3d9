// Writes migration SQL offline. Prisma 7's CLI needs a native schema engine that cannot be
// downloaded here, so we ask the Prisma 6.19 CLI (installed as the `prisma6` alias) and its
// wasm engine, which diffs two schema files without any database.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const prisma6Cli = path.join(projectRoot, "node_modules/prisma6/build/index.js");

// A driver adapter that answers every query with no rows: `migrate diff` between two schema
// files never reads a database, but 6.19's JS engine wants an adapter to exist.
const stubConfig = `
const stubAdapter = {
  provider: "postgres",
  adapterName: "stub",
  async connect() {
    const empty = { columnNames: [], columnTypes: [], rows: [] };
    const queryable = {
      provider: "postgres",
      adapterName: "stub",
      queryRaw: async () => empty,
      executeRaw: async () => 0,
    };
    return {
      ...queryable,
      executeScript: async () => {},
      getConnectionInfo: () => ({ schemaName: "public", supportsRelationJoins: true }),
      startTransaction: async () => ({ ...queryable, options: { usePhantomQuery: false }, commit: async () => {}, rollback: async () => {} }),
      dispose: async () => {},
    };
  },
};
export default {
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => stubAdapter,
};
`;

// Prisma 6 insists on a datasource url; Prisma 7 forbids one in the schema. Add a dummy.
function withDummyUrl(schema: string): string {
  return schema.replace(
    /datasource\s+db\s*\{([^}]*)\}/,
    (_m, body: string) =>
      `datasource db {${body.replace(/\s*url\s*=.*\n/, "\n")}  url = "postgresql://stub@localhost/stub"\n}`,
  );
}

/** SQL that takes a database from `fromSchema` (or nothing) to `toSchema`. */
export function diffSchemas(fromSchema: string | null, toSchema: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hashwork-diff-"));
  try {
    const config = path.join(dir, "prisma.config.mjs");
    writeFileSync(config, stubConfig);
    const to = path.join(dir, "to.prisma");
    writeFileSync(to, withDummyUrl(toSchema));
    const fromArgs = ["--from-empty"];
    if (fromSchema !== null) {
      const from = path.join(dir, "from.prisma");
      writeFileSync(from, withDummyUrl(fromSchema));
      fromArgs.splice(0, 1, "--from-schema-datamodel", from);
    }
    return execFileSync(
      process.execPath,
      [prisma6Cli, "migrate", "diff", "--config", config, ...fromArgs, "--to-schema-datamodel", to, "--script"],
      {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
          PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
          CHECKPOINT_DISABLE: "1",
        },
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
