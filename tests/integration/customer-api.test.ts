// The customer API against a real database: every answer of every route is checked against the
// OpenAPI document (tests/support/api-client.ts), and each refusal is tried with the value an
// attacker would send — another customer's ids, a revoked or expired key, a key without the
// scope, a replayed Idempotency-Key, a burst past the rate limit — asserting nothing changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Validator } from "@seriousme/openapi-schema-validator";
import { API_OPERATIONS } from "@/lib/api/operations";
import { openApiDocument } from "@/lib/api/openapi";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { settleRange } from "@/lib/settlement/settle";
import { LIMITS } from "@/lib/auth/rate-limit";
import { call, insertApiKey, seen } from "../support/api-client";
import { createContract, createProduct, createSnapshot, createUser, creditUsd } from "../support/factories";

const DAYS = ["2043-05-01", "2043-05-02", "2043-05-03"];
let slug = "";
let alice: { id: string };
let bob: { id: string };
let aliceContract: { id: string };
let bobContract: { id: string };
let aliceKey = "";
let bobKey = "";

const counts = async () => ({
  orders: await db.order.count(),
  sold: (await db.product.findUniqueOrThrow({ where: { slug } })).soldTh,
  entries: await db.ledgerEntry.count(),
});

beforeAll(async () => {
  const product = await createProduct(db, { inventoryTh: 10_000, poolFeeBps: 250 });
  slug = product.slug;
  [alice, bob] = [await createUser(db), await createUser(db)];
  const term = { startsAt: new Date("2043-05-01T00:00:00Z"), endsAt: new Date("2043-05-21T00:00:00Z") };
  aliceContract = await createContract(db, {
    userId: alice.id,
    productId: product.id,
    th: 100,
    poolFeeBps: 250,
    ...term,
  });
  bobContract = await createContract(db, { userId: bob.id, productId: product.id, th: 50, ...term });
  for (const day of DAYS) await createSnapshot(db, day);
  await settleRange(DAYS[0]!, DAYS[2]!, new Date("2043-05-04T00:10:00Z"));
  await creditUsd(db, alice.id, 100_000n);
  aliceKey = (await insertApiKey(db, alice.id, API_SCOPES)).key;
  bobKey = (await insertApiKey(db, bob.id, API_SCOPES)).key;
});

