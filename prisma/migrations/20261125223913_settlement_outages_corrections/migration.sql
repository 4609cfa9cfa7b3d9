-- AlterEnum
ALTER TYPE "LedgerTransactionKind" ADD VALUE 'mining_reward_correction' AFTER 'mining_reward';

-- AlterTable
ALTER TABLE "Outage" ADD COLUMN     "machineModels" TEXT[];

-- AlterTable
ALTER TABLE "Settlement" ADD COLUMN     "grossSats" BIGINT NOT NULL,
ADD COLUMN     "seconds" INTEGER NOT NULL,
ALTER COLUMN "ledgerTransactionId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SettlementCorrection" (
    "id" UUID NOT NULL,
    "settlementId" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "difficulty" DECIMAL(30,4) NOT NULL,
    "blockSubsidySats" BIGINT NOT NULL,
    "feesPerBlockSats" BIGINT NOT NULL,
    "btcPriceCents" BIGINT NOT NULL,
    "grossSats" BIGINT NOT NULL,
    "sats" BIGINT NOT NULL,
    "deltaSats" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "marketSnapshotId" UUID NOT NULL,
    "ledgerTransactionId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SettlementCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SettlementCorrection_ledgerTransactionId_key" ON "SettlementCorrection"("ledgerTransactionId");

-- CreateIndex
CREATE INDEX "SettlementCorrection_contractId_day_idx" ON "SettlementCorrection"("contractId", "day");

-- CreateIndex
CREATE INDEX "SettlementCorrection_settlementId_idx" ON "SettlementCorrection"("settlementId");

-- AddForeignKey
ALTER TABLE "SettlementCorrection" ADD CONSTRAINT "SettlementCorrection_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementCorrection" ADD CONSTRAINT "SettlementCorrection_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementCorrection" ADD CONSTRAINT "SettlementCorrection_marketSnapshotId_fkey" FOREIGN KEY ("marketSnapshotId") REFERENCES "MarketSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementCorrection" ADD CONSTRAINT "SettlementCorrection_ledgerTransactionId_fkey" FOREIGN KEY ("ledgerTransactionId") REFERENCES "LedgerTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: a settled day is history. Settlements and their corrections are append-only
-- (a correction is a new row), and their figures are sane.
ALTER TABLE "Settlement"
  ADD CONSTRAINT "Settlement_figures" CHECK (
    "seconds" BETWEEN 0 AND 86400 AND "sats" >= 0 AND "grossSats" >= "sats" AND "th" > 0
    AND ("sats" = 0) = ("ledgerTransactionId" IS NULL)
  );

CREATE TRIGGER "Settlement_append_only"
  BEFORE UPDATE OR DELETE ON "Settlement"
  FOR EACH ROW EXECUTE FUNCTION hashwork_refuse_change();

ALTER TABLE "SettlementCorrection"
  ADD CONSTRAINT "SettlementCorrection_figures" CHECK (
    "sats" >= 0 AND "grossSats" >= "sats" AND ("deltaSats" = 0) = ("ledgerTransactionId" IS NULL)
  );

CREATE TRIGGER "SettlementCorrection_append_only"
  BEFORE UPDATE OR DELETE ON "SettlementCorrection"
  FOR EACH ROW EXECUTE FUNCTION hashwork_refuse_change();

ALTER TABLE "Outage"
  ADD CONSTRAINT "Outage_period" CHECK ("endedAt" > "startedAt" AND cardinality("machineModels") > 0);

-- Settlement finds the contracts running on a day by their term.
CREATE INDEX "Contract_term_idx" ON "Contract" ("startsAt", "endsAt");
