// Hostile input against every route handler and the server-action endpoint, driven by
// fast-check: wrong types, huge strings, unicode, prototype-pollution keys, negative and huge
// numbers, in paths, queries, headers and bodies, signed out and signed in. The app must answer
// every one with a success or a 4xx — never a 5xx — and the database must not change (none of
// these requests is a valid one).
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, expect, test } from "vitest";
import { keysFor } from "@/lib/crypto/derived-keys";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { SERVER_ACTION_DEADLINE_MS } from "@/server/http-server";
import { insertApiKey } from "../support/api-client";
import { createUser } from "../support/factories";
import { withClient, type TestDatabase } from "../support/test-database";
import { recordDrill, seededDatabase, startWeb, type AppProcess } from "./support/processes";

const SECRET = "whsec_reliability_fuzzing";
let database: TestDatabase;
let db: Db;
let web: AppProcess;

beforeAll(async () => {
  database = await seededDatabase();
  db = createPrismaClient(database.url);
  web = await startWeb("web-fuzz", database.url, { STRIPE_WEBHOOK_SECRET: SECRET });
});
afterAll(async () => {
  await web?.stop();
  await db?.$disconnect();
  await database?.drop();
});

/**
 * Every server action of the build, with a page that can call it: the ids come from the
 * build's server-reference manifest, so each real action receives hostile bodies (a made-up id
 * only ever reaches Next's "unknown action" answer).
 */
function realActions(): { id: string; page: string }[] {
  const manifest = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, { workers }]) => {
    const worker = Object.keys(workers).find((name) => name.endsWith("/page") && !name.includes("[...")) ?? "app/page";
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\[[^\]]+\]/g, "x") || "/";
    return { id, page };
  });
}

