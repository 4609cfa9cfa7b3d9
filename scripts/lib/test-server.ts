// The PostgreSQL server the tests use: TEST_DATABASE_URL or DATABASE_URL when set (it must be
// local: tests create and drop databases), else an embedded one in .data/postgres-test.
import path from "node:path";
import pg from "pg";
import { DATA_DIR } from "./app-database";
import { freePort, startEmbeddedPostgres } from "./postgres";

export type TestServer = {
  /** A URL on the server that can create and drop databases. */
  serverUrl: string;
  description: string;
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/** Refuses a server that is not on this machine: test setup creates and drops databases. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host) && process.env.HASHWORK_TEST_ALLOW_REMOTE_DB !== "1") {
    throw new Error(
      `Refusing to run tests against ${host}: the test setup creates and drops databases, so it only runs on a local server. ` +
        "Set HASHWORK_TEST_ALLOW_REMOTE_DB=1 if that server really is disposable.",
    );
  }
}

function withDatabase(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

export async function provideTestServer(log: (line: string) => void): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    assertLocal(external);
    const query = async (sql: string) => {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    const { hostname, port } = new URL(external);
    return {
      serverUrl: external,
      description: `PostgreSQL at ${hostname}:${port || 5432} (from ${process.env.TEST_DATABASE_URL ? "TEST_DATABASE_URL" : "DATABASE_URL"})`,
      createDatabase: async (name) => {
        await query(`CREATE DATABASE "${name}"`);
        return withDatabase(external, name);
      },
      dropDatabase: (name) => query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      stop: async () => {},
    };
  }
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres-test"), port, log });
  return {
    serverUrl: server.urlFor("postgres"),
    description: `embedded PostgreSQL on 127.0.0.1:${port}`,
    createDatabase: async (name) => {
      await server.createDatabase(name);
      return server.urlFor(name);
    },
    dropDatabase: (name) => server.dropDatabase(name),
    stop: () => server.stop(),
  };
}
