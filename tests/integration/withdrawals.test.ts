// BTC withdrawals against a real PostgreSQL: what refuses a request (and holds nothing), the hold
// under concurrency, approval, payout and rejection in the ledger, four eyes above the threshold,
// and a property: whatever happens, the ledger balances and customers keep what they were credited
// minus what was paid out.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { balance, customerBtc, customerHeldBtc } from "@/lib/ledger/ledger";
import { decideWithdrawal } from "@/lib/withdrawals/decide-withdrawal";
import { setPayoutAddress } from "@/lib/withdrawals/payout-address";
import { holdWithdrawal, requestWithdrawal } from "@/lib/withdrawals/request-withdrawal";
import { MIN_WITHDRAWAL_SATS, WITHDRAWAL_FOUR_EYES_SATS, WITHDRAWAL_NETWORK_FEE_SATS } from "@/lib/withdrawals/rules";
import { createUser, creditBtc, enableTotpFor, freshTotp, withdrawingCustomer } from "../support/factories";

const request = { ip: "192.0.2.40", userAgent: "vitest" };
const TXID = "a".repeat(64);
const platform = (kind: "withdrawal_payout" | "network_fees") => balance(db, { kind, currency: "BTC" });

async function ledgerOf(userId: string) {
  return { cash: await balance(db, customerBtc(userId)), held: await balance(db, customerHeldBtc(userId)) };
}

async function admin() {
  const user = await createUser(db, { role: "admin" });
  await enableTotpFor(db, user.id);
  return user;
}

