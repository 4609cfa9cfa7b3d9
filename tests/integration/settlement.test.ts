// Daily settlement through its SQL path: the formula to the satoshi, idempotency under two
// workers, catch-up in order, a missing snapshot reported, and completion after the last day.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { balance } from "@/lib/ledger/ledger";
import { expectedDailySats } from "@/lib/mining/expected-output";
import { advanceContracts } from "@/lib/orders/advance-contracts";
import { contractSettlementLines, settlementCsv } from "@/lib/settlement/queries";
import { daysMissingSnapshot, settleDay, settleDue, settleRange } from "@/lib/settlement/settle";
import { createContract, createProduct, createSnapshot, createUser } from "../support/factories";

const at = (iso: string) => new Date(iso);
const btcOf = (userId: string) => balance(db, { userId, kind: "customer_cash", currency: "BTC" });
const settlementsOf = (contractId: string) =>
  db.settlement.findMany({ where: { contractId }, orderBy: { day: "asc" } });

async function customerWithProduct() {
  const [user, product] = [await createUser(db), await createProduct(db)];
  return { user, product };
}

// Each vector computed independently with exact rationals (Python's fractions):
// floor(th·10¹² · seconds · (S+F) / (D · 2³²) · (1 − bps/10⁴)).
const VECTORS = [
  { th: 110, difficulty: "148200000000000", subsidy: 312_500_000n, fees: 0n, bps: 0, seconds: 86_400, sats: 4_666n },
  {
    th: 100,
    difficulty: "150000000000000.5",
    subsidy: 312_500_000n,
    fees: 25_000_000n,
    bps: 250,
    seconds: 86_400,
    sats: 4_413n,
  },
  {
    th: 1,
    difficulty: "126271255279152.3567",
    subsidy: 312_500_000n,
    fees: 12_345_678n,
    bps: 0,
    seconds: 86_400,
    sats: 51n,
  },
  {
    th: 500,
    difficulty: "148200000000000",
    subsidy: 312_500_000n,
    fees: 18_000_000n,
    bps: 300,
    seconds: 86_400,
    sats: 21_757n,
  },
  // Starts at 06:00: 18 hours of the day.
  { th: 110, difficulty: "148200000000000", subsidy: 312_500_000n, fees: 0n, bps: 0, seconds: 64_800, sats: 3_499n },
  {
    th: 37,
    difficulty: "98765432109876.5432",
    subsidy: 625_000_000n,
    fees: 50_000_000n,
    bps: 175,
    seconds: 86_400,
    sats: 4_997n,
  },
  // Ends at 05:20:34: 19,234 seconds of the day.
  {
    th: 2_000,
    difficulty: "155000000000000",
    subsidy: 312_500_000n,
    fees: 40_000_000n,
    bps: 200,
    seconds: 19_234,
    sats: 19_961n,
  },
];

