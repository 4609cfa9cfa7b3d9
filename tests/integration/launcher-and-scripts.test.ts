// What `npm start` does to a database, and the npm scripts a deployer runs by hand.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { CURRENT_TERMS } from "@/lib/privacy/terms";
import { SEED_ACCOUNTS } from "@/prisma/seed-data";
import { prepareDatabase } from "@/scripts/lib/app-database";
import { scratchDatabases } from "../support/test-database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const quiet = () => {};
const bareDatabase = scratchDatabases();

async function demoUsers(url: string) {
  const db = createPrismaClient(url);
  try {
    return await db.user.findMany({
      where: { email: { in: SEED_ACCOUNTS.map((account) => account.email) } },
      omit: { passwordHash: false },
      include: { termsAcceptances: { select: { version: true, source: true } } },
    });
  } finally {
    await db.$disconnect();
  }
}

describe("demo logins at start", () => {
  it("are never seeded into a DATABASE_URL server unless SEED_DEMO_ACCOUNTS=true asks for them", async () => {
    const server = await bareDatabase();
    const { demoLogins } = await prepareDatabase(
      { url: server.url, embedded: false },
      { demoFlag: undefined, log: quiet },
    );
    expect(demoLogins).toEqual([]);
    expect(await demoUsers(server.url)).toEqual([]);

    const optedIn = await bareDatabase();
    const result = await prepareDatabase({ url: optedIn.url, embedded: false }, { demoFlag: "true", log: quiet });
    expect(result.demoLogins.map((login) => login.email).sort()).toEqual(
      SEED_ACCOUNTS.map((account) => account.email).sort(),
    );
  });

  it("are seeded into the embedded database once, and one that was deleted stays deleted", async () => {
    const embedded = await bareDatabase();
    const first = await prepareDatabase({ url: embedded.url, embedded: true }, { demoFlag: undefined, log: quiet });
    expect(first.demoLogins).toHaveLength(2);
    // The demo customer signed up under the terms in force, as the form records them; staff accept none.
    const accepted = Object.fromEntries(
      (await demoUsers(embedded.url)).map((user) => [user.email, user.termsAcceptances]),
    );
    expect(accepted).toEqual({
      "customer@hashwork.local": [{ version: CURRENT_TERMS.id, source: "sign_up" }],
      "admin@hashwork.local": [],
    });

    const db = createPrismaClient(embedded.url);
    await db.user.delete({ where: { email: "customer@hashwork.local" } });
    await db.$disconnect();
    const second = await prepareDatabase({ url: embedded.url, embedded: true }, { demoFlag: undefined, log: quiet });
    expect(second.demoLogins.map((login) => login.email)).toEqual(["admin@hashwork.local"]);
    expect((await demoUsers(embedded.url)).map((user) => user.email)).toEqual(["admin@hashwork.local"]);

    const refused = await bareDatabase();
    expect(
      (await prepareDatabase({ url: refused.url, embedded: true }, { demoFlag: "false", log: quiet })).demoLogins,
    ).toEqual([]);
    expect(await demoUsers(refused.url)).toEqual([]);
  });

  it("locks a demo login an older version left on a server database with its published password", async () => {
    const server = await bareDatabase();
    await prepareDatabase({ url: server.url, embedded: false }, { demoFlag: "true", log: quiet });
    const lines: string[] = [];
    await prepareDatabase(
      { url: server.url, embedded: false },
      { demoFlag: undefined, log: (line) => lines.push(line) },
    );
    for (const user of await demoUsers(server.url)) {
      const published = SEED_ACCOUNTS.find((account) => account.email === user.email)!.password;
      expect(await verifyPassword(user.passwordHash, published)).toBe(false);
    }
    expect(lines.filter((line) => line.startsWith("Locked the demo login"))).toHaveLength(2);
  });
});

describe("npm scripts", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

  it("name only files that exist", () => {
    const missing: string[] = [];
    for (const [name, command] of Object.entries(pkg.scripts)) {
      for (const file of command.match(/[\w./-]+\.(?:ts|mjs|js|cjs)\b/g) ?? []) {
        if (!existsSync(path.join(ROOT, file))) missing.push(`${name}: ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("db:migrate and db:seed set up a fresh database, without demo logins, and are safe to repeat", async () => {
    const fresh = await bareDatabase();
    const run = (script: string) =>
      spawnSync("npm", ["run", "--silent", script], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: fresh.url, SEED_DEMO_ACCOUNTS: "" },
      });
    for (const script of ["db:migrate", "db:seed", "db:migrate", "db:seed"]) {
      const result = run(script);
      expect(result.status, `${script}: ${result.stderr}`).toBe(0);
    }
    const db = createPrismaClient(fresh.url);
    try {
      expect(await db.product.count()).toBeGreaterThanOrEqual(4);
      expect(await db.marketSnapshot.count()).toBe(60);
      expect(await db.user.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
