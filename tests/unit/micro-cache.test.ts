import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { immutableMaxAgeMs, MicroCache, sharedMaxAgeMs } from "@/server/micro-cache";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** A real HTTP server with the cache in front of `handler`, counting what reaches the handler. */
async function serve(handler: Handler, options: Partial<ConstructorParameters<typeof MicroCache>[0]> = {}) {
  let clock = 1_000_000;
  const cache = new MicroCache({ maxAgeMs: 2_000, maxEntries: 10, maxBodyBytes: 10_000, now: () => clock, ...options });
  const calls = { count: 0 };
  const server = createServer((req, res) => {
    if (cache.serve(req, res)) return;
    cache.record(req, res);
    calls.count++;
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path = "/", init: RequestInit = {}) => {
    const response = await fetch(base + path, init);
    return { response, body: await response.text() };
  };
  return { get, calls, cache, advance: (ms: number) => (clock += ms) };
}

const page =
  (extra: Record<string, string> = {}): Handler =>
  (req, res) => {
    res.setHeader("cache-control", "s-maxage=10, stale-while-revalidate=31535990");
    res.setHeader("content-type", "text/html");
    for (const [key, value] of Object.entries(extra)) res.setHeader(key, value);
    res.write("<p>");
    res.end(`${req.url} rendered</p>`);
  };

describe("MicroCache", () => {
  it("serves a shareable page again without calling the handler, body and headers intact", async () => {
    const { get, calls } = await serve(page());
    const first = await get("/plans?x=1");
    const second = await get("/plans?x=1");
    expect(calls.count).toBe(1);
    expect(second.body).toBe("<p>/plans?x=1 rendered</p>");
    expect(second.body).toBe(first.body);
    expect(second.response.headers.get("content-type")).toBe("text/html");
    expect(second.response.headers.get("x-micro-cache")).toBe("HIT");
    expect(first.response.headers.get("x-micro-cache")).toBeNull();
    await get("/plans?x=2"); // another URL is another entry
    expect(calls.count).toBe(2);
  });

  it("never hands one request's id to another: a hit carries the id of the request it answers", async () => {
    const { get, calls } = await serve(page({ "x-request-id": "first-request-0001" }));
    await get("/");
    const hit = await get("/");
    expect(calls.count).toBe(1);
    expect(hit.response.headers.get("x-micro-cache")).toBe("HIT");
    expect(hit.response.headers.get("x-request-id")).toBeNull();
  });

  it("keeps a response no longer than its own bound or s-maxage, whichever is shorter", async () => {
    const { get, calls, advance } = await serve(page());
    await get();
    advance(1_999);
    await get();
    expect(calls.count).toBe(1);
    advance(1);
    await get();
    expect(calls.count).toBe(2);

    const short = await serve(page({ "cache-control": "s-maxage=1" }));
    await short.get();
    short.advance(1_000);
    await short.get();
    expect(short.calls.count).toBe(2);
  });

  it.each([
    ["no s-maxage", page({ "cache-control": "max-age=60" })],
    ["private", page({ "cache-control": "private, s-maxage=10" })],
    ["no-store", page({ "cache-control": "no-store" })],
    ["a cookie being set", page({ "set-cookie": "session=abc" })],
    ["Vary: *", page({ vary: "*" })],
    [
      "an error status",
      ((_req, res) => {
        res.statusCode = 404;
        page()(_req, res);
      }) as Handler,
    ],
  ])("never keeps a response with %s", async (_name, handler) => {
    const { get, calls } = await serve(handler);
    await get();
    await get();
    expect(calls.count).toBe(2);
  });

  it("passes through POSTs, authorised, conditional and no-cache requests", async () => {
    const { get, calls } = await serve(page());
    await get("/");
    expect(calls.count).toBe(1);
    await get("/", { method: "POST", body: "x" });
    await get("/", { headers: { authorization: "Bearer x" } });
    await get("/", { headers: { "if-none-match": '"abc"' } });
    await get("/", { headers: { "cache-control": "no-cache" } });
    expect(calls.count).toBe(5);
  });

  it("keeps one variant per value of each header named in Vary", async () => {
    const { get, calls } = await serve((req, res) => {
      res.setHeader("cache-control", "s-maxage=10");
      res.setHeader("vary", "rsc, Accept-Encoding");
      res.end(req.headers.rsc ? "flight data" : "html");
    });
    expect((await get("/", { headers: { rsc: "1" } })).body).toBe("flight data");
    expect((await get("/")).body).toBe("html");
    expect((await get("/", { headers: { rsc: "1" } })).body).toBe("flight data");
    expect((await get("/")).body).toBe("html");
    expect(calls.count).toBe(2);
  });

  it("answers HEAD from a cached GET without a body", async () => {
    const { get, calls } = await serve(page());
    await get("/");
    const head = await get("/", { method: "HEAD" });
    expect(calls.count).toBe(1);
    expect(head.body).toBe("");
    expect(head.response.headers.get("content-length")).toBe(String("<p>/ rendered</p>".length));
  });

  it("keeps headers given to writeHead as well as setHeader", async () => {
    const { get, calls } = await serve((_req, res) => {
      res.setHeader("x-one", "1");
      res.writeHead(200, { "Cache-Control": "s-maxage=10", "Content-Type": "application/json" });
      res.end("{}");
    });
    await get();
    const cached = await get();
    expect(calls.count).toBe(1);
    expect(cached.response.headers.get("content-type")).toBe("application/json");
    expect(cached.response.headers.get("x-one")).toBe("1");
  });

  it("bounds memory: large bodies are not kept, and the oldest entries go first", async () => {
    const big = await serve((_req, res) => {
      res.setHeader("cache-control", "s-maxage=10");
      res.end("x".repeat(20_000));
    });
    await big.get();
    await big.get();
    expect(big.calls.count).toBe(2);

    const many = await serve(page(), { maxEntries: 3 });
    for (const path of ["/a", "/b", "/c", "/d"]) await many.get(path);
    expect(many.cache.size).toBe(3);
    await many.get("/a"); // evicted: rendered again
    await many.get("/d"); // still cached
    expect(many.calls.count).toBe(5);

    const heavy = await serve(
      (req, res) => {
        res.setHeader("cache-control", "s-maxage=10");
        res.end(`${req.url}`.padEnd(4_000, "x"));
      },
      { maxTotalBytes: 10_000 },
    );
    for (const path of ["/a", "/b", "/c"]) await heavy.get(path);
    expect(heavy.cache.size).toBe(2); // 12,000 bytes would exceed the bound: the oldest went
    await heavy.get("/c");
    await heavy.get("/a");
    expect(heavy.calls.count).toBe(4);
  });

  it("keeps immutable build files for its longer bound, and only when asked to", async () => {
    const script: Handler = (_req, res) => {
      res.setHeader("cache-control", "public, max-age=31536000, immutable");
      res.setHeader("content-type", "application/javascript");
      res.end("console.log(1)");
    };
    const { get, calls, advance } = await serve(script, { immutableMaxAgeMs: 60_000 });
    await get("/_next/static/chunks/a.js");
    advance(59_999);
    expect((await get("/_next/static/chunks/a.js")).response.headers.get("x-micro-cache")).toBe("HIT");
    advance(1);
    await get("/_next/static/chunks/a.js");
    expect(calls.count).toBe(2);

    const off = await serve(script);
    await off.get("/_next/static/chunks/a.js");
    await off.get("/_next/static/chunks/a.js");
    expect(off.calls.count).toBe(2);
  });
});

describe("sharedMaxAgeMs", () => {
  it("reads s-maxage only when a shared cache may store the response", () => {
    expect(sharedMaxAgeMs({ "cache-control": "s-maxage=10, stale-while-revalidate=31535990" })).toBe(10_000);
    expect(sharedMaxAgeMs({ "cache-control": "public, max-age=0, s-maxage=0" })).toBeNull();
    expect(sharedMaxAgeMs({ "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" })).toBeNull();
    expect(sharedMaxAgeMs({})).toBeNull();
  });

  it("reads max-age of immutable public files only", () => {
    expect(immutableMaxAgeMs({ "cache-control": "public, max-age=31536000, immutable" })).toBe(31_536_000_000);
    expect(immutableMaxAgeMs({ "cache-control": "public, max-age=31536000" })).toBeNull();
    expect(immutableMaxAgeMs({ "cache-control": "max-age=31536000, immutable" })).toBeNull();
    expect(immutableMaxAgeMs({ "cache-control": "public, no-store, max-age=60, immutable" })).toBeNull();
    expect(immutableMaxAgeMs({ "cache-control": "public, max-age=0, immutable" })).toBeNull();
  });
});
