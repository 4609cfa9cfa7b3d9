// The app's HTTP server: Next.js behind a micro-cache for pages Next marks as shareable.
// `npm start`, `npm run dev`, the end-to-end tests and the benchmarks all serve through it.
// It also gives every request an id (X-Request-Id, in the response and in every log line),
// answers the health and readiness probes, turns failures caused by an unreachable database
// into a 503 with a retry message, compresses responses (server/compression.ts; Next's own
// compression is off), and shuts down gracefully on SIGTERM.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { format } from "node:util";
import { env } from "../lib/env";
import { clientAddress, CLIENT_IP_HEADER } from "../lib/http/client-ip";
import next from "next";
import { problem } from "../lib/api/problem";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "../lib/http/body-limits";
import { stopProcessJobs } from "../lib/jobs/process-jobs";
import { errorFields, logger, requestContext } from "../lib/log/logger";
import { routes } from "../lib/routes";
import { compressResponse } from "./compression";
import { MicroCache } from "./micro-cache";
import { createReadinessProbe } from "./readiness";
import { unavailablePage } from "./unavailable-page";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

// Rate limits and logs need the client's address. Any value a client sends in this header is
// replaced; X-Forwarded-For is read only behind the proxies we were told about (TRUST_PROXY).
function clientIp(req: IncomingMessage, trustedHops: number): string {
  return clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
}

/** Whether the path of `url` decodes as UTF-8 percent-encoding; Next answers 500 when it does not. */
export function hasValidPath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A status to refuse a server-action request with before Next reads it, or null: its body must
 * declare its length (browsers always do) and stay within the limit. Next itself would read it
 * and then fail with a 500.
 */
export function serverActionRefusal(req: IncomingMessage): 411 | 413 | null {
  if (req.method !== "POST" || !req.headers["next-action"]) return null;
  const length = req.headers["content-length"];
  if (length === undefined || !/^\d+$/.test(length)) return 411;
  return Number(length) > SERVER_ACTION_BODY_LIMIT_BYTES ? 413 : null;
}

/**
 * How long a server action may run before its request is answered 408 and closed. A malformed
 * action body (one that refers to parts it never sends) leaves Next waiting for them forever,
 * holding the connection and blocking a graceful shutdown; real actions answer in well under it.
 */
export const SERVER_ACTION_DEADLINE_MS = 15_000;

/** Answers 408 and closes when Next has not started answering the action by `deadlineMs`. */
export function refuseAfterDeadline(
  req: IncomingMessage,
  res: ServerResponse,
  deadlineMs = SERVER_ACTION_DEADLINE_MS,
): void {
  const timer = setTimeout(() => {
    if (res.headersSent || res.writableEnded) return;
    logger.warn({ path: (req.url ?? "/").split("?")[0] }, "server action unanswered at its deadline: refused");
    // Next may still write to this response later: that must not be an unhandled error.
    res.on("error", () => {});
    refuse(res, 408, "Request timeout: this request could not be completed.", { connection: "close" });
  }, deadlineMs);
  timer.unref();
  res.once("close", () => clearTimeout(timer));
}

/** A client's X-Request-Id when it is a sane token (a proxy's id), else a fresh one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && /^[A-Za-z0-9._:-]{8,128}$/.test(value) ? value : randomUUID();
}

export const RETRY_MESSAGE = "The service is briefly unavailable. Please try again in a few seconds.";

function refuse(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: object, contentType = "application/json"): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** Whether `pathname` is the customer API's, whose clients read refusals as problem details. */
export function isApiPath(pathname: string): boolean {
  return pathname === routes.customerApi.base || pathname.startsWith(`${routes.customerApi.base}/`);
}

const RETRY_AFTER_SECONDS = 5;

/** Whether the client reads HTML: a browser navigating, not a script or a fetch. */
function wantsHtml(req: IncomingMessage | undefined): boolean {
  return /\btext\/html\b/.test(String(req?.headers.accept ?? ""));
}

/**
 * The answer while the database is down: a retry message — as problem details to the API's
 * clients, as a page in the site's frame to browsers, as plain text to anything else.
 */
function refuseUnavailable(res: ServerResponse, api: boolean): void {
  const retryAfter = { "retry-after": String(RETRY_AFTER_SECONDS) };
  if (api) {
    res.setHeader("retry-after", retryAfter["retry-after"]);
    return json(res, 503, problem("unavailable", RETRY_MESSAGE), "application/problem+json");
  }
  if (!wantsHtml(res.req)) return refuse(res, 503, RETRY_MESSAGE, retryAfter);
  res.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ...retryAfter,
  });
  res.end(unavailablePage(RETRY_MESSAGE, RETRY_AFTER_SECONDS));
}

