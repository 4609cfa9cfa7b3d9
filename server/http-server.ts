// The app's HTTP server: Next.js behind a micro-cache for pages Next marks as shareable.
// `npm start`, `npm run dev`, the end-to-end tests and the benchmarks all serve through it.
import { createServer, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { env } from "../lib/env";
import { clientAddress, CLIENT_IP_HEADER } from "../lib/http/client-ip";
import next from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "../lib/http/body-limits";
import { MicroCache } from "./micro-cache";

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

export type HttpServer = { url: string; close(): Promise<void> };

export async function startHttpServer({
  dev,
  host,
  port,
}: {
  dev: boolean;
  host: string;
  port: number;
}): Promise<HttpServer> {
  const trustedHops = env().TRUST_PROXY;
  const app = next({ dev, dir: PROJECT_ROOT, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Storefront pages may lag their data by ISR's 10 s plus at most this cache's 2 s.
  const cache = dev ? null : new MicroCache({ maxAgeMs: 2_000, maxEntries: 500, maxBodyBytes: 1_000_000 });

  const server: Server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(req, trustedHops);
    if (!hasValidPath(req.url)) {
      // A malformed address is the client's mistake: a plain 400, like any other bad request.
      res.writeHead(400, {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end("Bad request: the address is not valid.");
      return;
    }
    const refusal = serverActionRefusal(req);
    if (refusal) {
      res.writeHead(refusal, {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        connection: "close",
      });
      res.end(refusal === 413 ? "Payload too large." : "Length required.");
      req.resume();
      return;
    }
    if (cache?.serve(req, res)) return;
    cache?.record(req, res);
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await app.close();
    },
  };
}
