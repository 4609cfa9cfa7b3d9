// A small in-memory shared cache in front of Next.js for responses Next itself marks as
// shareable (`Cache-Control: s-maxage=…`, i.e. prerendered/ISR pages such as the storefront).
// Next's own cache still decides what a page contains; this only skips Next's per-request
// routing work for a second or two, which is most of the cost of serving a cached page.
// It follows HTTP's rules for a shared cache: only 200s to GET, never with Set-Cookie,
// never `private`/`no-store`, one variant per value of each header named in Vary.
// It also keeps Next's immutable build files (`/_next/static/…`, `public, max-age=…, immutable`)
// for a longer while, so each is compressed once rather than on every request.
// A body is kept as Next wrote it and compressed once per encoding a client asks for (Brotli or
// gzip, at a higher level than responses compressed as they stream), on the first request that
// wants it; later hits send those bytes as they are.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import {
  COMPRESSION_THRESHOLD_BYTES,
  compressBody,
  mayCompress,
  negotiateEncoding,
  STORED_LEVELS,
  varyOnEncoding,
  type Encoding,
} from "./compression";

export type MicroCacheOptions = {
  /** Upper bound on how long a response is reused, whatever its s-maxage. */
  maxAgeMs: number;
  maxEntries: number;
  maxBodyBytes: number;
  /** Bound on the bodies kept, all entries together (their compressed copies add less again). */
  maxTotalBytes?: number;
  /** How long an immutable build file is kept (0: not at all). */
  immutableMaxAgeMs?: number;
  /** Whether hits are compressed for clients that accept it (COMPRESSION=off: never). */
  compress?: boolean;
  now?: () => number;
};

const PER_REQUEST_HEADERS = ["x-request-id"];

type Entry = {
  status: number;
  headers: OutgoingHttpHeaders;
  /** The body as Next wrote it. */
  body: Buffer;
  /** Whether its type may be compressed (then hits vary on Accept-Encoding). */
  compressible: boolean;
  /** A page kept for seconds, or an immutable build file kept for longer: how hard to compress. */
  kind: keyof typeof STORED_LEVELS;
  /** Compressed copies, made on the first request for each encoding. */
  encoded: Map<Exclude<Encoding, "identity">, Promise<Buffer>>;
  storedAt: number;
  expiresAt: number;
};
type Resource = { varyNames: string[]; variants: Map<string, Entry> };

export class MicroCache {
  private readonly resources = new Map<string, Resource>();
  private readonly now: () => number;
  private bytes = 0;

  constructor(private readonly options: MicroCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Answers `req` from the cache when a fresh entry exists; returns whether it did. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (!isCacheableRequest(req)) return false;
    const resource = this.resources.get(req.url!);
    if (!resource) return false;
    const entry = resource.variants.get(variantKey(req, resource.varyNames));
    if (!entry) return false;
    if (entry.expiresAt <= this.now()) {
      resource.variants.delete(variantKey(req, resource.varyNames));
      this.bytes -= entry.body.length;
      return false;
    }
    const headers: OutgoingHttpHeaders = {
      ...entry.headers,
      "content-length": entry.body.length,
      age: String(Math.floor((this.now() - entry.storedAt) / 1000)),
      "x-micro-cache": "HIT",
    };
    delete headers["transfer-encoding"];
    if (entry.compressible) headers.vary = varyOnEncoding(headers.vary);
    const encoding =
      entry.compressible && req.method !== "HEAD" && entry.body.length >= COMPRESSION_THRESHOLD_BYTES
        ? negotiateEncoding(req.headers["accept-encoding"])
        : "identity";
    if (encoding === "identity") {
      res.writeHead(entry.status, headers);
      res.end(req.method === "HEAD" ? undefined : entry.body);
      return true;
    }
    let encoded = entry.encoded.get(encoding);
    if (!encoded) {
      encoded = compressBody(entry.body, encoding, STORED_LEVELS[entry.kind][encoding]);
      entry.encoded.set(encoding, encoded);
    }
    encoded.then(
      (body) => {
        res.writeHead(entry.status, { ...headers, "content-encoding": encoding, "content-length": body.length });
        res.end(body);
      },
      () => {
        entry.encoded.delete(encoding);
        res.writeHead(entry.status, headers);
        res.end(entry.body);
      },
    );
    return true;
  }

