// Reads of customers' balances for the dashboard, checkout and the staff console.
import "server-only";
import { db } from "@/lib/db";
import { accountHistory, type HistoryLine } from "./history";
import { balance, customerUsd } from "./ledger";

export async function usdBalance(userId: string): Promise<bigint> {
  return balance(db, customerUsd(userId));
}

export async function btcBalance(userId: string): Promise<bigint> {
  return balance(db, { userId, kind: "customer_cash", currency: "BTC" });
}

/** The customer's USD entries with the running balance, newest first. */
export async function usdHistory(userId: string): Promise<HistoryLine[]> {
  return accountHistory(customerUsd(userId));
}

/** The customer's BTC entries (mining rewards, corrections, withdrawals) with the running balance. */
export async function btcHistory(userId: string): Promise<HistoryLine[]> {
  return accountHistory({ userId, kind: "customer_cash", currency: "BTC" });
}
