// Compression in the app's server, on a real HTTP server: the pipeline startHttpServer puts in
// front of Next (micro-cache, compression) with handlers that write as Next does — streamed
// pages through Next's own writer (pipeToNodeResponse), which flushes after every chunk.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createBrotliDecompress, createGunzip } from "node:zlib";
import { pipeToNodeResponse } from "next/dist/server/pipe-readable";
import { afterEach, describe, expect, it } from "vitest";
import { decode, raw } from "../support/raw-http";
import {
  compressBody,
  isCompressibleType,
  negotiateEncoding,
  STORED_LEVELS,
  STREAMED_LEVELS,
  varyOnEncoding,
} from "@/server/compression";
import { compressAndRecord } from "@/server/http-server";
import { MicroCache } from "@/server/micro-cache";

describe("negotiateEncoding", () => {
  it("prefers Brotli, then gzip, among equally welcome encodings, as browsers send them", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip, br")).toBe("br");
    expect(negotiateEncoding("br")).toBe("br");
    expect(negotiateEncoding("BR")).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding(["gzip", "br"])).toBe("br");
  });

  it("follows q-values and refuses what q=0 refuses", () => {
    expect(negotiateEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(negotiateEncoding("gzip;q=1, br;q=0.9")).toBe("gzip");
    expect(negotiateEncoding("gzip;q=0.001, br;q=0")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0")).toBe("identity");
    expect(negotiateEncoding("br;q=0, *")).toBe("gzip");
    expect(negotiateEncoding("gzip;q=0, *")).toBe("br");
  });

  it("reads * as any encoding, and sends the body as it is when nothing else is acceptable", () => {
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*;q=0.5, gzip;q=0.4")).toBe("br");
    expect(negotiateEncoding("*;q=0")).toBe("identity");
    // identity;q=0 alone names nothing we could send instead: the body as it is beats a 406.
    expect(negotiateEncoding("identity;q=0")).toBe("identity");
    expect(negotiateEncoding("identity;q=0, gzip")).toBe("gzip");
    expect(negotiateEncoding("identity")).toBe("identity");
  });

  it("sends the body as it is for no header, unknown encodings and garbage", () => {
    for (const header of [
      undefined,
      "",
      "  ",
      "deflate",
      "x-gzip",
      "zstd",
      ";;;",
      ",,,",
      "br;q=abc",
      "ÿ\u0000junk",
      "q=1",
    ])
      expect(negotiateEncoding(header), JSON.stringify(header)).toBe("identity");
    expect(negotiateEncoding("a".repeat(10_000))).toBe("identity");
  });
});

