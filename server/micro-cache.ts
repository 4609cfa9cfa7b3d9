// A small in-memory shared cache in front of Next.js for responses Next itself marks as
// shareable (`Cache-Control: s-maxage=…`, i.e. prerendered/ISR pages such as the storefront).
// Next's own cache still decides what a page contains; this only skips Next's per-request
// routing work for a second or two, which is most of the cost of serving a cached page.
// It follows HTTP's rules for a shared cache: only 200s to GET, never with Set-Cookie,
// never `private`/`no-store`, one variant per value of each header named in Vary.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export type MicroCacheOptions = {
  /** Upper bound on how long a response is reused, whatever its s-maxage. */
  maxAgeMs: number;
  maxEntries: number;
  maxBodyBytes: number;
  now?: () => number;
};

const PER_REQUEST_HEADERS = ["x-request-id"];

type Entry = { status: number; headers: OutgoingHttpHeaders; body: Buffer; storedAt: number; expiresAt: number };
type Resource = { varyNames: string[]; variants: Map<string, Entry> };

export class MicroCache {
  private readonly resources = new Map<string, Resource>();
  private readonly now: () => number;

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
      return false;
    }
    const headers: OutgoingHttpHeaders = {
      ...entry.headers,
      "content-length": entry.body.length,
      age: String(Math.floor((this.now() - entry.storedAt) / 1000)),
      "x-micro-cache": "HIT",
    };
    delete headers["transfer-encoding"];
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  }

  /** Watches the response Next writes for `req` and keeps it if a shared cache may. */
  record(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "GET" || !isCacheableRequest(req)) return;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const extraHeaders: OutgoingHttpHeaders = {};
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
      if (headers) Object.assign(extraHeaders, lowerCaseKeys(headers as OutgoingHttpHeaders));
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
      const headers = { ...res.getHeaders(), ...extraHeaders };
      // Per-request headers belong to the response they were made for, not to later hits.
      for (const name of PER_REQUEST_HEADERS) delete headers[name];
      const ttl = sharedMaxAgeMs(headers);
      if (ttl === null || headers["set-cookie"] !== undefined) return;
      const varyNames = varyHeaderNames(headers);
      if (varyNames.includes("*")) return;
      this.store(req.url!, varyNames, variantKey(req, varyNames), {
        status: 200,
        headers,
        body: Buffer.concat(chunks),
        storedAt: this.now(),
        expiresAt: this.now() + Math.min(ttl, this.options.maxAgeMs),
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
      resource = { varyNames, variants: new Map() };
    }
    resource.variants.set(key, entry);
    this.resources.delete(url); // re-insert: Map order doubles as least-recently-stored order
    this.resources.set(url, resource);
    while (this.resources.size > this.options.maxEntries) {
      this.resources.delete(this.resources.keys().next().value!);
    }
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
