// Fresh, migrated databases for integration tests, on the server `npm test` provides
// (TEST_PG_SERVER_URL: any database on that server, used to create and drop others).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

export function serverUrl(): string {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error("TEST_PG_SERVER_URL is not set: run integration tests with `npm run test:integration`.");
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type TestDatabase = { name: string; url: string; drop(): Promise<void> };

/** An empty database with a unique name; `migrated: true` also applies every migration. */
export async function createTestDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const name = `hashwork_t_${randomBytes(5).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = databaseUrl(name);
  if (migrated) await migrate(url);
  return {
    name,
    url,
    drop: () =>
      onServer((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(
        () => {},
      ),
  };
}

/** Runs `work` with a connected pg client and always closes it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh migrated database and a Prisma client on it for the enclosing describe/file, dropped
 * afterwards. Use the returned getter inside tests: `const db = freshDatabase(); … db().user…`.
 */
export function freshDatabase(): () => Db {
  let database: TestDatabase | undefined;
  let client: Db | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });
  return () => {
    if (!client) throw new Error("freshDatabase() is used before its beforeAll ran");
    return client;
  };
}

/** Empty databases a test makes for itself, dropped after each test: `const scratch = scratchDatabases(); await scratch()`. */
export function scratchDatabases(): () => Promise<TestDatabase> {
  const created: TestDatabase[] = [];
  afterEach(async () => {
    for (const database of created.splice(0)) await database.drop();
  });
  return async () => {
    const database = await createTestDatabase({ migrated: false });
    created.push(database);
    return database;
  };
}