describe("what is compressed", () => {
  it("text-like types, not images, archives or fonts that are compressed already", () => {
    for (const type of [
      "text/html; charset=utf-8",
      "application/json",
      "application/problem+json",
      "text/csv; charset=utf-8",
      "application/javascript; charset=UTF-8",
      "text/css; charset=utf-8",
      "image/svg+xml",
      "text/x-component",
      "text/plain",
    ])
      expect(isCompressibleType(type), type).toBe(true);
    for (const type of [
      "image/png",
      "image/webp",
      "image/jpeg",
      "application/zip",
      "font/woff2",
      "application/pdf",
      "",
      undefined,
    ])
      expect(isCompressibleType(type), String(type)).toBe(false);
  });

  it("adds Accept-Encoding to Vary once", () => {
    expect(varyOnEncoding(undefined)).toBe("Accept-Encoding");
    expect(varyOnEncoding("rsc, next-router-state-tree")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(varyOnEncoding("accept-encoding")).toBe("accept-encoding");
    expect(varyOnEncoding(["rsc", "Accept-Encoding"])).toBe("rsc, Accept-Encoding");
  });
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** A real server with the app's pipeline (micro-cache, then compression) in front of `handler`. */
async function serve(handler: Handler, { compress = true } = {}) {
  const cache = new MicroCache({
    maxAgeMs: 2_000,
    immutableMaxAgeMs: 60_000,
    maxEntries: 10,
    maxBodyBytes: 1_000_000,
    compress,
  });
  const calls = { count: 0 };
  const server = createServer((req, res) => {
    if (cache.serve(req, res)) return;
    compressAndRecord(req, res, { cache, compress });
    calls.count++;
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

const HTML = `<!doctype html><main>${Array.from({ length: 300 }, (_, i) => `<p>Antminer S19 Pro, ${i} TH for 20 days</p>`).join("")}</main>`;

const page =
  (headers: Record<string, string> = {}, body: string | Buffer = HTML, status = 200): Handler =>
  (_req, res) => {
    res.statusCode = status;
    res.setHeader("content-type", "text/html; charset=utf-8");
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    res.end(body);
  };

describe("compression of responses Next writes", () => {
  it("sends Brotli when asked, gzip when only gzip, the body as it is otherwise: the same page each time", async () => {
    const { base } = await serve(page({ vary: "rsc" }));
    const br = await raw(base, { "accept-encoding": "gzip, deflate, br, zstd" });
    const gzip = await raw(base, { "accept-encoding": "gzip, deflate" });
    const none = await raw(base);
    const refused = await raw(base, { "accept-encoding": "br;q=0, gzip;q=0" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(refused.headers["content-encoding"]).toBeUndefined();
    for (const response of [br, gzip, none, refused]) {
      expect(decode(response)).toBe(HTML);
      expect(response.headers.vary).toBe("rsc, Accept-Encoding");
    }
    expect(br.body.length).toBeLessThan(gzip.body.length);
    expect(gzip.body.length).toBeLessThan(HTML.length / 5);
    expect(none.body.length).toBe(Buffer.byteLength(HTML));
  });

  it("leaves alone small bodies, compressed types, encoded bodies, HEAD, 304 and no-transform", async () => {
    const asks = { "accept-encoding": "br, gzip" };
    const small = await raw((await serve(page({}, "<p>small</p>"))).base, asks);
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.headers.vary).toBe("Accept-Encoding");
    expect(small.body.toString()).toBe("<p>small</p>");

    const png = Buffer.alloc(5_000, 7);
    const image = await raw((await serve(page({ "content-type": "image/png" }, png))).base, asks);
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);

    const gzipped = await compressBody(Buffer.from(HTML), "gzip", 1);
    const encoded = await raw((await serve(page({ "content-encoding": "gzip" }, gzipped))).base, asks);
    expect(encoded.headers["content-encoding"]).toBe("gzip");
    expect(encoded.body.equals(gzipped)).toBe(true);

    const head = await raw((await serve(page())).base, asks, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);

    const notModified = await raw((await serve(page({ etag: '"v1"' }, "", 304))).base, asks);
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();

    const noTransform = await raw((await serve(page({ "cache-control": "no-transform" }))).base, asks);
    expect(noTransform.headers["content-encoding"]).toBeUndefined();
    expect(noTransform.body.toString()).toBe(HTML);
  });

  it("streams: a chunk Next writes reaches the client, decoded, before the next one is written", async () => {
    // The handler writes its last chunk once the client has read the first one: a fresh gate
    // per request.
    let release = () => {};
    let released = Promise.resolve();
    let lastWritten = false;
    const { base } = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          const gate = released;
          controller.enqueue(encoder.encode(`<main>${"<p>shell</p>".repeat(200)}<!--first-->`));
          await gate; // a Suspense boundary still loading
          lastWritten = true;
          controller.enqueue(encoder.encode(`${"<p>late</p>".repeat(200)}<!--last--></main>`));
          controller.close();
        },
      });
      void pipeToNodeResponse(stream, res);
    });

    for (const acceptEncoding of ["br", "gzip"]) {
      lastWritten = false;
      released = new Promise<void>((resolve) => (release = resolve));
      const decoded = await new Promise<string>((resolve, reject) => {
        request(base, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
          expect(response.headers["content-encoding"]).toBe(acceptEncoding);
          expect(response.headers.vary).toBe("Accept-Encoding");
          const decoder = acceptEncoding === "br" ? createBrotliDecompress() : createGunzip();
          let text = "";
          let sawFirstEarly = false;
          decoder.on("data", (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes("<!--first-->") && !lastWritten) {
              sawFirstEarly = true;
              release();
            }
          });
          decoder.on("end", () => (sawFirstEarly ? resolve(text) : reject(new Error("first chunk arrived late"))));
          response.pipe(decoder);
        })
          .on("error", reject)
          .end();
      });
      expect(decoded).toBe(
        `<main>${"<p>shell</p>".repeat(200)}<!--first-->${"<p>late</p>".repeat(200)}<!--last--></main>`,
      );
    }
  });
});

