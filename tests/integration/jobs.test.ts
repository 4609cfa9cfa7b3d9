// Background jobs: the work itself (set-based, idempotent) and its running on pg-boss.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { JOBS } from "@/lib/jobs/schedules";
import { purgeExpired } from "@/lib/auth/purge-expired";
import { advanceContracts } from "@/lib/orders/advance-contracts";
import { placeOrder } from "@/lib/orders/place-order";
import { settleRange } from "@/lib/settlement/settle";
import { createProduct, createSnapshot, createUser } from "../support/factories";

afterAll(async () => {
  await stopJobs();
});

describe("contract lifecycle", () => {
  it("starts scheduled contracts at their start and completes them only once every day is settled", async () => {
    const product = await createProduct(db);
    const user = await createUser(db);
    const { orderId } = await placeOrder({
      userId: user.id,
      slug: product.slug,
      th: 10,
      paymentMethod: "balance",
      idempotencyKey: `k-${Math.random()}`,
    });
    await db.order.update({ where: { id: orderId }, data: { status: "paid", paidAt: new Date() } });
    const contract = await db.contract.create({
      data: {
        orderId,
        userId: user.id,
        productId: product.id,
        th: 10,
        poolFeeBps: 250,
        startsAt: new Date("2026-01-02T00:00:00Z"),
        endsAt: new Date("2026-01-22T00:00:00Z"),
      },
    });
    const status = async () => (await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).status;
    await advanceContracts(new Date("2026-01-01T23:59:59Z"));
    expect(await status()).toBe("scheduled");
    await advanceContracts(new Date("2026-01-02T00:00:00Z"));
    expect(await status()).toBe("active");
    await advanceContracts(new Date("2026-01-21T12:00:00Z"));
    expect(await status()).toBe("active");
    // Ended but not settled: still active, output is owed.
    await advanceContracts(new Date("2026-01-22T00:00:00Z"));
    expect(await status()).toBe("active");
    for (let day = 2; day <= 21; day++) await createSnapshot(db, `2026-01-${String(day).padStart(2, "0")}`);
    await settleRange("2026-01-02", "2026-01-21", new Date("2026-01-21T12:00:00Z"));
    expect(await status()).toBe("active");
    await settleRange("2026-01-21", "2026-01-21", new Date("2026-01-22T00:10:00Z"));
    expect(await status()).toBe("completed");
    await advanceContracts(new Date("2026-02-01T00:00:00Z"));
    expect(await status()).toBe("completed");
  });
});

describe("purging expired records", () => {
  it("drops ended rate-limit windows and week-old dead email links, nothing else", async () => {
    const user = await createUser(db);
    const now = new Date();
    await db.rateLimit.createMany({
      data: [
        { key: `test:ended:${user.id}`, points: 3, expire: BigInt(now.getTime() - 1_000) },
        { key: `test:running:${user.id}`, points: 3, expire: BigInt(now.getTime() + 60_000) },
      ],
    });
    await db.emailToken.createMany({
      data: [
        {
          userId: user.id,
          purpose: "verify_email",
          tokenHash: `old-${user.id}`,
          expiresAt: new Date(now.getTime() - 8 * 86_400_000),
        },
        {
          userId: user.id,
          purpose: "verify_email",
          tokenHash: `recent-${user.id}`,
          expiresAt: new Date(now.getTime() - 86_400_000),
        },
      ],
    });
    const result = await purgeExpired(now);
    expect(result.rateLimits).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.findUnique({ where: { key: `test:ended:${user.id}` } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: `test:running:${user.id}` } })).not.toBeNull();
    expect((await db.emailToken.findMany({ where: { userId: user.id } })).map((token) => token.tokenHash)).toEqual([
      `recent-${user.id}`,
    ]);
  });
});

describe("pg-boss", () => {
  it("runs a queued job: an expired reservation is released by the worker", async () => {
    const product = await createProduct(db);
    const user = await createUser(db);
    const { orderId } = await placeOrder(
      { userId: user.id, slug: product.slug, th: 25, paymentMethod: "balance", idempotencyKey: `k-${Math.random()}` },
      new Date(Date.now() - 40 * 60_000),
    );
    const boss = await startJobs(process.env.DATABASE_URL!);
    const schedules = await boss.getSchedules();
    expect(schedules.map((schedule) => schedule.name).sort()).toEqual(Object.keys(JOBS).sort());
    await boss.send("expire-reservations", {});
    await expect
      .poll(async () => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status, {
        timeout: 20_000,
        interval: 250,
      })
      .toBe("expired");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(0);
  });
});
