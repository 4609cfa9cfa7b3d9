// Real app processes for the fault drills: web instances of the production build (the server
// `npm start` runs, through scripts/serve.ts), workers (`npm run worker`), a round-robin load
// balancer, and fresh databases. Every process's output is kept, to read its JSON logs.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { expect } from "vitest";
import { keysFor } from "@/lib/crypto/derived-keys";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { freePort } from "@/scripts/lib/postgres";
import { createUser, creditUsd } from "../../support/factories";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");

export type LogLine = { level: string; msg: string; [key: string]: unknown };

export type AppProcess = {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr, in order. */
  output(): string;
  /** Its JSON log lines. */
  logs(): LogLine[];
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | NodeJS.Signals>;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<number | NodeJS.Signals>;
};

function spawnApp(name: string, args: string[], env: Record<string, string>, port: number): AppProcess {
  // tsx as a loader of this process (not its CLI, which runs the script in a child): a signal
  // sent to `child` reaches the app itself, so SIGKILL really kills the instance.
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? 0)),
  );
  const output = () => chunks.join("");
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output,
    logs: () =>
      output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as LogLine];
          } catch {
            return [];
          }
        }),
    exited,
    kill: (signal = "SIGKILL") => void child.kill(signal),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, app: AppProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null)
      throw new Error(`${app.name} exited before ${what}:\n${app.output().slice(-3000)}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${app.name}: ${what} did not happen within ${timeoutMs} ms:\n${app.output().slice(-3000)}`);
}

/** A web instance of the last production build on `databaseUrl`; JOBS=off unless `env` says on. */
export async function startWeb(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<AppProcess> {
  const listen = port ?? (await freePort());
  const app = spawnApp(
    name,
    ["scripts/serve.ts"],
    { DATABASE_URL: databaseUrl, PORT: String(listen), HOST: "127.0.0.1", JOBS: "off", HASHWORK_PROCESS: name, ...env },
    listen,
  );
  // Serving once its warm-up request is answered (until then /api/ready says "starting").
  await waitFor(async () => app.logs().some((line) => line.msg === "serving"), "serving", app);
  expect((await fetch(`${app.url}/api/health`)).ok).toBe(true);
  return app;
}

/** `npm run worker` on `databaseUrl`, once it says it runs. */
export async function startWorker(name: string, databaseUrl: string, env: Record<string, string> = {}) {
  const app = spawnApp(
    name,
    ["--conditions=react-server", "scripts/worker.ts"],
    { DATABASE_URL: databaseUrl, HASHWORK_PROCESS: name, ...env },
    0,
  );
  await waitFor(async () => app.logs().some((line) => line.msg === "worker running"), "starting its jobs", app);
  return app;
}

export type Proxy = {
  url: string;
  /** How many requests each backend answered. */
  counts: number[];
  close(): Promise<void>;
};

/**
 * A small round-robin load balancer in front of `backends`. A request carrying
 * `x-test-backend: <index>` goes to that backend (the drill pins a step to one instance);
 * others take turns. A backend that refuses the connection gets a 502, as a real balancer
 * would before its health check removes it.
 */
export async function roundRobinProxy(backends: () => string[]): Promise<Proxy> {
  const counts: number[] = [];
  let turn = 0;
  const server: Server = createServer((req, res) => {
    const list = backends();
    const pinned = req.headers["x-test-backend"];
    const index = pinned !== undefined ? Number(pinned) : turn++ % list.length;
    counts[index] = (counts[index] ?? 0) + 1;
    const target = new URL(list[index]!);
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" },
      },
      (response: IncomingMessage) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("Bad gateway");
    });
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh, migrated database with the catalogue seeded (no demo logins). */
export async function seededDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const db = createPrismaClient(database.url);
  try {
    await seed(db, { demoAccounts: false });
  } finally {
    await db.$disconnect();
  }
  return database;
}

/**
 * An unpaid order holding its TH until `reservedUntil`, as placement makes it (in the past: the
 * expiry job's work); a card order carries its Checkout session's id. Written with the drill's
 * own client: the app's code in this test process is bound to another database.
 */
export async function reservedOrder(
  db: Db,
  {
    userId,
    slug,
    th,
    reservedUntil,
    stripeCheckoutSessionId,
  }: { userId: string; slug: string; th: number; reservedUntil: Date; stripeCheckoutSessionId?: string },
): Promise<string> {
  return db.$transaction(async (tx) => {
    const product = await tx.product.update({ where: { slug }, data: { soldTh: { increment: th } } });
    const order = await tx.order.create({
      data: {
        userId,
        productId: product.id,
        th,
        durationDays: product.durationDays,
        hashrateFeePerTh: product.hashrateFeePerTh,
        serviceFeePerThDay: product.serviceFeePerThDay,
        hashrateFeeCents: 100 * th,
        serviceFeeCents: 5 * th,
        totalCents: 105 * th,
        paymentMethod: stripeCheckoutSessionId ? "card" : "balance",
        stripeCheckoutSessionId,
        idempotencyKey: `drill-${Math.random().toString(36).slice(2)}`,
        reservedUntil,
      },
    });
    return order.id;
  });
}

export type DrillFigures = { drill: string; requests: number; faults: number; dataLost: number };

/** Records a drill's figures for the summary table the test runner prints. */
export function recordDrill(figures: DrillFigures, startedAt: number): void {
  const dir = path.join(PROJECT_ROOT, "test-results/reliability");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${figures.drill.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.json`);
  writeFileSync(file, JSON.stringify({ ...figures, seconds: Math.round((Date.now() - startedAt) / 100) / 10 }));
}

/**
 * A signed-in customer with `creditCents` on the USD balance: a session row and its cookie, as
 * sign-in makes them. Written with the drill's own client (`db`).
 */
export async function customerWithSession(
  db: Db,
  creditCents = 0n,
): Promise<{ id: string; email: string; cookie: string }> {
  const user = await createUser(db);
  if (creditCents > 0n) await creditUsd(db, user.id, creditCents);
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const token = await encode({
    token: { sub: user.id, email: user.email, sv: user.sessionVersion, sid: session.id },
    secret: keysFor("session")[0]!.toString("base64url"),
    salt: "authjs.session-token",
  });
  return { id: user.id, email: user.email, cookie: `authjs.session-token=${token}` };
}