describe("the settlement formula, through SQL", () => {
  it("credits each vector to the satoshi, with every input on the settlement row", async () => {
    const now = at("2031-02-01T12:00:00Z");
    for (const [index, vector] of VECTORS.entries()) {
      const day = `2031-01-${String(index + 10).padStart(2, "0")}`;
      const { user, product } = await customerWithProduct();
      await createSnapshot(db, day, {
        difficulty: vector.difficulty,
        blockSubsidySats: vector.subsidy,
        feesPerBlockSats: vector.fees,
      });
      const dayStart = at(`${day}T00:00:00Z`).getTime();
      const startsAt = new Date(vector.seconds < 86_400 && index === 4 ? dayStart + 6 * 3_600_000 : dayStart);
      const endsAt = new Date(index === 6 ? dayStart + vector.seconds * 1000 : dayStart + 86_400_000);
      const contract = await createContract(db, {
        userId: user.id,
        productId: product.id,
        th: vector.th,
        poolFeeBps: vector.bps,
        startsAt,
        endsAt,
      });
      const outcome = await settleDay(day, now);
      expect(outcome).toMatchObject({ status: "settled" });
      const [row] = await settlementsOf(contract.id);
      expect(row).toMatchObject({
        sats: vector.sats,
        seconds: vector.seconds,
        th: vector.th,
        poolFeeBps: vector.bps,
        blockSubsidySats: vector.subsidy,
        feesPerBlockSats: vector.fees,
      });
      expect(row!.difficulty.toString()).toBe(vector.difficulty);
      expect(await btcOf(user.id)).toBe(vector.sats);
      if (vector.seconds === 86_400) {
        expect(
          expectedDailySats({
            th: vector.th,
            difficulty: vector.difficulty,
            blockSubsidySats: vector.subsidy,
            feesPerBlockSats: vector.fees,
            poolFeeBps: vector.bps,
          }),
        ).toBe(vector.sats);
      }
    }
  });

  it("agrees with lib/mining/expected-output.ts on many full days", async () => {
    const day = "2031-03-05";
    await createSnapshot(db, day, { difficulty: "113757508810853.1234", feesPerBlockSats: 21_987_654n });
    const { user, product } = await customerWithProduct();
    const contracts = [];
    for (let i = 0; i < 40; i++) {
      const th = 1 + ((i * 7919) % 4_000);
      const poolFeeBps = (i * 137) % 1_001;
      contracts.push({
        th,
        poolFeeBps,
        contract: await createContract(db, {
          userId: user.id,
          productId: product.id,
          th,
          poolFeeBps,
          startsAt: at("2031-03-01T00:00:00Z"),
          endsAt: at("2031-03-20T00:00:00Z"),
        }),
      });
    }
    await settleDay(day, at("2031-03-06T00:10:00Z"));
    // One reward transaction for the customer's day, whatever the number of contracts.
    const transactions = await db.ledgerTransaction.findMany({
      where: {
        kind: "mining_reward",
        day: new Date(`${day}T00:00:00Z`),
        entries: { some: { account: { userId: user.id } } },
      },
      include: { entries: true },
    });
    expect(transactions).toHaveLength(1);
    expect(transactions[0]!.entries).toHaveLength(2);
    // The wallet shows this line as it is: the settlement day is a UTC day, and it says so.
    expect(transactions[0]!.description).toBe(`Mining reward for ${day} (UTC)`);
    let expectedTotal = 0n;
    for (const { th, poolFeeBps, contract } of contracts) {
      const [row] = await db.settlement.findMany({ where: { contractId: contract.id } });
      const expected = expectedDailySats({
        th,
        poolFeeBps,
        difficulty: "113757508810853.1234",
        blockSubsidySats: 312_500_000n,
        feesPerBlockSats: 21_987_654n,
      });
      expect(row?.sats).toBe(expected);
      expectedTotal += expected;
    }
    expect(await btcOf(user.id)).toBe(expectedTotal);
  });
});

describe("idempotency and concurrency", () => {
  it("settling a day twice, and by two workers at once, credits each contract once", async () => {
    const day = "2031-04-02";
    await createSnapshot(db, day);
    const { user, product } = await customerWithProduct();
    const contract = await createContract(db, {
      userId: user.id,
      productId: product.id,
      th: 110,
      startsAt: at("2031-04-01T00:00:00Z"),
      endsAt: at("2031-04-21T00:00:00Z"),
    });
    const now = at("2031-04-03T00:10:00Z");
    const outcomes = await Promise.all([settleDay(day, now), settleDay(day, now)]);
    expect(outcomes.map((o) => (o.status === "settled" ? o.contracts : -1)).sort()).toEqual([0, 1]);
    expect((await settleDay(day, now)).status).toBe("settled");
    expect(await settlementsOf(contract.id)).toHaveLength(1);
    expect(await btcOf(user.id)).toBe(4_666n);
    expect(
      await db.ledgerTransaction.count({
        where: {
          kind: "mining_reward",
          day: new Date(`${day}T00:00:00Z`),
          entries: { some: { account: { userId: user.id } } },
        },
      }),
    ).toBe(1);
  });

  it("refuses to settle a day that has not ended", async () => {
    expect(await settleDay("2031-04-05", at("2031-04-05T23:59:00Z"))).toEqual({
      day: "2031-04-05",
      status: "not_over",
    });
  });
});