/** Row counts of every table the app owns (the rate limiter's own table aside). */
async function rowCounts(): Promise<Record<string, number>> {
  return withClient(database.url, async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rate_limits'`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of rows) {
      const { rows: counted } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${client.escapeIdentifier(table_name)}`,
      );
      counts[table_name] = Number(counted[0]!.n);
    }
    return counts;
  });
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "../../etc/passwd",
    "%00",
    "%E0%A4%A",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\u0000\u202e\ufeff",
    "-1",
    "1e309",
    "NaN",
    "9007199254740993",
    "-99999999999999999999",
    "00000000-0000-0000-0000-000000000000",
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constant("x".repeat(100_000)),
);
const hostileJson = fc.oneof(
  fc.json(),
  hostileText.map((text) => JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: text } })),
  fc.anything().map((value) => {
    try {
      return JSON.stringify(value) ?? "null";
    } catch {
      return "null";
    }
  }),
);

test("hostile requests to every route handler and the action endpoint: never a 5xx, nothing changes", async () => {
  const startedAt = Date.now();
  const user = await createUser(db);
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const signedIn = `authjs.session-token=${await encode({
    token: { sub: user.id, email: user.email, sv: user.sessionVersion, sid: session.id },
    secret: keysFor("session")[0]!.toString("base64url"),
    salt: "authjs.session-token",
  })}`;
  const { key: apiKey } = await insertApiKey(db, user.id, API_SCOPES);
  const actions = realActions();
  expect(actions.length).toBeGreaterThan(40);
  const before = await rowCounts();
  const failures: string[] = [];
  let requests = 0;

  const request = fc.record({
    route: fc.constantFrom(
      "webhook",
      "kycSubmission",
      "kycDocument",
      "settlementsCsv",
      "auth",
      "missingApi",
      "apiRead",
      "apiOrder",
      "action",
      "realAction",
      "page",
    ),
    segment: hostileText,
    query: fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
    body: hostileJson,
    header: hostileText,
    signedIn: fc.boolean(),
    action: fc.nat({ max: actions.length - 1 }),
    fields: fc.dictionary(hostileText, hostileText, { maxKeys: 5 }),
  });

  await fc.assert(
    fc.asyncProperty(
      request,
      async ({ route, segment, query, body, header, signedIn: withSession, action, fields }) => {
        const id = encodeURIComponent(segment).slice(0, 2_000) || "x";
        const search = new URLSearchParams(
          Object.entries(query).map(([key, value]) => [key.slice(0, 500), value.slice(0, 500)]),
        ).toString();
        const headers: Record<string, string> = { cookie: withSession ? signedIn : "" };
        const safeHeader = header.replace(/[^\x20-\x7e]/g, "").slice(0, 1_000);
        let method = "GET";
        let path = "/";
        let payload: string | FormData | undefined;
        switch (route) {
          case "webhook":
            method = "POST";
            path = "/api/stripe/webhook";
            payload = body;
            headers["stripe-signature"] = safeHeader;
            headers["content-type"] = "application/json";
            break;
          case "kycSubmission":
            method = "POST";
            path = "/api/kyc/submission";
            payload = body;
            headers["content-type"] = safeHeader.includes("/") ? safeHeader : "multipart/form-data; boundary=x";
            headers.origin = web.url;
            break;
          case "kycDocument":
            path = `/api/kyc/documents/${id}`;
            break;
          case "settlementsCsv":
            path = `/api/contracts/${id}/settlements`;
            break;
          case "auth":
            method = segment.length % 2 ? "POST" : "GET";
            path = `/api/auth/${id}`;
            payload = method === "POST" ? body : undefined;
            headers["content-type"] = "application/x-www-form-urlencoded";
            break;
          case "missingApi":
            path = `/api/${id}/${id}`;
            break;
          case "apiRead":
            path = ["/api/v1/contracts/", "/api/v1/earnings?x=", "/api/v1/orders?cursor=", "/api/v1/v2/"][
              segment.length % 4
            ]!.concat(id);
            headers.authorization = withSession ? `Bearer ${apiKey}` : `Bearer ${safeHeader}`;
            break;
          case "apiOrder":
            method = "POST";
            path = "/api/v1/orders";
            payload = body;
            headers.authorization = withSession ? `Bearer ${apiKey}` : safeHeader;
            headers["idempotency-key"] = safeHeader;
            headers["content-type"] = segment.length % 3 ? "application/json" : safeHeader;
            break;
          case "action":
            method = "POST";
            path = ["/", "/sign-in", "/checkout/antminer-s19-pro-20-days", "/dashboard/security"][segment.length % 4]!;
            headers["next-action"] = safeHeader || "0".repeat(42);
            headers["content-type"] = "text/plain;charset=UTF-8";
            headers.origin = web.url;
            payload = body;
            break;
          case "realAction": {
            method = "POST";
            path = actions[action]!.page;
            headers["next-action"] = actions[action]!.id;
            headers.origin = web.url;
            if (segment.length % 2) {
              // A form post with hostile fields, as a browser's form would send it.
              const form = new FormData();
              for (const [name, value] of Object.entries(fields))
                form.append(name.slice(0, 200), value.slice(0, 5_000));
              payload = form;
            } else {
              headers["content-type"] = "text/plain;charset=UTF-8";
              payload = body;
            }
            break;
          }
          case "page":
            path = ["/products/", "/checkout/", "/dashboard/orders/", "/admin/users/"][segment.length % 4]! + id;
            break;
        }
        const url = `${web.url}${path}${search ? `?${search}` : ""}`;
        requests++;
        const named = headers["next-action"] ? ` (action ${headers["next-action"].slice(0, 42)})` : "";
        const what = `${method} ${path.slice(0, 120)}${named}`;
        try {
          const response = await fetch(url, {
            method,
            headers,
            body: payload,
            redirect: "manual",
            signal: AbortSignal.timeout(SERVER_ACTION_DEADLINE_MS + 10_000),
          });
          await response.arrayBuffer();
          if (response.status >= 500) failures.push(`${what} → ${response.status}`);
        } catch (error) {
          failures.push(`${what} → no answer (${error instanceof Error ? error.name : "error"})`);
        }
      },
    ),
    { numRuns: 400 },
  );

  expect(failures).toEqual([]);
  const after = await rowCounts();
  // Valid sessions touch nothing but their own row's last use; everything else is as it was.
  expect(after).toEqual(before);
  expect(web.child.exitCode).toBeNull();
  recordDrill({ drill: "input fuzzing", requests, faults: requests, dataLost: 0 }, startedAt);
}, 300_000);
