// Compression by the app's server, on a real instance of the production build: Brotli for a
// browser, gzip for a client that only speaks gzip, the body as it is otherwise — the same
// page each time — with Vary on every compressible response, the micro-cache's compressed
// copies on hits, and COMPRESSION=off sending everything as it is.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { decode, raw, varies } from "../support/raw-http";
import { routes } from "@/lib/routes";
import type { TestDatabase } from "../support/test-database";
import { seededDatabase, startWeb, type AppProcess } from "./support/processes";

const BROWSER = { "accept-encoding": "gzip, deflate, br, zstd" };
const GZIP_ONLY = { "accept-encoding": "gzip" };

let database: TestDatabase;
let web: AppProcess;

beforeAll(async () => {
  database = await seededDatabase();
  web = await startWeb("web-compression", database.url);
});
afterAll(async () => {
  await web?.stop();
  await database?.drop();
});

describe("compression", () => {
  test("the home page: Brotli for a browser, gzip for gzip only, as it is otherwise, the same page", async () => {
    await raw(web.url + routes.home, BROWSER); // fills the micro-cache
    const [br, gzip, none] = await Promise.all([
      raw(web.url + routes.home, BROWSER),
      raw(web.url + routes.home, GZIP_ONLY),
      raw(web.url + routes.home),
    ]);
    for (const response of [br, gzip, none]) {
      expect(response.status).toBe(200);
      expect(varies(response)).toBe(true);
    }
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(decode(br)).toBe(none.body.toString());
    expect(decode(gzip)).toBe(none.body.toString());
    expect(none.body.toString()).toContain("</html>");
    expect(br.body.length).toBeLessThan(gzip.body.length);
    expect(gzip.body.length).toBeLessThan(none.body.length / 3);

    // A hit sends the stored copy: the same bytes again, no compression of its own.
    const hit = await raw(web.url + routes.home, BROWSER);
    expect(hit.headers["x-micro-cache"]).toBe("HIT");
    expect(hit.headers["content-encoding"]).toBe("br");
    expect(Number(hit.headers["content-length"])).toBe(hit.body.length);
    expect(decode(hit)).toBe(none.body.toString());
  });

  test("pages rendered per request, JSON and build files are compressed; HEAD and 304 are not", async () => {
    const signIn = await raw(web.url + routes.signIn(), BROWSER);
    expect(signIn.status).toBe(200);
    expect(signIn.headers["content-encoding"]).toBe("br");
    expect(signIn.headers["x-micro-cache"]).toBeUndefined();
    expect(varies(signIn)).toBe(true);
    expect(decode(signIn)).toContain("</html>");

    const openapi = await raw(web.url + routes.customerApi.openapi, GZIP_ONLY);
    expect(openapi.headers["content-type"]).toMatch(/json/);
    expect(openapi.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(decode(openapi))).toHaveProperty("openapi");

    const home = (await raw(web.url + routes.home)).body.toString();
    const scripts = [...home.matchAll(/\/_next\/static\/[^"]+\.js/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = await Promise.all(
      scripts.map(async (path) => ({ path, size: (await raw(web.url + path)).body.length })),
    );
    const largest = sizes.sort((a, b) => b.size - a.size)[0]!;
    const script = await raw(web.url + largest.path, BROWSER);
    expect(script.headers["content-encoding"]).toBe("br");
    expect(script.headers["cache-control"]).toContain("immutable");
    expect(varies(script)).toBe(true);
    expect(decode(script).length).toBe(largest.size);
    expect(script.body.length).toBeLessThan(largest.size / 2);

    const head = await raw(web.url + routes.signIn(), BROWSER, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBeUndefined();

    const etag = script.headers.etag;
    expect(etag).toBeTruthy();
    const notModified = await raw(web.url + largest.path, { ...BROWSER, "if-none-match": etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();
    expect(notModified.body.length).toBe(0);
  });

  test("COMPRESSION=off sends every response as it is", async () => {
    const plain = await startWeb("web-no-compression", database.url, { COMPRESSION: "off" });
    try {
      for (const path of [routes.home, routes.home, routes.signIn()]) {
        const response = await raw(plain.url + path, BROWSER);
        expect(response.status).toBe(200);
        expect(response.headers["content-encoding"]).toBeUndefined();
        expect(response.body.toString()).toContain("</html>");
      }
    } finally {
      await plain.stop();
    }
  });
});
