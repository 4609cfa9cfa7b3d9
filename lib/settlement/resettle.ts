// Re-settling a day after its market data was corrected. Posted settlements and ledger entries
// never change: each contract settled that day gets a correction row with the new inputs and
// output, and the difference from what it holds so far is posted as a new transaction
// (positive or negative). Set-based like settlement itself.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { accountId } from "@/lib/ledger/ledger";

type Tx = Prisma.TransactionClient;

/** Call inside the transaction that changed the day's snapshot, after taking the day's lock. */
export async function resettleDay(
  tx: Tx,
  day: string,
  reason: string,
  adminId: string | null,
): Promise<{ contracts: number; deltaSats: bigint }> {
  const pool = await accountId(tx, { kind: "mining_pool", currency: "BTC" });
  const [result] = await tx.$queryRaw<{ contracts: number; delta: bigint }[]>`
    WITH snap AS (SELECT * FROM "MarketSnapshot" WHERE day = ${day}::date),
    cur AS (
      SELECT st.id AS settlement_id, st."contractId" AS contract_id, st.th, st."poolFeeBps" AS bps, st.seconds,
             st.sats + coalesce((SELECT sum(sc."deltaSats") FROM "SettlementCorrection" sc WHERE sc."settlementId" = st.id), 0) AS held
      FROM "Settlement" st WHERE st.day = ${day}::date
    ),
    calc AS (
      SELECT cur.*, s.id AS snapshot_id, s.difficulty, s."blockSubsidySats", s."feesPerBlockSats", s."btcPriceCents",
             div(cur.th::numeric * 1000000000000 * cur.seconds * (s."blockSubsidySats" + s."feesPerBlockSats"),
                 s.difficulty * 4294967296) AS gross,
             div(cur.th::numeric * 1000000000000 * cur.seconds * (s."blockSubsidySats" + s."feesPerBlockSats") * (10000 - cur.bps),
                 s.difficulty * 4294967296 * 10000) AS net
      FROM cur, snap s
    ),
    delta AS (
      SELECT calc.*, (calc.net - calc.held)::bigint AS d,
             CASE WHEN calc.net <> calc.held THEN gen_random_uuid() END AS tx_id
      FROM calc
    ),
    ins AS (
      INSERT INTO "SettlementCorrection" (id, "settlementId", "contractId", day, difficulty, "blockSubsidySats",
        "feesPerBlockSats", "btcPriceCents", "grossSats", sats, "deltaSats", reason, "marketSnapshotId",
        "ledgerTransactionId", "createdById")
      SELECT gen_random_uuid(), settlement_id, contract_id, ${day}::date, difficulty, "blockSubsidySats",
             "feesPerBlockSats", "btcPriceCents", gross::bigint, net::bigint, d, ${reason}, snapshot_id, tx_id,
             ${adminId}::uuid
      FROM delta
      RETURNING "contractId", "ledgerTransactionId", "deltaSats"
    ),
    owed AS (
      SELECT ins.*, c."userId" FROM ins JOIN "Contract" c ON c.id = ins."contractId"
      WHERE ins."ledgerTransactionId" IS NOT NULL
    ),
    txs AS (
      INSERT INTO "LedgerTransaction" (id, kind, description, day, "createdById")
      SELECT owed."ledgerTransactionId", 'mining_reward_correction', 'Mining reward corrected for ' || ${day}, ${day}::date,
             ${adminId}::uuid
      FROM owed
      RETURNING id
    ),
    entries AS (
      INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount)
      SELECT gen_random_uuid(), owed."ledgerTransactionId", a.id, owed."deltaSats"
      FROM owed JOIN "LedgerAccount" a ON a.key = 'user:' || owed."userId" || ':customer_cash:BTC'
      UNION ALL
      SELECT gen_random_uuid(), owed."ledgerTransactionId", ${pool}::uuid, -owed."deltaSats" FROM owed
      RETURNING 1
    )
    SELECT count(*)::int AS contracts, coalesce(sum("deltaSats"), 0)::bigint AS delta,
           (SELECT count(*) FROM txs) AS t, (SELECT count(*) FROM entries) AS e
    FROM ins`;
  return { contracts: result?.contracts ?? 0, deltaSats: result?.delta ?? 0n };
}
