// The dashboard's figures for a customer, read from the database as the page reads them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { miningSummary } from "@/lib/settlement/queries";
import { settleRange } from "@/lib/settlement/settle";
import { createContract, createProduct, createSnapshot, createUser } from "../support/factories";

describe("the dashboard's mining summary", () => {
  it("values the balance at the newest snapshot up to today, never one dated ahead", async () => {
    const user = await createUser(db);
    const now = new Date("2041-03-10T15:00:00Z");
    await createSnapshot(db, "2041-03-09", { btcPriceCents: 7_000_000n });
    await createSnapshot(db, "2041-03-11", { btcPriceCents: 1n }); // entered ahead of time
    const summary = await miningSummary(user.id, now);
    expect(summary.btcPriceCents).toBe(7_000_000n);
    expect(summary.contracts).toBe(0);
    expect(summary.btcSats).toBe(0n);
  });

  it("sums the customer's own contracts only: active TH, how many, and output per day and in total", async () => {
    const product = await createProduct(db, { inventoryTh: 10_000 });
    const [user, other] = [await createUser(db), await createUser(db)];
    const term = { productId: product.id, startsAt: new Date("2042-06-01T00:00:00Z") };
    const active = await createContract(db, {
      ...term,
      userId: user.id,
      th: 120,
      endsAt: new Date("2042-06-10T00:00:00Z"),
    });
    await createContract(db, { ...term, userId: user.id, th: 30, endsAt: new Date("2042-06-04T00:00:00Z") });
    await createContract(db, { ...term, userId: other.id, th: 500, endsAt: new Date("2042-06-30T00:00:00Z") });
    for (const day of ["2042-06-01", "2042-06-02", "2042-06-03", "2042-06-04", "2042-06-05"])
      await createSnapshot(db, day);
    await settleRange("2042-06-01", "2042-06-05", new Date("2042-06-06T00:10:00Z"));
    await db.contract.updateMany({
      where: { userId: user.id, endsAt: { lte: new Date("2042-06-04T00:00:00Z") } },
      data: { status: "completed" },
    });

    const summary = await miningSummary(user.id, new Date("2042-06-06T15:00:00Z"));
    const own = await db.settlement.findMany({
      where: { contract: { userId: user.id } },
      select: { day: true, sats: true },
    });
    const total = own.reduce((sum, row) => sum + row.sats, 0n);
    const on = (day: string) =>
      own.filter((row) => row.day.toISOString().startsWith(day)).reduce((sum, row) => sum + row.sats, 0n);

    expect(total).toBeGreaterThan(0n);
    expect(summary.activeTh).toBe(120);
    expect(summary.contracts).toBe(2);
    expect(summary.totalSats).toBe(total);
    expect(summary.yesterdaySats).toBe(on("2042-06-05"));
    expect(summary.daily).toHaveLength(30);
    expect(summary.daily.find((point) => point.day === "2042-06-02")?.sats).toBe(on("2042-06-02"));
    expect(summary.endingSoon.map((contract) => contract.id)).toEqual([active.id]); // ends in 4 days
  });
});
