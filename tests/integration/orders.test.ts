// Buying hashrate against a real database: no overselling under concurrency (also across two
// processes), idempotent placement, balance payments through the ledger, reservation expiry.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { creditBalance } from "@/lib/ledger/credit-balance";
import { balance, customerUsd, postTransaction } from "@/lib/ledger/ledger";
import { contractWindow } from "@/lib/orders/contracts";
import { expireReservations } from "@/lib/orders/expire-reservations";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { NOT_ENOUGH_LEFT, placeOrder } from "@/lib/orders/place-order";
import { payWithBalance } from "@/lib/orders/pay-with-balance";
import { createProduct, createUser } from "../support/factories";

const run = promisify(execFile);
const request = { ip: "192.0.2.20", userAgent: "vitest" };
const key = () => `key-${Math.random().toString(36).slice(2)}`;
const buyers = (count: number) => Promise.all(Array.from({ length: count }, () => createUser(db)));

type Attempt = { ok: boolean; th: number; error?: string };

async function race(slug: string, users: { id: string }[], sizes: number[]): Promise<Attempt[]> {
  return Promise.all(
    users.map(async (user, index): Promise<Attempt> => {
      const th = sizes[index]!;
      try {
        await placeOrder({ userId: user.id, slug, th, paymentMethod: "balance", idempotencyKey: key() });
        return { ok: true, th };
      } catch (error) {
        return { ok: false, th, error: error instanceof UserError ? error.message : String(error) };
      }
    }),
  );
}

function checkNoOversell(results: Attempt[], soldTh: number, inventory: number) {
  const accepted = results.filter((result) => result.ok).reduce((sum, result) => sum + result.th, 0);
  expect(soldTh).toBe(accepted);
  expect(soldTh).toBeLessThanOrEqual(inventory);
  for (const refused of results.filter((result) => !result.ok))
    expect(refused.error).toMatch(new RegExp(`^${NOT_ENOUGH_LEFT}`));
  return accepted;
}

describe("placing orders", () => {
  it("never oversells: 200 concurrent orders of 1–5 TH for 150 TH left", async () => {
    const product = await createProduct(db, { inventoryTh: 1_150, soldTh: 1_000 });
    const users = await buyers(200);
    const sizes = users.map((_, index) => 1 + (index % 5));
    const results = await race(product.slug, users, sizes);
    const { soldTh } = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    const accepted = checkNoOversell(results, soldTh - 1_000, 150);
    expect(accepted).toBeGreaterThan(140); // the race really filled it
    expect(results.some((result) => !result.ok)).toBe(true);
    expect(await db.order.count({ where: { productId: product.id } })).toBe(
      results.filter((result) => result.ok).length,
    );
  });

  it("never oversells across two app processes sharing the database", async () => {
    const product = await createProduct(db, { inventoryTh: 150 });
    const users = await buyers(200);
    const sizes = users.map((_, index) => 1 + ((index * 7) % 5));
    const worker = run(
      process.execPath,
      [
        path.resolve("node_modules/tsx/dist/cli.mjs"),
        "--conditions=react-server",
        "--tsconfig",
        "tsconfig.json",
        "tests/support/order-race-worker.ts",
        product.slug,
        ...users.slice(100).map((user, index) => `${user.id}:${sizes[100 + index]}`),
      ],
      { env: process.env, maxBuffer: 10_000_000 },
    );
    const [here, there] = await Promise.all([race(product.slug, users.slice(0, 100), sizes.slice(0, 100)), worker]);
    const results = [...here, ...(JSON.parse(there.stdout.trim().split("\n").at(-1)!) as Attempt[])];
    expect(results).toHaveLength(200);
    const { soldTh } = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    checkNoOversell(results, soldTh, 150);
    expect(soldTh).toBeGreaterThan(140);
  });

  it("gives back the same order for the same idempotency key, even twice at once", async () => {
    const product = await createProduct(db);
    const [user] = await buyers(1);
    const input = {
      userId: user!.id,
      slug: product.slug,
      th: 10,
      paymentMethod: "balance" as const,
      idempotencyKey: key(),
    };
    const [first, second] = await Promise.all([placeOrder(input), placeOrder(input)]);
    expect(first.orderId).toBe(second.orderId);
    expect(await db.order.count({ where: { userId: user!.id } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(10);

    // A repeat of an order that took the last TH gives the order back, not "sold out".
    const last = await createProduct(db, { inventoryTh: 10 });
    const lastInput = { ...input, slug: last.slug, idempotencyKey: key() };
    const bought = await placeOrder(lastInput);
    expect(await placeOrder(lastInput)).toEqual({ orderId: bought.orderId, created: false });
  });

  it.each([
    ["negative TH", -5],
    ["zero TH", 0],
    ["fractional TH", 2.5],
    ["huge TH", 10 ** 12],
    ["not a number", Number.NaN],
  ])("refuses %s and writes nothing", async (_name, th) => {
    const product = await createProduct(db);
    const [user] = await buyers(1);
    await expect(
      placeOrder({ userId: user!.id, slug: product.slug, th, paymentMethod: "balance", idempotencyKey: key() }),
    ).rejects.toThrow(/Choose between 1 and 1,000 TH/);
    expect(await db.order.count({ where: { userId: user!.id } })).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(0);
  });

  it("refuses archived and unknown plans, unconfirmed emails, and more than $1,000 without KYC", async () => {
    const archived = await createProduct(db, { status: "archived" });
    const [user] = await buyers(1);
    const order = (slug: string, th = 10) =>
      placeOrder({ userId: user!.id, slug, th, paymentMethod: "balance", idempotencyKey: key() });
    await expect(order(archived.slug)).rejects.toThrow(/not on sale/);
    const soldOut = await createProduct(db, { status: "sold_out" });
    await expect(order(soldOut.slug)).rejects.toThrow(/not on sale/);
    const full = await createProduct(db, { inventoryTh: 100, soldTh: 95 });
    await expect(order(full.slug, 10)).rejects.toThrow(/Not enough hashrate left: 5 TH remain/);
    await expect(order("no-such-plan")).rejects.toThrow(/not on sale/);
    const unverified = await createUser(db, { verified: false });
    const open = await createProduct(db);
    await expect(
      placeOrder({ userId: unverified.id, slug: open.slug, th: 10, paymentMethod: "balance", idempotencyKey: key() }),
    ).rejects.toThrow(/Confirm your email/);
    await expect(order(open.slug, 1_000)).rejects.toThrow(/need a verified identity/); // 1,000 TH × $1.05 = $1,050
    expect(await db.order.count({ where: { userId: { in: [user!.id, unverified.id] } } })).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: full.id } })).soldTh).toBe(95);
  });
});

