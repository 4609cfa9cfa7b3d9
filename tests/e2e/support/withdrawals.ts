// Withdrawal set-ups written straight into the run's database: an approved identity, mined BTC
// (posted as a balanced ledger transaction, as settlement would) and a withdrawal already held.
import pg from "pg";
import { query } from "./accounts";

export const MAINNET_ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

async function inTransaction(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

async function account(client: pg.Client, key: string, userId: string | null, kind: string): Promise<string> {
  await client.query(
    `INSERT INTO "LedgerAccount" (id, key, "userId", kind, currency)
     VALUES (gen_random_uuid(), $1, $2, $3::"LedgerAccountKind", 'BTC') ON CONFLICT (key) DO NOTHING`,
    [key, userId, kind],
  );
  return (await client.query<{ id: string }>(`SELECT id FROM "LedgerAccount" WHERE key = $1`, [key])).rows[0]!.id;
}

async function post(
  client: pg.Client,
  kind: string,
  postings: [accountId: string, sats: bigint][],
  withdrawalId: string | null = null,
): Promise<void> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "LedgerTransaction" (id, kind, description, "withdrawalId", day)
     VALUES (gen_random_uuid(), $1::"LedgerTransactionKind", 'e2e set-up', $2, $3::date) RETURNING id`,
    [kind, withdrawalId, kind === "mining_reward" ? new Date().toISOString().slice(0, 10) : null],
  );
  for (const [accountId, sats] of postings) {
    await client.query(
      `INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [rows[0]!.id, accountId, sats.toString()],
    );
  }
}

export async function approveKyc(userId: string): Promise<void> {
  await query(
    `INSERT INTO "KycCase" (id, "userId", status, "updatedAt") VALUES (gen_random_uuid(), $1, 'approved', now())`,
    [userId],
  );
}

/** Mined BTC for a customer: mining pool → the customer's BTC cash. */
export async function creditBtc(userId: string, sats: bigint): Promise<void> {
  await inTransaction(async (client) => {
    const pool = await account(client, "platform:mining_pool:BTC", null, "mining_pool");
    const cash = await account(client, `user:${userId}:customer_cash:BTC`, userId, "customer_cash");
    await post(client, "mining_reward", [
      [pool, -sats],
      [cash, sats],
    ]);
  });
}

/** A customer's withdrawal waiting for an admin, its amount already held. */
export async function heldWithdrawal(userId: string, sats: bigint): Promise<string> {
  await creditBtc(userId, sats);
  let withdrawalId = "";
  await inTransaction(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Withdrawal" (id, "userId", address, network, "amountSats", "networkFeeSats", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'mainnet', $3, 5000, now()) RETURNING id`,
      [userId, MAINNET_ADDRESS, sats.toString()],
    );
    withdrawalId = rows[0]!.id;
    const cash = await account(client, `user:${userId}:customer_cash:BTC`, userId, "customer_cash");
    const held = await account(client, `user:${userId}:customer_held:BTC`, userId, "customer_held");
    await post(
      client,
      "withdrawal_hold",
      [
        [cash, -sats],
        [held, sats],
      ],
      withdrawalId,
    );
  });
  return withdrawalId;
}
