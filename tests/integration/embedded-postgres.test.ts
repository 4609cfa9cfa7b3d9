// The embedded PostgreSQL must start from a fresh folder, also when the project sits under a
// folder only its owner may enter (as root, CI clones into such folders), and keep its data
// across a restart.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "@/scripts/lib/postgres";
import { withClient } from "../support/test-database";

const root = mkdtempSync(path.join(path.resolve(import.meta.dirname, "../../.data"), "embedded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("starts under a mode-700 folder, and its data survives a restart", async () => {
    const privateParent = path.join(root, "private");
    mkdirSync(privateParent);
    chmodSync(privateParent, 0o700);
    const dataDir = path.join(privateParent, "pg");
    const logs: string[] = [];
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port, log: (line) => logs.push(line) });
    await first.createDatabase("kept");
    await withClient(first.urlFor("kept"), (client) =>
      client.query("CREATE TABLE t (v text); INSERT INTO t VALUES ('still here')"),
    );
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port, log: (line) => logs.push(line) });
    try {
      const { rows } = await withClient(second.urlFor("kept"), (client) =>
        client.query<{ v: string }>("SELECT v FROM t"),
      );
      expect(rows).toEqual([{ v: "still here" }]);
    } finally {
      await second.stop();
    }

    if (process.getuid?.() === 0) {
      // As root the server runs as "postgres": the private folder got traverse-only access.
      expect(statSync(privateParent).mode & 0o007).toBe(0o001);
      expect(logs.join("\n")).toMatch(/traverse-only access \(o\+x\)/);
    }
  });

  it("says clearly when its port is taken", async () => {
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, "busy"), port, log: () => {} });
    try {
      await expect(startEmbeddedPostgres({ dataDir: path.join(root, "busy2"), port, log: () => {} })).rejects.toThrow(
        /Port \d+ is in use by another program, so the embedded PostgreSQL cannot start/,
      );
    } finally {
      await server.stop();
    }
  });
});
