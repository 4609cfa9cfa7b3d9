// The ledger under settlement and re-settlement: corrections never edit what was posted, every
// currency sums to zero, and a customer's BTC balance is exactly the output settled for them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { balance } from "@/lib/ledger/ledger";
import { saveSnapshot } from "@/lib/market/manage-snapshot";
import { settleDay } from "@/lib/settlement/settle";
import { snapshotInput } from "@/lib/validation/market";
import { createContract, createProduct, createSnapshot, createUser } from "../support/factories";

const request = { ip: "192.0.2.50", userAgent: "vitest" };
const btcOf = (userId: string) => balance(db, { userId, kind: "customer_cash", currency: "BTC" });
const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");

async function currencyTotals() {
  return db.$queryRaw<{ currency: string; total: bigint }[]>`
    SELECT a.currency::text, SUM(e.amount)::bigint AS total
    FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" GROUP BY a.currency`;
}

/** What each settlement of the user holds now: its latest correction's output, or its own. */
async function settledFor(userId: string): Promise<bigint> {
  const rows = await db.settlement.findMany({
    where: { contract: { userId } },
    include: { corrections: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return rows.reduce((total, row) => total + (row.corrections[0]?.sats ?? row.sats), 0n);
}

describe("re-settling a corrected day", () => {
  it("refuses a correction of a settled day unless asked to re-settle, then posts the difference", async () => {
    const admin = await createUser(db, { role: "admin" });
    const [user, product] = [await createUser(db), await createProduct(db)];
    const contract = await createContract(db, {
      userId: user.id,
      productId: product.id,
      th: 110,
      startsAt: new Date("2039-01-01T00:00:00Z"),
      endsAt: new Date("2039-01-03T00:00:00Z"),
    });
    await createSnapshot(db, "2039-01-01");
    await settleDay("2039-01-01", FAR_FUTURE);
    expect(await btcOf(user.id)).toBe(4_666n);
    const form = {
      day: "2039-01-01",
      difficulty: "74100000000000",
      btcPriceUsd: "95000",
      blockSubsidySats: "312500000",
      feesPerBlockSats: "0",
      reason: "Difficulty was entered twice too high",
    };
    await expect(saveSnapshot(admin, snapshotInput.parse(form), request)).rejects.toBeInstanceOf(UserError);
    expect(await btcOf(user.id)).toBe(4_666n);
    expect(
      (await db.marketSnapshot.findFirstOrThrow({ where: { day: new Date("2039-01-01") } })).difficulty.toString(),
    ).toBe("148200000000000");

    const outcome = await saveSnapshot(admin, snapshotInput.parse({ ...form, resettle: "on" }), request);
    expect(outcome).toMatchObject({ corrected: 1, deltaSats: 4_666n });
    expect(await btcOf(user.id)).toBe(9_332n);
    const settlement = await db.settlement.findFirstOrThrow({
      where: { contractId: contract.id },
      include: { corrections: true },
    });
    expect(settlement.sats).toBe(4_666n);
    expect(settlement.corrections).toEqual([expect.objectContaining({ sats: 9_332n, deltaSats: 4_666n })]);
    expect(await db.auditLog.count({ where: { action: "market.correct", targetId: "2039-01-01" } })).toBe(1);
  });

  it("refuses hostile market input with field errors", () => {
    for (const hostile of [
      {
        day: "2039-02-30",
        difficulty: "1",
        btcPriceUsd: "1",
        blockSubsidySats: "1",
        feesPerBlockSats: "0",
        reason: "why",
      },
      {
        day: "2039-02-01",
        difficulty: "-5",
        btcPriceUsd: "1",
        blockSubsidySats: "1",
        feesPerBlockSats: "0",
        reason: "why",
      },
      {
        day: "2039-02-01",
        difficulty: "1e9",
        btcPriceUsd: "1",
        blockSubsidySats: "1",
        feesPerBlockSats: "0",
        reason: "why",
      },
      {
        day: "2039-02-01",
        difficulty: "1",
        btcPriceUsd: "0",
        blockSubsidySats: "1",
        feesPerBlockSats: "0",
        reason: "why",
      },
      {
        day: "2039-02-01",
        difficulty: "1",
        btcPriceUsd: "1",
        blockSubsidySats: "99999999999999999999",
        feesPerBlockSats: "0",
        reason: "why",
      },
      {
        day: "2039-02-01",
        difficulty: "1",
        btcPriceUsd: "1",
        blockSubsidySats: "1",
        feesPerBlockSats: "1",
        reason: "",
      },
      {
        day: "'; DROP TABLE x; --",
        difficulty: "1",
        btcPriceUsd: "1",
        blockSubsidySats: "1",
        feesPerBlockSats: "1",
        reason: "why",
      },
    ]) {
      const result = snapshotInput.safeParse(hostile);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path.length).toBeGreaterThan(0);
    }
  });
});

describe("ledger property", () => {
  it("after any sequence of settlements and re-settlements every currency sums to zero and balances equal settled output", async () => {
    const admin = await createUser(db, { role: "admin" });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom("settle", "correct"),
            dayIndex: fc.integer({ min: 0, max: 3 }),
            difficultyT: fc.integer({ min: 50, max: 300 }),
            fees: fc.integer({ min: 0, max: 50_000_000 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (operations) => {
          run += 1;
          const year = 2050 + Math.floor(run / 12);
          const days = [1, 2, 3, 4].map((d) => `${year}-${String((run % 12) + 1).padStart(2, "0")}-0${d}`);
          const product = await createProduct(db);
          const users = [await createUser(db), await createUser(db)];
          for (const [index, user] of users.entries())
            await createContract(db, {
              userId: user.id,
              productId: product.id,
              th: 50 + index * 333,
              poolFeeBps: index * 250,
              startsAt: new Date(`${days[0]}T00:00:00Z`),
              endsAt: new Date(`${days[3]}T12:00:00Z`),
            });
          for (const day of days) await createSnapshot(db, day);
          for (const op of operations) {
            const day = days[op.dayIndex]!;
            if (op.kind === "settle") await settleDay(day, FAR_FUTURE);
            else
              await saveSnapshot(
                admin,
                snapshotInput.parse({
                  day,
                  difficulty: `${op.difficultyT}000000000000`,
                  btcPriceUsd: "90000",
                  blockSubsidySats: "312500000",
                  feesPerBlockSats: String(op.fees),
                  reason: "property test",
                  resettle: "on",
                }),
                request,
              );
          }
          for (const total of await currencyTotals()) expect(total.total).toBe(0n);
          for (const user of users) expect(await btcOf(user.id)).toBe(await settledFor(user.id));
        },
      ),
      { numRuns: 12 },
    );
  });
});