describe("payout address", () => {
  it("needs a fresh code, starts a 24-hour hold, is logged and emailed", async () => {
    const user = await createUser(db);
    const secret = await enableTotpFor(db, user.id);
    const me = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const now = new Date("2026-11-20T10:00:00Z");
    const code = await freshTotp(db, user.id, secret);
    await setPayoutAddress(me, { address: "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", code }, request, now);
    const saved = await db.payoutAddress.findUniqueOrThrow({ where: { userId: user.id } });
    expect(saved).toMatchObject({ address: "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", network: "mainnet" });
    expect(saved.withdrawalsFrom.toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(await db.activityEvent.count({ where: { userId: user.id, type: "payout_address_set" } })).toBe(1);
    expect(await db.auditLog.count({ where: { targetId: user.id, action: "security.payout_address_set" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: user.email, subject: "Your BTC payout address was set" } })).toBe(
      1,
    );

    // The same code again is refused, and so is an address of another network.
    await expect(
      setPayoutAddress(me, { address: "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", code }, request, now),
    ).rejects.toThrow(/not valid \(or was already used\)/);
    await expect(
      setPayoutAddress(
        me,
        { address: "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", code: await freshTotp(db, user.id, secret) },
        request,
      ),
    ).rejects.toThrow(/for Bitcoin testnet/);
    await expect(
      setPayoutAddress(
        me,
        { address: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx", code: await freshTotp(db, user.id, secret) },
        request,
      ),
    ).rejects.toThrow(/not a valid Bitcoin address/);
    expect((await db.payoutAddress.findUniqueOrThrow({ where: { userId: user.id } })).address).toBe(
      "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    );
  });

  it("cannot be set without two-factor authentication", async () => {
    const user = await createUser(db);
    await expect(
      setPayoutAddress(user, { address: "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", code: "123456" }, request),
    ).rejects.toThrow(/Turn on two-factor/);
    expect(await db.payoutAddress.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("requesting a withdrawal", () => {
  it("holds the amount at once and records it for the customer and staff", async () => {
    const { user, secret } = await withdrawingCustomer(db, { sats: 200_000n });
    const { withdrawalId } = await requestWithdrawal(
      user,
      { amountSats: 150_000n, code: await freshTotp(db, user.id, secret!) },
      request,
    );
    expect(await ledgerOf(user.id)).toEqual({ cash: 50_000n, held: 150_000n });
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: withdrawalId } })).toMatchObject({
      status: "requested",
      amountSats: 150_000n,
      networkFeeSats: WITHDRAWAL_NETWORK_FEE_SATS,
      address: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    });
    expect(await db.auditLog.count({ where: { targetId: withdrawalId, action: "withdrawal.requested" } })).toBe(1);
    expect(await db.activityEvent.count({ where: { userId: user.id, type: "withdrawal_requested" } })).toBe(1);
    expect(
      await db.outboxEmail.count({ where: { to: user.email, subject: "Your withdrawal request was received" } }),
    ).toBe(1);
  });

  type Case = [string, Parameters<typeof withdrawingCustomer>[1], bigint, RegExp, ("fresh" | "wrong" | "replayed")?];
  const refusals: Case[] = [
    ["without an approved identity", { kyc: false }, 100_000n, /verified identity/],
    ["without two-factor authentication", { totp: false }, 100_000n, /need two-factor/],
    ["with a wrong code", {}, 100_000n, /not valid/, "wrong"],
    ["with a replayed code", {}, 100_000n, /already used/, "replayed"],
    ["below the minimum", {}, MIN_WITHDRAWAL_SATS - 1n, /smallest withdrawal is 0.00050000 BTC/],
    ["above the balance", { sats: 100_000n }, 100_001n, /more than your balance of 0.00100000 BTC/],
    ["without a payout address", { address: false }, 100_000n, /Set a payout address/],
  ];
  it.each(refusals)(
    "is refused %s, and nothing is held",
    async (_what, setup, amountSats, message, codeKind = "fresh") => {
      const { user, secret } = await withdrawingCustomer(db, { sats: 1_000_000n, ...setup });
      let code = secret ? await freshTotp(db, user.id, secret) : "123456";
      if (codeKind === "wrong") code = code === "000000" ? "111111" : "000000";
      if (codeKind === "replayed") {
        // The code already confirmed something (here, a sign-in step): it is spent.
        const { consumeTotp } = await import("@/lib/auth/totp");
        expect(await consumeTotp(user.id, code)).toBe(true);
      }
      const cashBefore = await balance(db, customerBtc(user.id));
      await expect(requestWithdrawal(user, { amountSats, code }, request)).rejects.toThrow(message);
      expect(await ledgerOf(user.id)).toEqual({ cash: cashBefore, held: 0n });
      expect(await db.withdrawal.count({ where: { userId: user.id } })).toBe(0);
    },
  );

  it("is refused for a restricted account, and nothing is held", async () => {
    const { user, secret } = await withdrawingCustomer(db, { sats: 500_000n });
    await db.user.update({ where: { id: user.id }, data: { status: "restricted" } });
    const code = await freshTotp(db, user.id, secret!);
    await expect(requestWithdrawal(user, { amountSats: 100_000n, code }, request)).rejects.toThrow(/cannot withdraw/);
    await expect(holdWithdrawal(user.id, 100_000n, request)).rejects.toThrow(/cannot withdraw/);
    expect(await ledgerOf(user.id)).toEqual({ cash: 500_000n, held: 0n });
  });

  it("is refused for 24 hours after the address is set or changed, and nothing is held", async () => {
    const { user, secret } = await withdrawingCustomer(db, { sats: 1_000_000n });
    await setPayoutAddress(
      user,
      {
        address: "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
        code: await freshTotp(db, user.id, secret!),
      },
      request,
    );
    const code = await freshTotp(db, user.id, secret!);
    await expect(requestWithdrawal(user, { amountSats: 100_000n, code }, request)).rejects.toThrow(
      /changed recently; withdrawals open at/,
    );
    const tomorrow = new Date(Date.now() + 24 * 3_600_000 + 60_000);
    expect(await ledgerOf(user.id)).toEqual({ cash: 1_000_000n, held: 0n });
    // The refusal came before the code was checked, so the same code still works once the hold ends.
    await requestWithdrawal(user, { amountSats: 100_000n, code }, request, tomorrow);
    expect(await ledgerOf(user.id)).toEqual({ cash: 900_000n, held: 100_000n });
  });

  it("holds the whole balance once when two requests for it arrive at once", async () => {
    const { user } = await withdrawingCustomer(db, { sats: 300_000n });
    const outcomes = await Promise.allSettled([
      holdWithdrawal(user.id, 300_000n, request),
      holdWithdrawal(user.id, 300_000n, request),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(String((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason)).toMatch(
      /more than your balance of 0.00000000 BTC/,
    );
    expect(await ledgerOf(user.id)).toEqual({ cash: 0n, held: 300_000n });
    expect(await db.withdrawal.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("deciding a withdrawal", () => {
  async function requested(sats: bigint, role?: "admin") {
    const { user, secret } = await withdrawingCustomer(db, { sats, role });
    const { withdrawalId } = await requestWithdrawal(
      user,
      { amountSats: sats, code: await freshTotp(db, user.id, secret!) },
      request,
    );
    return { user, withdrawalId };
  }

  it("pays out: held → payout (amount − fee) and network fees (fee), zero-sum, audited and emailed", async () => {
    const [reviewer, { user, withdrawalId }] = [await admin(), await requested(500_000n)];
    const [payoutBefore, feesBefore] = [await platform("withdrawal_payout"), await platform("network_fees")];
    expect(await decideWithdrawal(reviewer, withdrawalId, { kind: "pay", txid: TXID }, request)).toBe("paid");
    expect(await ledgerOf(user.id)).toEqual({ cash: 0n, held: 0n });
    expect((await platform("withdrawal_payout")) - payoutBefore).toBe(500_000n - WITHDRAWAL_NETWORK_FEE_SATS);
    expect((await platform("network_fees")) - feesBefore).toBe(WITHDRAWAL_NETWORK_FEE_SATS);
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: withdrawalId } })).toMatchObject({
      status: "paid",
      txid: TXID,
      reviewedById: reviewer.id,
    });
    expect(
      await db.auditLog.count({ where: { targetId: withdrawalId, action: "withdrawal.paid", actorId: reviewer.id } }),
    ).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: user.email, subject: "Your withdrawal was sent" } })).toBe(1);
    await expect(decideWithdrawal(reviewer, withdrawalId, { kind: "reject", reason: "late" }, request)).rejects.toThrow(
      /not waiting/,
    );
  });

  it("rejects with a reason: the hold goes back to cash", async () => {
    const [reviewer, { user, withdrawalId }] = [await admin(), await requested(80_000n)];
    await decideWithdrawal(reviewer, withdrawalId, { kind: "reject", reason: "Address on a sanctions list" }, request);
    expect(await ledgerOf(user.id)).toEqual({ cash: 80_000n, held: 0n });
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: withdrawalId } })).toMatchObject({
      status: "rejected",
      rejectionReason: "Address on a sanctions list",
    });
    expect(await db.outboxEmail.count({ where: { to: user.email, subject: "Your withdrawal was not approved" } })).toBe(
      1,
    );
  });

  it("above the threshold needs a first approval and a different admin to pay out", async () => {
    const [first, second] = [await admin(), await admin()];
    const { user, withdrawalId } = await requested(WITHDRAWAL_FOUR_EYES_SATS + 1n);
    await expect(decideWithdrawal(first, withdrawalId, { kind: "pay", txid: TXID }, request)).rejects.toThrow(
      /a first admin approves before payout/,
    );
    expect(await decideWithdrawal(first, withdrawalId, { kind: "approve" }, request)).toBe("approved");
    await expect(decideWithdrawal(first, withdrawalId, { kind: "pay", txid: TXID }, request)).rejects.toThrow(
      /a different admin must pay it out/,
    );
    expect(await ledgerOf(user.id)).toEqual({ cash: 0n, held: WITHDRAWAL_FOUR_EYES_SATS + 1n });
    await decideWithdrawal(second, withdrawalId, { kind: "pay", txid: TXID }, request);
    expect(await ledgerOf(user.id)).toEqual({ cash: 0n, held: 0n });
    expect(await db.withdrawal.findUniqueOrThrow({ where: { id: withdrawalId } })).toMatchObject({
      status: "paid",
      firstApprovedById: first.id,
      reviewedById: second.id,
    });
    expect(
      (await db.auditLog.findMany({ where: { targetId: withdrawalId }, orderBy: { createdAt: "asc" } })).map(
        (row) => row.action,
      ),
    ).toEqual(["withdrawal.requested", "withdrawal.approved", "withdrawal.paid"]);
  });

  it("at the threshold one admin pays out directly", async () => {
    const [reviewer, { withdrawalId }] = [await admin(), await requested(WITHDRAWAL_FOUR_EYES_SATS)];
    await expect(decideWithdrawal(reviewer, withdrawalId, { kind: "approve" }, request)).rejects.toThrow(
      /needs no second admin/,
    );
    expect(await decideWithdrawal(reviewer, withdrawalId, { kind: "pay", txid: TXID }, request)).toBe("paid");
  });

  it("never lets staff decide their own withdrawal, and the database refuses it too", async () => {
    const { user: staff, withdrawalId } = await requested(WITHDRAWAL_FOUR_EYES_SATS + 1n, "admin");
    for (const decision of [
      { kind: "approve" },
      { kind: "pay", txid: TXID },
      { kind: "reject", reason: "mine" },
    ] as const) {
      await expect(decideWithdrawal(staff, withdrawalId, decision, request)).rejects.toThrow(/your own withdrawal/);
    }
    await expect(
      db.withdrawal.update({ where: { id: withdrawalId }, data: { firstApprovedById: staff.id } }),
    ).rejects.toThrow(/Withdrawal_not_own/);
    expect(await ledgerOf(staff.id)).toEqual({ cash: 0n, held: WITHDRAWAL_FOUR_EYES_SATS + 1n });
  });
});

