-- A customer's mining reward for a day is one ledger transaction covering all of their contracts;
-- it now carries its day instead of every settlement row carrying a link to it (a link per row
-- cost a foreign-key check per contract and day). Rewards and corrections already posted get
-- their day from the rows that linked them, before the link goes.

-- AlterTable
ALTER TABLE "LedgerTransaction" ADD COLUMN     "day" DATE;

UPDATE "LedgerTransaction" t SET "day" = s."day"
FROM "Settlement" s WHERE s."ledgerTransactionId" = t."id";

UPDATE "LedgerTransaction" t SET "day" = c."day"
FROM "SettlementCorrection" c WHERE c."ledgerTransactionId" = t."id";

-- Hand-written: the settlement figures' check loses the clause about the link.
ALTER TABLE "Settlement" DROP CONSTRAINT "Settlement_figures";
ALTER TABLE "Settlement"
  ADD CONSTRAINT "Settlement_figures" CHECK (
    "seconds" BETWEEN 0 AND 86400 AND "sats" >= 0 AND "grossSats" >= "sats" AND "th" > 0
  );

-- DropForeignKey
ALTER TABLE "Settlement" DROP CONSTRAINT "Settlement_ledgerTransactionId_fkey";

-- DropIndex
DROP INDEX "Settlement_ledgerTransactionId_idx";

-- AlterTable
ALTER TABLE "Settlement" DROP COLUMN "ledgerTransactionId";

-- Hand-written: a mining reward or its correction always says which day it is for.
ALTER TABLE "LedgerTransaction"
  ADD CONSTRAINT "LedgerTransaction_reward_day" CHECK (
    "kind" NOT IN ('mining_reward', 'mining_reward_correction') OR "day" IS NOT NULL
  );
