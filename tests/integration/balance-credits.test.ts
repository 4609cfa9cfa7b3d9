// Admin credits of a customer's balance: nobody credits themselves, and large credits need a
// second admin who is neither the requester nor the customer.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { creditBalance, CREDIT_FOUR_EYES_CENTS, decideCredit, pendingCredits } from "@/lib/ledger/credit-balance";
import { balance, customerUsd } from "@/lib/ledger/ledger";
import { createUser } from "../support/factories";

const request = { ip: "192.0.2.30", userAgent: "vitest" };
const auditOf = (userId: string) =>
  db.auditLog.findMany({
    where: { targetId: userId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true },
  });

describe("crediting a balance", () => {
  it("refuses an admin crediting their own balance, and changes nothing", async () => {
    const admin = await createUser(db, { role: "admin" });
    await expect(creditBalance(admin, admin.id, 50_000n, "to myself", request)).rejects.toThrow(
      /cannot credit your own balance/,
    );
    expect(await balance(db, customerUsd(admin.id))).toBe(0n);
    expect(await db.balanceCredit.count({ where: { userId: admin.id } })).toBe(0);
    expect(await auditOf(admin.id)).toEqual([]);
  });

  it("posts a credit up to the threshold at once, audited", async () => {
    const [admin, customer] = [await createUser(db, { role: "admin" }), await createUser(db)];
    const outcome = await creditBalance(admin, customer.id, CREDIT_FOUR_EYES_CENTS, "Wire at the threshold", request);
    expect(outcome.status).toBe("posted");
    expect(await balance(db, customerUsd(customer.id))).toBe(CREDIT_FOUR_EYES_CENTS);
    expect(await auditOf(customer.id)).toEqual([{ action: "ledger.credit", actorId: admin.id }]);
  });

  it("holds a credit above the threshold until a second admin approves it; the requester cannot", async () => {
    const [requester, second, customer] = [
      await createUser(db, { role: "admin" }),
      await createUser(db, { role: "admin" }),
      await createUser(db),
    ];
    const cents = CREDIT_FOUR_EYES_CENTS + 1n;
    const { creditId, status } = await creditBalance(requester, customer.id, cents, "Large wire", request);
    expect(status).toBe("pending");
    expect(await balance(db, customerUsd(customer.id))).toBe(0n);
    expect((await pendingCredits(customer.id)).map((credit) => credit.id)).toEqual([creditId]);

    await expect(decideCredit(requester, creditId, { approve: true }, request)).rejects.toThrow(
      /another admin must decide/,
    );
    expect(await balance(db, customerUsd(customer.id))).toBe(0n);

    await decideCredit(second, creditId, { approve: true }, request);
    expect(await balance(db, customerUsd(customer.id))).toBe(cents);
    const credit = await db.balanceCredit.findUniqueOrThrow({ where: { id: creditId } });
    expect(credit).toMatchObject({ status: "posted", requestedById: requester.id, decidedById: second.id });
    await expect(decideCredit(second, creditId, { approve: true }, request)).rejects.toThrow(/not waiting/);
    expect(await balance(db, customerUsd(customer.id))).toBe(cents);
    expect(await auditOf(customer.id)).toEqual([
      { action: "ledger.credit.requested", actorId: requester.id },
      { action: "ledger.credit.approved", actorId: second.id },
    ]);
  });

  it("lets a second admin reject a large credit: nothing is posted", async () => {
    const [requester, second, customer] = [
      await createUser(db, { role: "admin" }),
      await createUser(db, { role: "admin" }),
      await createUser(db),
    ];
    const { creditId } = await creditBalance(requester, customer.id, 5_000_000n, "Looks wrong", request);
    await decideCredit(second, creditId, { approve: false, reason: "No matching bank statement" }, request);
    expect(await balance(db, customerUsd(customer.id))).toBe(0n);
    expect(await db.balanceCredit.findUniqueOrThrow({ where: { id: creditId } })).toMatchObject({
      status: "rejected",
      rejectionReason: "No matching bank statement",
    });
  });

  it("refuses the customer approving a large credit to themselves, even as an admin", async () => {
    const [requester, beneficiary] = [await createUser(db, { role: "admin" }), await createUser(db, { role: "admin" })];
    const { creditId } = await creditBalance(
      requester,
      beneficiary.id,
      2_000_000n,
      "Staff member's own deposit",
      request,
    );
    await expect(decideCredit(beneficiary, creditId, { approve: true }, request)).rejects.toThrow(/your own balance/);
    expect(await balance(db, customerUsd(beneficiary.id))).toBe(0n);
  });

  it("lands one decision when two admins approve the same credit at once", async () => {
    const [requester, customer] = [await createUser(db, { role: "admin" }), await createUser(db)];
    const approvers = await Promise.all(Array.from({ length: 5 }, () => createUser(db, { role: "admin" })));
    const { creditId } = await creditBalance(requester, customer.id, 3_000_000n, "Race", request);
    const outcomes = await Promise.allSettled(
      approvers.map((approver) => decideCredit(approver, creditId, { approve: true }, request)),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === "rejected") expect(String(outcome.reason)).toMatch(/not waiting/);
    expect(await balance(db, customerUsd(customer.id))).toBe(3_000_000n);
  });

  it("keeps the database itself from recording a self-credit or a self-approval", async () => {
    const [admin, customer] = [await createUser(db, { role: "admin" }), await createUser(db)];
    await expect(
      db.balanceCredit.create({ data: { userId: admin.id, requestedById: admin.id, amountCents: 100n, note: "x" } }),
    ).rejects.toThrow();
    const credit = await db.balanceCredit.create({
      data: { userId: customer.id, requestedById: admin.id, amountCents: 100n, note: "x" },
    });
    await expect(
      db.balanceCredit.update({ where: { id: credit.id }, data: { status: "rejected", decidedById: admin.id } }),
    ).rejects.toThrow();
  });
});