describe("the ledger under any sequence of credits, withdrawals and decisions", () => {
  type Step =
    | { op: "credit"; who: number; sats: bigint }
    | { op: "withdraw"; who: number; sats: bigint }
    | { op: "pay" | "reject"; pick: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant("credit" as const), who: fc.nat(2), sats: fc.bigInt(1n, 2_000_000n) }),
    fc.record({
      op: fc.constant("withdraw" as const),
      who: fc.nat(2),
      sats: fc.bigInt(MIN_WITHDRAWAL_SATS, 1_500_000n),
    }),
    fc.record({ op: fc.constantFrom("pay" as const, "reject" as const), pick: fc.nat(20) }),
  );

  it("sums to zero per currency, and each customer holds credited minus paid out", async () => {
    const reviewer = await admin();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const customers = await Promise.all([0, 1, 2].map(() => withdrawingCustomer(db, { sats: 0n })));
        const credited = [0n, 0n, 0n];
        const paid = [0n, 0n, 0n];
        const open: { id: string; who: number; sats: bigint }[] = [];
        for (const s of steps) {
          if (s.op === "credit") {
            await creditBtc(db, customers[s.who]!.user.id, s.sats);
            credited[s.who]! += s.sats;
          } else if (s.op === "withdraw") {
            try {
              const withdrawal = await holdWithdrawal(customers[s.who]!.user.id, s.sats, request);
              open.push({ id: withdrawal.id, who: s.who, sats: s.sats });
            } catch (error) {
              expect(String(error)).toMatch(/more than your balance/);
            }
          } else if (open.length > 0) {
            const [target] = open.splice(s.pick % open.length, 1);
            const decision =
              s.op === "pay" ? { kind: "pay" as const, txid: TXID } : { kind: "reject" as const, reason: "test" };
            await decideWithdrawal(reviewer, target!.id, decision, request);
            if (s.op === "pay") paid[target!.who]! += target!.sats;
          }
        }
        const sums = await db.$queryRaw<{ currency: string; total: bigint }[]>`
          SELECT a.currency::text AS currency, SUM(e.amount)::bigint AS total
          FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" GROUP BY a.currency`;
        for (const row of sums) expect(row.total).toBe(0n);
        for (const [index, { user }] of customers.entries()) {
          const { cash, held } = await ledgerOf(user.id);
          expect(cash).toBeGreaterThanOrEqual(0n);
          expect(cash + held).toBe(credited[index]! - paid[index]!);
          expect(held).toBe(open.filter((o) => o.who === index).reduce((sum, o) => sum + o.sats, 0n));
        }
      }),
      { numRuns: 25 },
    );
  });
});