export const BAD_ACTION_MESSAGE = "Bad request: this form submission could not be read. Reload the page and try again.";

/**
 * Holds a 5xx response Next writes until `decide` says what it was: when the database is down,
 * the client gets a 503 with a retry message (and no error page; problem details to the customer
 * API's clients, `api`); otherwise Next's response as
 * written. Anything else passes straight through.
 *
 * A server action (`serverAction`) never fails with a 500 of its own: every action runs inside
 * defineAction, which answers each failure as a result. A 500 to an action request therefore
 * means Next could not decode the request body (a forged or truncated submission): the client's
 * mistake, answered 400.
 */
export function holdServerErrors(
  res: ServerResponse,
  decide: () => Promise<boolean>,
  { serverAction = false, api = false }: { serverAction?: boolean; api?: boolean } = {},
): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let held: { args: unknown[]; chunks: unknown[][] } | null = null;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const status = Number(args[0]);
    if (status >= 500 && status !== 503 && !held) {
      held = { args, chunks: [] };
      return this;
    }
    return (original.writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  // Node writes the status line on the first write or end when writeHead was never called.
  const holdImplicit = () => {
    if (!held && !res.headersSent && res.statusCode >= 500 && res.statusCode !== 503) {
      held = { args: [res.statusCode], chunks: [] };
    }
  };
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    holdImplicit();
    if (held) {
      // Report each held chunk as written, or a writer awaiting the callback would wait forever.
      held.chunks.push(args.filter((arg) => typeof arg !== "function"));
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }
    return (original.write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse["write"];
  res.flushHeaders = function (this: ServerResponse) {
    holdImplicit();
    if (!held) original.flushHeaders.call(this);
  };
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    holdImplicit();
    if (!held) return (original.end as (...a: unknown[]) => ServerResponse).apply(this, args);
    const { args: headArgs, chunks } = held;
    held = null;
    Object.assign(res, original);
    void decide().then((databaseDown) => {
      if (databaseDown || serverAction) {
        for (const name of res.getHeaderNames()) if (name !== "x-request-id") res.removeHeader(name);
        if (databaseDown) refuseUnavailable(res, api);
        else refuse(res, 400, BAD_ACTION_MESSAGE);
        return;
      }
      (original.writeHead as (...a: unknown[]) => ServerResponse).apply(res, headArgs);
      for (const chunk of chunks) (original.write as (...a: unknown[]) => boolean).apply(res, chunk);
      (original.end as (...a: unknown[]) => ServerResponse).apply(res, args);
    });
    return this;
  } as ServerResponse["end"];
}

/**
 * Compresses the response Next is about to write (when `compress`) and lets the micro-cache
 * watch it. The order matters: the cache sees the body as Next writes it, before compression,
 * and keeps it so (it compresses its copies itself).
 */
export function compressAndRecord(
  req: IncomingMessage,
  res: ServerResponse,
  { cache, compress }: { cache: MicroCache | null; compress: boolean },
): void {
  if (compress) compressResponse(req, res);
  cache?.record(req, res);
}

/** Sends console output (Next's own, libraries') through the logger, so every line is JSON. */
function routeConsoleToLogger(): void {
  console.log = (...args: unknown[]) => logger.info(format(...args));
  console.info = (...args: unknown[]) => logger.info(format(...args));
  console.warn = (...args: unknown[]) => logger.warn(format(...args));
  console.error = (...args: unknown[]) =>
    args[0] instanceof Error ? logger.error(errorFields(args[0]), "error") : logger.error(format(...args));
}

export type HttpServer = {
  url: string;
  /**
   * Graceful stop: refuses new connections and reports not ready, lets requests in flight
   * finish, stops this process's jobs after their running ones finish, then closes Next. Gives
   * up waiting after `timeoutMs` and closes what is left.
   */
  close(timeoutMs?: number): Promise<void>;
};