  /** Watches the response Next writes for `req` and keeps it if a shared cache may. */
  record(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "GET" || !isCacheableRequest(req)) return;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    // The headers as Next set them, before anything below Next (compression) changes them.
    let sentHeaders: OutgoingHttpHeaders | null = null;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (tooBig || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk)
            : null;
      if (!buffer) return;
      size += buffer.length;
      if (size > this.options.maxBodyBytes) tooBig = true;
      else chunks.push(buffer);
    };

    const originalWriteHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const headers = args.find(
        (arg, index) => index > 0 && typeof arg === "object" && arg !== null && !Array.isArray(arg),
      );
      sentHeaders ??= { ...this.getHeaders(), ...lowerCaseKeys((headers ?? {}) as OutgoingHttpHeaders) };
      return (originalWriteHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["writeHead"];
    const originalWrite = res.write;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (originalWrite as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse["write"];
    const originalEnd = res.end;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (originalEnd as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse["end"];

    res.once("finish", () => {
      if (tooBig || res.statusCode !== 200) return;
      const headers = { ...(sentHeaders ?? res.getHeaders()) };
      // Per-request headers belong to the response they were made for, not to later hits.
      for (const name of PER_REQUEST_HEADERS) delete headers[name];
      const shared = sharedMaxAgeMs(headers);
      const ttl = shared === null ? null : Math.min(shared, this.options.maxAgeMs);
      const immutable = immutableMaxAgeMs(headers);
      const keepFor = ttl ?? (immutable === null ? null : Math.min(immutable, this.options.immutableMaxAgeMs ?? 0));
      if (!keepFor || headers["set-cookie"] !== undefined) return;
      const compressible = (this.options.compress ?? false) && mayCompress(headers);
      // A body kept as written is encoded here for each client: Accept-Encoding picks the
      // copy sent, not a separate entry.
      const varyNames = varyHeaderNames(headers).filter(
        (name) => !(name === "accept-encoding" && headers["content-encoding"] === undefined),
      );
      if (varyNames.includes("*")) return;
      this.store(req.url!, varyNames, variantKey(req, varyNames), {
        status: 200,
        headers,
        body: Buffer.concat(chunks),
        compressible,
        kind: ttl === null ? "file" : "page",
        encoded: new Map(),
        storedAt: this.now(),
        expiresAt: this.now() + keepFor,
      });
    });
  }

  get size(): number {
    let count = 0;
    for (const resource of this.resources.values()) count += resource.variants.size;
    return count;
  }

  private store(url: string, varyNames: string[], key: string, entry: Entry): void {
    let resource = this.resources.get(url);
    if (!resource || resource.varyNames.join() !== varyNames.join()) {
      if (resource) this.forget(resource);
      resource = { varyNames, variants: new Map() };
    }
    this.bytes -= resource.variants.get(key)?.body.length ?? 0;
    resource.variants.set(key, entry);
    this.bytes += entry.body.length;
    this.resources.delete(url); // re-insert: Map order doubles as least-recently-stored order
    this.resources.set(url, resource);
    const maxBytes = this.options.maxTotalBytes ?? Infinity;
    while (this.resources.size > this.options.maxEntries || (this.bytes > maxBytes && this.resources.size > 1)) {
      const oldest = this.resources.keys().next().value!;
      this.forget(this.resources.get(oldest)!);
      this.resources.delete(oldest);
    }
  }

  private forget(resource: Resource): void {
    for (const entry of resource.variants.values()) this.bytes -= entry.body.length;
  }
}

function isCacheableRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (!req.url || req.headers.authorization || req.headers.range) return false;
  // Conditional requests are left to Next, which answers them with 304s itself.
  if (req.headers["if-none-match"] || req.headers["if-modified-since"]) return false;
  const cacheControl = req.headers["cache-control"] ?? "";
  return !/no-cache|no-store/.test(cacheControl);
}

function lowerCaseKeys(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}

/** s-maxage in milliseconds when the response may be stored by a shared cache; else null. */
export function sharedMaxAgeMs(headers: OutgoingHttpHeaders): number | null {
  const value = headers["cache-control"];
  const cacheControl = (Array.isArray(value) ? value.join(",") : String(value ?? "")).toLowerCase();
  if (/(^|[\s,])(private|no-store|no-cache)($|[\s,=])/.test(cacheControl)) return null;
  const match = /(?:^|[\s,])s-maxage=(\d+)/.exec(cacheControl);
  if (!match) return null;
  const seconds = Number(match[1]);
  return seconds > 0 ? seconds * 1000 : null;
}

/**
 * max-age in milliseconds for a build file a shared cache may keep (`public, immutable`); else
 * null. Next serves `/_next/static/…` so: content-hashed names that never change.
 */
export function immutableMaxAgeMs(headers: OutgoingHttpHeaders): number | null {
  const value = headers["cache-control"];
  const cacheControl = (Array.isArray(value) ? value.join(",") : String(value ?? "")).toLowerCase();
  const has = (directive: string) => new RegExp(`(^|[\\s,])${directive}($|[\\s,=])`).test(cacheControl);
  if (!has("public") || !has("immutable") || has("private") || has("no-store") || has("no-cache")) return null;
  const seconds = Number(/(?:^|[\s,])max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
  return seconds > 0 ? seconds * 1000 : null;
}

function varyHeaderNames(headers: OutgoingHttpHeaders): string[] {
  const value = headers.vary;
  const text = Array.isArray(value) ? value.join(",") : String(value ?? "");
  return text
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
    .sort();
}

function variantKey(req: IncomingMessage, varyNames: string[]): string {
  return varyNames.map((name) => `${name}=${String(req.headers[name] ?? "")}`).join("\n");
}
