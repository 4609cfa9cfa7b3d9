// Compression of responses, done by the app's server (next.config.ts turns Next's own gzip off):
// Brotli or gzip, as the client's Accept-Encoding prefers (Brotli when both are equally
// welcome), for text-like types (HTML, JSON, CSV, flight data, JS, CSS, SVG) of at least 1 KB.
// Responses Next renders are compressed as they stream, at a cheap level, and flushed after
// every chunk Next writes, so a streamed page still arrives piece by piece. Responses the
// micro-cache keeps are compressed once per encoding, at a higher level, and sent as stored.
// Never compressed: HEAD, 204/304 and other bodiless statuses, bodies already encoded, already
// compressed types (images, archives, WOFF2), `Cache-Control: no-transform`.
// COMPRESSION=off leaves all of it to a proxy or CDN in front.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import compressible from "compressible";
import compression from "compression";
import Negotiator from "negotiator";

export type Encoding = "br" | "gzip" | "identity";

/** Smaller bodies are sent as they are: compressing them saves next to nothing. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Levels for a response compressed while it is written (every request pays): Brotli 4 costs
 * about what gzip 6 does and still compresses better.
 * Levels for a body the micro-cache compresses once and sends many times, measured on this
 * app's home page (78 KB of HTML) and a 113 KB script: Brotli 4 / 6 / 9 / 11 gave 9.9 / 9.0 /
 * 8.8 / 8.1 KB of HTML in 0.9 / 1.3 / 18 / 122 ms, and 40.5 / 38.1 / 37.9 / 35.2 KB of script in
 * 3 / 7 / 48 / 263 ms. A page entry lives 2 s and is compressed again each time: Brotli 6 (9 buys
 * 2 % for 14 times the work). A build file is kept an hour: Brotli 9 (11 would make the request
 * that waits for it wait a quarter to a whole second). gzip 9 costs little more than 6.
 */
export const STREAMED_LEVELS = { br: 4, gzip: 6 } as const;
export const STORED_LEVELS = {
  page: { br: 6, gzip: 9 },
  file: { br: 9, gzip: 9 },
} as const;

/** The encoding to send for this Accept-Encoding: Brotli, then gzip, else the body as it is. */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : acceptEncoding;
  // No header at all: a client that said nothing gets the body as it is (as every server does).
  if (!header?.trim()) return "identity";
  // The second argument, the order among equals, is negotiator 0.6.4's (the compression
  // middleware passes the same); its type declarations predate it.
  const negotiator = new Negotiator({ headers: { "accept-encoding": header } }) as unknown as {
    encoding(available: string[], preferred: string[]): string | undefined;
  };
  const chosen = negotiator.encoding(["br", "gzip", "identity"], ["br", "gzip"]);
  // Nothing acceptable (e.g. `identity;q=0` alone): the body as it is still beats a 406.
  return chosen === "br" || chosen === "gzip" ? chosen : "identity";
}

/** Whether a body of this Content-Type shrinks when compressed (text-like, not images or archives). */
export function isCompressibleType(contentType: unknown): boolean {
  return typeof contentType === "string" && compressible(contentType) === true;
}

/**
 * Whether a response with these headers may be compressed at all (its size and the client's
 * encodings aside): a compressible type, not already encoded, no `no-transform`.
 */
export function mayCompress(headers: OutgoingHttpHeaders): boolean {
  const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase();
  const cacheControl = String(headers["cache-control"] ?? "");
  return (
    isCompressibleType(headers["content-type"]) &&
    encoding === "identity" &&
    !/(^|,)\s*no-transform\s*(,|$)/i.test(cacheControl)
  );
}

/** `vary` with Accept-Encoding added once. */
export function varyOnEncoding(vary: string | string[] | number | undefined): string {
  const names = (Array.isArray(vary) ? vary.join(",") : String(vary ?? ""))
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.includes("*") || names.some((name) => name.toLowerCase() === "accept-encoding")) return names.join(", ");
  return [...names, "Accept-Encoding"].join(", ");
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** `body` compressed in one go (on libuv's thread pool, not the event loop). */
export function compressBody(body: Buffer, encoding: "br" | "gzip", level: number): Promise<Buffer> {
  return encoding === "br"
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: level,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body, { level });
}

const BODILESS_STATUS = new Set([204, 205, 304]);

/**
 * Compresses the response Next writes to `res` as it streams. Next calls `res.flush()` after
 * each chunk it writes (the method this middleware adds), so each chunk leaves compressed at
 * once rather than waiting in the compressor for more.
 */
export const compressResponse: (req: IncomingMessage, res: ServerResponse) => void = (() => {
  const middleware = compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    level: STREAMED_LEVELS.gzip,
    brotli: {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: STREAMED_LEVELS.br,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    },
    // The middleware checks HEAD, the size, existing encodings and no-transform itself.
    filter: (_req, res) =>
      res.statusCode >= 200 &&
      !BODILESS_STATUS.has(res.statusCode) &&
      isCompressibleType(res.getHeader("content-type")),
  }) as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  return (req, res) => middleware(req, res, () => {});
})();