export async function startHttpServer({
  dev,
  host,
  port,
}: {
  dev: boolean;
  host: string;
  port: number;
}): Promise<HttpServer> {
  const { TRUST_PROXY: trustedHops, DATABASE_URL, SHUTDOWN_TIMEOUT_SECONDS, COMPRESSION } = env();
  const compress = COMPRESSION === "on";
  if (!dev) routeConsoleToLogger();
  const app = next({ dev, dir: PROJECT_ROOT, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Storefront pages may lag their data by ISR's 10 s plus at most this cache's 2 s. Build files
  // (content-hashed, immutable) stay an hour, so each is compressed once, not per request.
  const cache = dev
    ? null
    : new MicroCache({
        maxAgeMs: 2_000,
        immutableMaxAgeMs: 3_600_000,
        maxEntries: 500,
        maxBodyBytes: 1_000_000,
        maxTotalBytes: 64_000_000,
        compress,
      });
  const readiness = createReadinessProbe(DATABASE_URL);
  let stopping = false;
  let warm = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  // While the database is down, look again every second so service resumes by itself.
  const recheck = setInterval(() => {
    if (readiness.databaseDown) void readiness.check();
  }, 1_000);
  recheck.unref();
  // A request that failed while the database was down, or just after it came back (connections
  // broken by the restart), failed because of it.
  const failedForDatabase = async () => {
    await readiness.check();
    return readiness.databaseDown || Date.now() - readiness.lastDownAt < 10_000;
  };

  function serve(req: IncomingMessage, res: ServerResponse): void {
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (pathname === routes.api.health) return json(res, 200, { status: "ok" });
    if (pathname === routes.api.ready) {
      if (stopping) return json(res, 503, { status: "not ready", reason: "shutting down" });
      if (!warm) return json(res, 503, { status: "not ready", reason: "starting" });
      void readiness
        .check()
        .then((result) =>
          result.ready
            ? json(res, 200, { status: "ready" })
            : json(res, 503, { status: "not ready", reason: result.reason }),
        );
      return;
    }
    if (!hasValidPath(req.url)) {
      // A malformed address is the client's mistake: a plain 400, like any other bad request.
      return refuse(res, 400, "Bad request: the address is not valid.");
    }
    const refusal = serverActionRefusal(req);
    if (refusal) {
      refuse(res, refusal, refusal === 413 ? "Payload too large." : "Length required.", { connection: "close" });
      req.resume();
      return;
    }
    if (cache?.serve(req, res)) return;
    // Known down: answer at once rather than let the request wait on a dead connection. Static
    // assets need no database and keep being served.
    if (readiness.databaseDown && !pathname.startsWith("/_next/static/")) {
      req.resume();
      return refuseUnavailable(res, isApiPath(pathname));
    }
    compressAndRecord(req, res, { cache, compress });
    const serverAction = req.method === "POST" && Boolean(req.headers["next-action"]);
    holdServerErrors(res, failedForDatabase, { serverAction, api: isApiPath(pathname) });
    if (serverAction) refuseAfterDeadline(req, res);
    handle(req, res).catch((error: unknown) => {
      logger.error(errorFields(error), "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
  }

  const server: Server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(req, trustedHops);
    const requestId = requestIdFor(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    // A connection that carried a request during shutdown is not kept for another one.
    if (stopping) res.setHeader("connection", "close");
    const started = performance.now();
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (!dev && !(req.url ?? "").startsWith("/_next/static/")) {
        logger.info(
          {
            requestId,
            method: req.method,
            path: (req.url ?? "/").split("?")[0],
            status: res.statusCode,
            ms: Math.round(performance.now() - started),
          },
          "request",
        );
      }
      if (inFlight === 0) drained?.();
    });
    requestContext.run({ requestId }, () => serve(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  // Next creates its production server, and runs instrumentation (which starts this process's
  // jobs), on its first request: make one now rather than wait for a visitor. Until it is
  // answered the instance reports "starting" to readiness probes.
  // (The development server prepares everything in app.prepare().)
  if (!dev) {
    const local = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
    await fetch(`http://${local}:${port}${routes.home}`, { headers: { "x-request-id": "warm-up-request" } })
      .then((response) => response.arrayBuffer())
      .catch((error: unknown) => logger.warn(errorFields(error), "warm-up request failed"));
  }
  warm = true;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
    close: (timeoutMs = SHUTDOWN_TIMEOUT_SECONDS * 1000) =>
      (closing ??= (async () => {
        stopping = true;
        const deadline = Date.now() + timeoutMs;
        const left = () => Math.max(0, deadline - Date.now());
        logger.info({ inFlight, timeoutMs }, "shutting down: no new connections, finishing requests in flight");
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive connections close now; busy ones once their response is sent.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.closeIdleConnections();
        const requestsDone = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
        const timedOut = (what: string) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              logger.warn({ what }, "shutting down: gave up waiting");
              resolve();
            }, left()).unref(),
          );
        // Requests and jobs finish side by side; jobs started here get the same deadline.
        await Promise.all([
          Promise.race([requestsDone, timedOut("requests in flight")]),
          stopProcessJobs(left()).catch((error: unknown) => logger.error(errorFields(error), "stopping jobs failed")),
        ]);
        clearInterval(sweep);
        clearInterval(recheck);
        server.closeAllConnections();
        await closed;
        await readiness.close().catch(() => {});
        await app.close();
        logger.info("stopped");
      })()),
  };
}
