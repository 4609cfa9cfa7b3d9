// Reads of payout addresses and withdrawals for the customer's page and the staff console.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { WithdrawalStatus } from "@/lib/generated/prisma/enums";
import { balance, customerBtc, customerHeldBtc } from "@/lib/ledger/ledger";
import { needsSecondAdmin } from "./decide-withdrawal";

export type WithdrawalLine = {
  id: string;
  amountSats: bigint;
  networkFeeSats: bigint;
  address: string;
  status: WithdrawalStatus;
  awaitingSecondAdmin: boolean;
  txid: string | null;
  rejectionReason: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
};

export async function withdrawalPage(userId: string) {
  const [address, cash, held, withdrawals, user] = await Promise.all([
    db.payoutAddress.findUnique({ where: { userId }, select: { address: true, withdrawalsFrom: true } }),
    balance(db, customerBtc(userId)),
    balance(db, customerHeldBtc(userId)),
    db.withdrawal.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 100 }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { kycCase: { select: { status: true } } } }),
  ]);
  return {
    network: env().BITCOIN_NETWORK,
    address,
    cashSats: cash,
    heldSats: held,
    kycApproved: user.kycCase?.status === "approved",
    withdrawals: withdrawals.map(toLine),
  };
}

function toLine(row: {
  id: string;
  amountSats: bigint;
  networkFeeSats: bigint;
  address: string;
  status: WithdrawalStatus;
  firstApprovedById: string | null;
  txid: string | null;
  rejectionReason: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
}): WithdrawalLine {
  return {
    id: row.id,
    amountSats: row.amountSats,
    networkFeeSats: row.networkFeeSats,
    address: row.address,
    status: row.status,
    awaitingSecondAdmin: row.status === "requested" && Boolean(row.firstApprovedById),
    txid: row.txid,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    reviewedAt: row.reviewedAt,
  };
}

export type StaffWithdrawal = WithdrawalLine & {
  userId: string;
  email: string;
  needsSecondAdmin: boolean;
  firstApprovedById: string | null;
  firstApprovedBy: string | null;
  reviewedBy: string | null;
};

/** Waiting withdrawals oldest first, then the latest decided ones. */
export async function staffWithdrawals(): Promise<{ waiting: StaffWithdrawal[]; decided: StaffWithdrawal[] }> {
  const include = {
    user: { select: { email: true } },
    firstApprovedBy: { select: { email: true } },
    reviewedBy: { select: { email: true } },
  } as const;
  const [waiting, decided] = await Promise.all([
    db.withdrawal.findMany({ where: { status: "requested" }, orderBy: { createdAt: "asc" }, take: 200, include }),
    db.withdrawal.findMany({
      where: { status: { not: "requested" } },
      orderBy: { reviewedAt: "desc" },
      take: 50,
      include,
    }),
  ]);
  const toStaff = (row: (typeof waiting)[number]): StaffWithdrawal => ({
    ...toLine(row),
    userId: row.userId,
    email: row.user.email,
    needsSecondAdmin: needsSecondAdmin(row.amountSats),
    firstApprovedById: row.firstApprovedById,
    firstApprovedBy: row.firstApprovedBy?.email ?? null,
    reviewedBy: row.reviewedBy?.email ?? null,
  });
  return { waiting: waiting.map(toStaff), decided: decided.map(toStaff) };
}
