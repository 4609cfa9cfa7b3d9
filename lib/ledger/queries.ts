// Reads of customers' balances for the dashboard, checkout and the staff console.
import "server-only";
import { db } from "@/lib/db";
import type { Page } from "@/lib/pagination";
import { accountHistory, type HistoryLine } from "./history";
import { balance, customerBtc, customerUsd } from "./ledger";

export async function usdBalance(userId: string): Promise<bigint> {
  return balance(db, customerUsd(userId));
}

export async function btcBalance(userId: string): Promise<bigint> {
  return balance(db, customerBtc(userId));
}

/** One page of the customer's USD entries with the running balance, newest first. */
export async function usdHistory(userId: string, cursor?: string): Promise<Page<HistoryLine>> {
  return accountHistory(customerUsd(userId), cursor);
}

/** One page of the customer's BTC entries (mining rewards, corrections, withdrawals) with the running balance. */
export async function btcHistory(userId: string, cursor?: string): Promise<Page<HistoryLine>> {
  return accountHistory(customerBtc(userId), cursor);
}
