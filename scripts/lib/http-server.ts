// The app's HTTP server: Next.js behind a micro-cache for pages Next marks as shareable.
// `npm start`, `npm run dev`, the end-to-end tests and the benchmarks all serve through it.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { env } from "../../lib/env";
import { clientAddress, CLIENT_IP_HEADER } from "../../lib/http/client-ip";
import next from "next";
import { MicroCache } from "../../lib/http/micro-cache";
import { PROJECT_ROOT } from "./app-database";

// Rate limits and logs need the client's address. Any value a client sends in this header is
// replaced; X-Forwarded-For is read only behind the proxies we were told about (TRUST_PROXY).
function clientIp(req: IncomingMessage, trustedHops: number): string {
  return clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
}

export type HttpServer = { url: string; close(): Promise<void> };

export async function startHttpServer({ dev, host, port }: { dev: boolean; host: string; port: number }): Promise<HttpServer> {
  const trustedHops = env().TRUST_PROXY;
  const app = next({ dev, dir: PROJECT_ROOT, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Storefront pages may lag their data by ISR's 10 s plus at most this cache's 2 s.
  const cache = dev ? null : new MicroCache({ maxAgeMs: 2_000, maxEntries: 500, maxBodyBytes: 1_000_000 });

  const server: Server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(req, trustedHops);
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
