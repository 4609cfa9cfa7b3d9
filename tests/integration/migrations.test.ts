import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, migrationChecksum, readMigrations } from "@/lib/db/migrate";
import { scratchDatabases, withClient } from "../support/test-database";

const emptyDatabase = scratchDatabases();

type Row = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number };
const appliedRows = (url: string) =>
  withClient(
    url,
    async (client) => (await client.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows,
  );

describe("the migration runner", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    const { url } = await emptyDatabase();
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(2);

    expect(await migrate(url)).toEqual(migrations.map((m) => m.name));
    const rows = await appliedRows(url);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.checksum).toBe(migrations[index]!.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }

    expect(await migrate(url)).toEqual([]); // a second run finds nothing pending
    expect(await appliedRows(url)).toHaveLength(migrations.length);
  });

  it("computes Prisma's checksum: sha256 of the file, insensitive to CRLF", () => {
    const sql = "CREATE TABLE a (id int);\nSELECT 1;\n";
    expect(migrationChecksum(sql)).toBe(migrationChecksum(sql.replace(/\n/g, "\r\n")));
    expect(migrationChecksum("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("lets two processes race: one migrates, the other finds nothing to do", async () => {
    const { url } = await emptyDatabase();
    const [first, second] = await Promise.all([migrate(url), migrate(url)]);
    const count = readMigrations().length;
    expect(first.length + second.length).toBe(count);
    expect([first.length, second.length]).toContain(0);
    expect(await appliedRows(url)).toHaveLength(count);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const { url } = await emptyDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      await migrate(url, { dir });
      const first = readMigrations(dir)[0]!;
      const file = path.join(dir, first.name, "migration.sql");
      writeFileSync(file, `${readFileSync(file, "utf8")}\n-- an edit\n`);
      await expect(migrate(url, { dir })).rejects.toThrow(/was edited after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rolls back a failing migration whole and leaves no record of it", async () => {
    const { url } = await emptyDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const broken = path.join(dir, "99999999999999_broken");
      cpSync(path.join(dir, readMigrations(dir)[0]!.name), broken, { recursive: true });
      writeFileSync(
        path.join(broken, "migration.sql"),
        `CREATE TABLE "half_written" (id int);\nSELECT * FROM "no_such_table";\n`,
      );
      await expect(migrate(url, { dir })).rejects.toThrow(/99999999999999_broken failed/);
      const tables = await withClient(url, (client) =>
        client.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_written'`),
      );
      expect(tables.rowCount).toBe(0);
      expect((await appliedRows(url)).map((row) => row.migration_name)).not.toContain("99999999999999_broken");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to run after a migration that started and never finished", async () => {
    const { url } = await emptyDatabase();
    await migrate(url);
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'y', '99_unfinished')`,
      ),
    );
    await expect(migrate(url)).rejects.toThrow(/never finished/);
  });
});