describe("compressed copies in the micro-cache", () => {
  const shareable = page({ "cache-control": "s-maxage=10, stale-while-revalidate=31535990", vary: "rsc" });

  it("a hit sends the copy compressed once at the stored level: the same bytes every time", async () => {
    const { base, calls } = await serve(shareable);
    const br = { "accept-encoding": "gzip, deflate, br" };
    const miss = await raw(base, br);
    expect(miss.headers["x-micro-cache"]).toBeUndefined();
    expect(miss.headers["content-encoding"]).toBe("br");
    const hit = await raw(base, br);
    const again = await raw(base, br);
    expect(calls.count).toBe(1);
    expect(hit.headers["x-micro-cache"]).toBe("HIT");
    expect(hit.headers["content-encoding"]).toBe("br");
    expect(hit.headers.vary).toBe("rsc, Accept-Encoding");
    expect(Number(hit.headers["content-length"])).toBe(hit.body.length);
    expect(decode(hit)).toBe(HTML);
    // The stored copy (Brotli at the stored level), not one compressed again for this request.
    const stored = await compressBody(Buffer.from(HTML), "br", STORED_LEVELS.page.br);
    expect(hit.body.equals(stored)).toBe(true);
    expect(again.body.equals(hit.body)).toBe(true);
    expect(STORED_LEVELS.page.br).toBeGreaterThan(STREAMED_LEVELS.br);
    expect(hit.body.equals(await compressBody(Buffer.from(HTML), "br", STREAMED_LEVELS.br))).toBe(false);

    // Other clients of the same entry: gzip, or the body as it is; still one render.
    const gzip = await raw(base, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body.equals(await compressBody(Buffer.from(HTML), "gzip", STORED_LEVELS.page.gzip))).toBe(true);
    const none = await raw(base);
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(none.headers.vary).toBe("rsc, Accept-Encoding");
    expect(none.body.toString()).toBe(HTML);
    const head = await raw(base, br, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(HTML)));
    expect(calls.count).toBe(1);
  });

  it("keeps immutable build files too, compressed once", async () => {
    const script = `(()=>{${"console.log('hashrate');".repeat(200)}})();`;
    const { base, calls } = await serve(
      page(
        {
          "content-type": "application/javascript; charset=UTF-8",
          "cache-control": "public, max-age=31536000, immutable",
        },
        script,
      ),
    );
    await raw(`${base}/_next/static/chunks/app.js`, { "accept-encoding": "br" });
    const hit = await raw(`${base}/_next/static/chunks/app.js`, { "accept-encoding": "br" });
    expect(calls.count).toBe(1);
    expect(hit.headers["x-micro-cache"]).toBe("HIT");
    expect(hit.headers["content-encoding"]).toBe("br");
    expect(decode(hit)).toBe(script);
    expect(hit.body.equals(await compressBody(Buffer.from(script), "br", STORED_LEVELS.file.br))).toBe(true);
  });

  it("with compression off, sends every response as it is", async () => {
    const { base, calls } = await serve(shareable, { compress: false });
    const miss = await raw(base, { "accept-encoding": "br, gzip" });
    const hit = await raw(base, { "accept-encoding": "br, gzip" });
    expect(calls.count).toBe(1);
    for (const response of [miss, hit]) {
      expect(response.headers["content-encoding"]).toBeUndefined();
      expect(response.headers.vary).toBe("rsc");
      expect(response.body.toString()).toBe(HTML);
    }
  });
});