describe("limits on unpaid orders", () => {
  it("refuses a fourth open unpaid order with a clear message, and accepts it once one is cancelled", async () => {
    const product = await createProduct(db);
    const [user] = await buyers(1);
    const order = () =>
      placeOrder({ userId: user!.id, slug: product.slug, th: 5, paymentMethod: "card", idempotencyKey: key() });
    const [first] = [await order(), await order(), await order()];
    await expect(order()).rejects.toThrow("You have 3 unpaid orders. Pay or cancel one before placing another.");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(15);
    await cancelOrder(first!.orderId, user!.id);
    await expect(order()).resolves.toMatchObject({ created: true });
  });

  it("holds the cap when four orders are placed at once", async () => {
    const product = await createProduct(db);
    const [user] = await buyers(1);
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() =>
        placeOrder({ userId: user!.id, slug: product.slug, th: 5, paymentMethod: "card", idempotencyKey: key() }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    expect(await db.order.count({ where: { userId: user!.id } })).toBe(3);
  });

  it("rate-limits placing orders per account", async () => {
    const product = await createProduct(db);
    const [user] = await buyers(1);
    for (let attempt = 0; attempt < 10; attempt++) {
      const { orderId } = await placeOrder({
        userId: user!.id,
        slug: product.slug,
        th: 1,
        paymentMethod: "card",
        idempotencyKey: key(),
      });
      await cancelOrder(orderId, user!.id);
    }
    await expect(
      placeOrder({ userId: user!.id, slug: product.slug, th: 1, paymentMethod: "card", idempotencyKey: key() }),
    ).rejects.toThrow(/Too many attempts/);
  });
});

describe("paying from the balance", () => {
  it("debits exactly the total, marks the order paid and schedules the contract for 00:00 UTC tomorrow", async () => {
    const product = await createProduct(db);
    const [customer, admin] = [await createUser(db), await createUser(db, { role: "admin" })];
    await creditBalance(admin, customer.id, 50_000n, "Wire 2026-11-25", request);
    const { orderId } = await placeOrder({
      userId: customer.id,
      slug: product.slug,
      th: 100,
      paymentMethod: "balance",
      idempotencyKey: key(),
    });
    const paidAt = new Date("2026-11-25T15:30:00Z");
    await payWithBalance(orderId, customer.id, new Date(Date.now()));
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { contract: true } });
    expect(order.status).toBe("paid");
    expect(order.totalCents).toBe(10_500);
    expect(await balance(db, customerUsd(customer.id))).toBe(50_000n - 10_500n);
    expect(order.contract?.status).toBe("scheduled");
    const window = contractWindow(paidAt, 1, 20);
    expect(window.startsAt.toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(window.endsAt.toISOString()).toBe("2026-12-16T00:00:00.000Z");
    const today = new Date();
    expect(order.contract!.startsAt.toISOString()).toBe(
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1)).toISOString(),
    );
    await expect(payWithBalance(orderId, customer.id)).rejects.toThrow(/already paid/);
  });

  it("refuses when the balance is short, another customer's order, and two payments racing for one balance", async () => {
    const product = await createProduct(db);
    const [customer, other, admin] = [
      await createUser(db),
      await createUser(db),
      await createUser(db, { role: "admin" }),
    ];
    const first = await placeOrder({
      userId: customer.id,
      slug: product.slug,
      th: 100,
      paymentMethod: "balance",
      idempotencyKey: key(),
    });
    await expect(payWithBalance(first.orderId, customer.id)).rejects.toThrow(
      /Your balance is \$0\.00; this order needs \$105\.00/,
    );
    await expect(payWithBalance(first.orderId, other.id)).rejects.toThrow(/does not exist/);

    await creditBalance(admin, customer.id, 15_000n, "enough for one", request);
    const second = await placeOrder({
      userId: customer.id,
      slug: product.slug,
      th: 100,
      paymentMethod: "balance",
      idempotencyKey: key(),
    });
    const outcomes = await Promise.allSettled([
      payWithBalance(first.orderId, customer.id),
      payWithBalance(second.orderId, customer.id),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await balance(db, customerUsd(customer.id))).toBe(4_500n);
  });
});