describe("the customer API", () => {
  it("publishes a valid OpenAPI 3.1 document with a curl example for every route", async () => {
    const checker = new Validator();
    const result = await checker.validate(
      structuredClone(openApiDocument()) as unknown as Parameters<Validator["validate"]>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(checker.version).toBe("3.1");
    for (const operation of Object.values(API_OPERATIONS)) expect(operation.curl).toMatch(/^curl /);
  });

  it("lists the storefront's plans without a key", async () => {
    const answer = await call({ operation: "listProducts" });
    expect(answer.status).toBe(200);
    const plans = (answer.body as { data: { slug: string; availableTh: number }[] }).data;
    expect(plans.find((plan) => plan.slug === slug)?.availableTh).toBe(10_000);
    expect(answer.headers.get("ratelimit-limit")).toBe(String(LIMITS.apiRequestsPerIp.points));
  });

  it("reads only the key owner's contracts; the other customer's id is not found", async () => {
    const list = await call({ operation: "listContracts", key: aliceKey });
    expect(list.status).toBe(200);
    expect((list.body as { data: { id: string }[] }).data.map((row) => row.id)).toEqual([aliceContract.id]);

    const own = await call({ operation: "getContract", key: aliceKey, params: { id: aliceContract.id } });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: aliceContract.id, th: 100, settledDays: 3, lastSettledDay: "2043-05-03" });
    const sats = await db.settlement.aggregate({ where: { contractId: aliceContract.id }, _sum: { sats: true } });
    expect((own.body as { minedSats: number }).minedSats).toBe(Number(sats._sum.sats));

    const other = await call({ operation: "getContract", key: aliceKey, params: { id: bobContract.id } });
    expect(other.status).toBe(404);
    const malformed = await call({ operation: "getContract", key: aliceKey, params: { id: "1 OR 1=1" } });
    expect(malformed.status).toBe(400);
  });

  it("pages through earnings with a cursor, filters them, and answers CSV", async () => {
    const first = await call({ operation: "listEarnings", key: aliceKey, query: "?limit=2" });
    expect(first.status).toBe(200);
    const page = first.body as { data: { day: string; contractId: string; netSats: number }[]; nextCursor: string };
    expect(page.data.map((row) => row.day)).toEqual(["2043-05-01", "2043-05-02"]);
    expect(page.data.every((row) => row.contractId === aliceContract.id)).toBe(true);
    const second = await call({
      operation: "listEarnings",
      key: aliceKey,
      query: `?limit=2&cursor=${page.nextCursor}`,
    });
    const rest = second.body as { data: { day: string }[]; nextCursor: string | null };
    expect(rest.data.map((row) => row.day)).toEqual(["2043-05-03"]);
    expect(rest.nextCursor).toBeNull();

    const filtered = await call({ operation: "listEarnings", key: aliceKey, query: "?from=2043-05-02&to=2043-05-02" });
    expect((filtered.body as { data: unknown[] }).data).toHaveLength(1);
    const othersContract = await call({
      operation: "listEarnings",
      key: aliceKey,
      query: `?contract=${bobContract.id}`,
    });
    expect(othersContract.status).toBe(200);
    expect((othersContract.body as { data: unknown[] }).data).toEqual([]);

    const csv = await call({ operation: "listEarnings", key: aliceKey, headers: { accept: "text/csv" } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^contract_id,date,kind,/);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((line) => line.startsWith(aliceContract.id))).toBe(true);
    const byParam = await call({ operation: "listEarnings", key: aliceKey, query: "?format=csv" });
    expect(byParam.text).toBe(csv.text);
  });

  it("refuses malformed queries with field errors", async () => {
    for (const query of [
      "?limit=0",
      "?limit=201",
      "?limit=1e2",
      "?limit=-1",
      "?limit=%091",
      "?cursor=not-ours",
      "?from=2043-02-30",
      "?from=2043-05-03&to=2043-05-01",
      "?contract=abc",
      "?format=xml",
      "?limit=1&limit=2",
      "?__proto__=x",
    ]) {
      const answer = await call({ operation: "listEarnings", key: aliceKey, query });
      expect(answer.status, query).toBe(400);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(Object.keys((answer.body as { errors: object }).errors).length, query).toBeGreaterThan(0);
    }
    expect((await call({ operation: "getBalances", key: aliceKey, query: "?x=1" })).status).toBe(400);
  });

  it("answers balances from the ledger", async () => {
    const answer = await call({ operation: "getBalances", key: bobKey });
    expect(answer.status).toBe(200);
    const btc = await db.settlement.aggregate({ where: { contractId: bobContract.id }, _sum: { sats: true } });
    expect(answer.body).toEqual({ usdCents: 0, btcSats: Number(btc._sum.sats) });
  });

  it("places an order from the balance once per Idempotency-Key, even in a burst", async () => {
    const body = JSON.stringify({ product: slug, th: 10, acceptTerms: true });
    const idempotency = { "content-type": "application/json", "idempotency-key": "order-burst-0001" };
    const before = await counts();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call({ operation: "placeOrder", key: aliceKey, headers: idempotency, body })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((answer) => (answer.body as { id: string }).id));
    expect(ids.size).toBe(1);
    const after = await counts();
    expect(after.orders - before.orders).toBe(1);
    expect(after.sold - before.sold).toBe(10);
    const order = answers.find((answer) => answer.status === 201)!.body as { status: string; contractId: string };
    expect(order.status).toBe("paid");
    expect(order.contractId).toBeTruthy();

    const listed = await call({ operation: "listOrders", key: aliceKey });
    expect((listed.body as { data: { id: string }[] }).data.map((row) => row.id)).toContain([...ids][0]);
    const bobs = (await call({ operation: "listOrders", key: bobKey })).body as { data: { id: string }[] };
    expect(bobs.data.map((row) => row.id)).not.toContain([...ids][0]);
    expect(bobs.data).toHaveLength(1); // the order behind Bob's contract

    // The same key for another order is refused, and nothing changes.
    const reused = await call({
      operation: "placeOrder",
      key: aliceKey,
      headers: idempotency,
      body: JSON.stringify({ product: slug, th: 11, acceptTerms: true }),
    });
    expect(reused.status).toBe(422);
    expect(await counts()).toEqual(after);
  });

  it("refuses bad order requests with a problem and changes nothing", async () => {
    const before = await counts();
    const json = { "content-type": "application/json", "idempotency-key": "order-bad-input-01" };
    const cases: { headers: Record<string, string>; body: string; status: number }[] = [
      {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ product: slug, th: 1, acceptTerms: true }),
        status: 400,
      },
      {
        headers: { ...json, "idempotency-key": "short" },
        body: JSON.stringify({ product: slug, th: 1, acceptTerms: true }),
        status: 400,
      },
      {
        headers: { ...json, "idempotency-key": "tab\there-key" },
        body: JSON.stringify({ product: slug, th: 1, acceptTerms: true }),
        status: 400,
      },
      { headers: json, body: "{not json", status: 400 },
      { headers: json, body: JSON.stringify({ product: slug, th: "10", acceptTerms: true }), status: 400 },
      { headers: json, body: JSON.stringify({ product: slug, th: -5, acceptTerms: true }), status: 400 },
      { headers: json, body: JSON.stringify({ product: slug, th: 1.5, acceptTerms: true }), status: 400 },
      { headers: json, body: JSON.stringify({ product: slug, th: 10 }), status: 400 },
      {
        headers: json,
        body: `{"product":"${slug}","th":10,"acceptTerms":true,"__proto__":{"admin":true}}`,
        status: 400,
      },
      { headers: json, body: JSON.stringify({ product: slug, th: 10, acceptTerms: true, totalCents: 1 }), status: 400 },
      { headers: json, body: JSON.stringify({ product: "no-such-plan", th: 10, acceptTerms: true }), status: 422 },
      { headers: json, body: JSON.stringify({ product: slug, th: 10_001, acceptTerms: true }), status: 422 },
      {
        headers: { ...json, "content-type": "text/plain" },
        body: JSON.stringify({ product: slug, th: 1, acceptTerms: true }),
        status: 415,
      },
      {
        headers: json,
        body: JSON.stringify({ product: slug, th: 1, acceptTerms: true, pad: "x".repeat(20_000) }),
        status: 413,
      },
    ];
    for (const [index, attempt] of cases.entries()) {
      const answer = await call({
        operation: "placeOrder",
        key: aliceKey,
        headers: attempt.headers,
        body: attempt.body,
      });
      expect(answer.status, `case ${index}`).toBe(attempt.status);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses keys that are missing, malformed, revoked, expired, out of scope or a staff member's", async () => {
    const { key: readOnly } = await insertApiKey(db, alice.id, ["contracts:read"]);
    const { key: revoked } = await insertApiKey(db, alice.id, API_SCOPES, { revokedAt: new Date() });
    const { key: expired } = await insertApiKey(db, alice.id, API_SCOPES, { expiresAt: new Date(Date.now() - 1000) });
    const admin = await createUser(db, { role: "admin" });
    const { key: staff } = await insertApiKey(db, admin.id, API_SCOPES);
    const closing = await createUser(db);
    const { key: closed } = await insertApiKey(db, closing.id, API_SCOPES);
    await db.user.update({ where: { id: closing.id }, data: { status: "closing" } });

    expect((await call({ operation: "listContracts", key: readOnly })).status).toBe(200);
    const forbidden = await call({ operation: "listEarnings", key: readOnly });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("www-authenticate")).toMatch(/insufficient_scope/);
    const before = await counts();
    const write = await call({
      operation: "placeOrder",
      key: readOnly,
      headers: { "content-type": "application/json", "idempotency-key": "scope-check-0001" },
      body: JSON.stringify({ product: slug, th: 1, acceptTerms: true }),
    });
    expect(write.status).toBe(403);
    expect(await counts()).toEqual(before);

    const forged = aliceKey.slice(0, -1) + (aliceKey.endsWith("A") ? "B" : "A");
    for (const [name, key] of Object.entries({ revoked, expired, staff, closed, forged })) {
      const answer = await call({ operation: "listContracts", key, ip: `198.51.100.${name.length}` });
      expect(answer.status, name).toBe(401);
      expect(answer.headers.get("www-authenticate"), name).toMatch(/invalid_token/);
    }
    for (const authorization of [
      undefined,
      "Basic abc",
      `Bearer ${aliceKey}\tx`,
      `Bearer ${aliceKey} extra`,
      "Bearer ",
    ]) {
      const answer = await call({
        operation: "listContracts",
        headers: authorization === undefined ? {} : { authorization },
        ip: "198.51.100.200",
      });
      expect(answer.status, String(authorization)).toBe(401);
    }
    // A session cookie is no key.
    const cookie = await call({
      operation: "listContracts",
      headers: { cookie: "authjs.session-token=x" },
      ip: "198.51.100.201",
    });
    expect(cookie.status).toBe(401);
  });

  it("stops a revoked key at once", async () => {
    const { key, id } = await insertApiKey(db, bob.id, ["contracts:read"]);
    expect((await call({ operation: "listContracts", key })).status).toBe(200);
    await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    expect((await call({ operation: "listContracts", key })).status).toBe(401);
  });

  it("records when and from where a key was last used, and never stores the key", async () => {
    const { key, id } = await insertApiKey(db, bob.id, ["orders:read"]);
    await call({ operation: "getBalances", key, ip: "203.0.113.9" });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedIp).toBe("203.0.113.9");
    expect(row.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(key.slice(16));
    expect(key.startsWith(row.prefix)).toBe(true);
  });

  it("answers 429 with Retry-After past the per-key limit, and other keys go on", async () => {
    const { key } = await insertApiKey(db, bob.id, ["orders:read"]);
    const { points } = LIMITS.apiRequestsPerKey;
    const answers = await Promise.all(
      Array.from({ length: points + 5 }, () => call({ operation: "getBalances", key })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(points);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect((await call({ operation: "getBalances", key: bobKey })).status).toBe(200);
  });

  it("sends no CORS headers, whatever the origin", async () => {
    const answer = await call({ operation: "getBalances", key: aliceKey, headers: { origin: "https://evil.example" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});

afterAll(() => {
  // Every route was called and every answer was checked against the document.
  for (const operation of Object.values(API_OPERATIONS)) {
    expect(
      seen.get(operation.id)?.has(operation.answer.status),
      `${operation.id} answered ${operation.answer.status}`,
    ).toBe(true);
  }
});