describe("catch-up", () => {
  it("settles three missed days in order and reports a day without a snapshot instead of guessing", async () => {
    const { user, product } = await customerWithProduct();
    const contract = await createContract(db, {
      userId: user.id,
      productId: product.id,
      th: 110,
      startsAt: at("2032-05-01T00:00:00Z"),
      endsAt: at("2032-05-05T00:00:00Z"),
    });
    await createSnapshot(db, "2032-05-01");
    await createSnapshot(db, "2032-05-02", { difficulty: "150000000000000" });
    await createSnapshot(db, "2032-05-03", { feesPerBlockSats: 10_000_000n });
    // 2032-05-04 has no snapshot.
    const summary = await settleDue(at("2032-05-05T00:10:00Z"));
    // Other tests' contracts in this database wait on days without snapshots too.
    expect(summary.skippedDays).toBeGreaterThanOrEqual(1);
    const rows = await settlementsOf(contract.id);
    expect(rows.map((row) => row.day.toISOString().slice(0, 10))).toEqual(["2032-05-01", "2032-05-02", "2032-05-03"]);
    // Written in day order.
    const created = rows.map((row) => row.createdAt.getTime());
    expect([...created].sort((a, b) => a - b)).toEqual(created);
    expect(await daysMissingSnapshot(at("2032-05-05T00:10:00Z"))).toContain("2032-05-04");
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("active");

    // The admin adds the day; the next run credits it and completes the contract.
    await createSnapshot(db, "2032-05-04");
    await settleDue(at("2032-05-06T00:10:00Z"));
    expect(await settlementsOf(contract.id)).toHaveLength(4);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("completed");
    expect(await daysMissingSnapshot(at("2032-05-06T00:10:00Z"))).not.toContain("2032-05-04");
  });

  it("never lets the advance job complete a contract with unsettled days; settles completed ones on the first run", async () => {
    const { user, product } = await customerWithProduct();
    const open = await createContract(db, {
      userId: user.id,
      productId: product.id,
      th: 10,
      startsAt: at("2033-06-01T00:00:00Z"),
      endsAt: at("2033-06-03T00:00:00Z"),
    });
    const legacy = await createContract(db, {
      userId: user.id,
      productId: product.id,
      th: 10,
      status: "completed",
      startsAt: at("2033-06-01T00:00:00Z"),
      endsAt: at("2033-06-02T00:00:00Z"),
    });
    await advanceContracts(at("2033-06-04T00:00:00Z"));
    expect((await db.contract.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("active");
    await createSnapshot(db, "2033-06-01");
    await createSnapshot(db, "2033-06-02");
    await settleDue(at("2033-06-04T00:10:00Z"));
    expect(await settlementsOf(open.id)).toHaveLength(2);
    expect(await settlementsOf(legacy.id)).toHaveLength(1);
    expect((await db.contract.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("completed");
  });

  it("settles a range from the command's entry point", async () => {
    const { user, product } = await customerWithProduct();
    const contract = await createContract(db, {
      userId: user.id,
      productId: product.id,
      th: 110,
      startsAt: at("2034-01-01T00:00:00Z"),
      endsAt: at("2034-01-03T00:00:00Z"),
    });
    await createSnapshot(db, "2034-01-01");
    await createSnapshot(db, "2034-01-02");
    const outcomes = await settleRange("2034-01-01", "2034-01-02", at("2034-02-01T00:00:00Z"));
    expect(outcomes.map((o) => o.status)).toEqual(["settled", "settled"]);
    expect(await btcOf(user.id)).toBe(9_332n);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("completed");
  });
});

describe("the settlement CSV", () => {
  it("lists every input and output of each day, corrections after their day, formulas defused", async () => {
    const { user, product } = await customerWithProduct();
    const contract = await createContract(db, {
      userId: user.id,
      productId: product.id,
      th: 110,
      startsAt: at("2034-03-01T00:00:00Z"),
      endsAt: at("2034-03-03T00:00:00Z"),
    });
    await createSnapshot(db, "2034-03-01", { btcPriceCents: 9_500_000n });
    await settleDay("2034-03-01", at("2034-03-02T00:10:00Z"));
    const csv = settlementCsv(await contractSettlementLines(contract.id));
    expect(csv.split("\r\n")).toEqual([
      "date,kind,hashrate_th,seconds_mined,difficulty,btc_price_usd,block_subsidy_sats,fees_per_block_sats,gross_sats,pool_fee_bps,pool_fee_sats,net_sats,credited_sats,usd_value,note",
      "2034-03-01,settlement,110,86400,148200000000000,95000.00,312500000,0,4666,0,0,4666,4666,4.43,",
      "",
    ]);
    const hostile = settlementCsv([
      { ...(await contractSettlementLines(contract.id))[0]!, kind: "correction", reason: '=HYPERLINK("x"),1' },
    ]);
    expect(hostile).toContain(`"'=HYPERLINK(""x""),1"`);
  });
});