describe("reservations", () => {
  it("expire after 30 minutes, give their TH back, and cannot be paid afterwards", async () => {
    const product = await createProduct(db);
    const [customer, admin] = [await createUser(db), await createUser(db, { role: "admin" })];
    await creditBalance(admin, customer.id, 100_000n, "test", request);
    const placedAt = new Date(Date.now() - 31 * 60_000);
    const { orderId } = await placeOrder(
      { userId: customer.id, slug: product.slug, th: 40, paymentMethod: "balance", idempotencyKey: key() },
      placedAt,
    );
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(40);
    expect(await expireReservations()).toBeGreaterThanOrEqual(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("expired");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(0);
    expect(await expireReservations()).toBe(0); // idempotent
    await expect(payWithBalance(orderId, customer.id)).rejects.toThrow(/expired and can no longer be paid/);
  });
});

describe("the ledger", () => {
  it("property: random top-ups, purchases and refunds always balance, and balances are sums of entries", async () => {
    const [customer] = await buyers(1);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom("top_up", "purchase", "refund" as const),
            cents: fc.bigInt({ min: 1n, max: 1_000_000n }),
          }),
          { minLength: 1, maxLength: 15 },
        ),
        async (moves) => {
          await db.$transaction(async (tx) => {
            for (const move of moves) {
              const [from, to] =
                move.kind === "top_up"
                  ? [{ kind: "stripe_clearing", currency: "USD" } as const, customerUsd(customer!.id)]
                  : move.kind === "purchase"
                    ? [customerUsd(customer!.id), { kind: "platform_revenue", currency: "USD" } as const]
                    : [{ kind: "platform_revenue", currency: "USD" } as const, customerUsd(customer!.id)];
              await postTransaction(tx, {
                kind: move.kind,
                description: move.kind,
                postings: [
                  { account: from, amount: -move.cents },
                  { account: to, amount: move.cents },
                ],
              });
            }
          });
        },
      ),
      { numRuns: 25 },
    );
    const unbalanced = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT e."transactionId", a.currency FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId"
        GROUP BY 1, 2 HAVING SUM(e.amount) <> 0) t`;
    expect(unbalanced[0]!.n).toBe(0n);
    const expected = await db.ledgerEntry.aggregate({
      where: { account: { userId: customer!.id } },
      _sum: { amount: true },
    });
    expect(await balance(db, customerUsd(customer!.id))).toBe(expected._sum.amount);
    await expect(
      db.$transaction((tx) =>
        postTransaction(tx, {
          kind: "top_up",
          description: "bad",
          postings: [{ account: customerUsd(customer!.id), amount: 5n }],
        }),
      ),
    ).rejects.toThrow(/off by 5/);
  });
});
