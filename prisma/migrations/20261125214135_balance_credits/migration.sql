-- CreateEnum
CREATE TYPE "BalanceCreditStatus" AS ENUM ('pending', 'posted', 'rejected');

-- CreateTable
CREATE TABLE "BalanceCredit" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "note" TEXT NOT NULL,
    "status" "BalanceCreditStatus" NOT NULL DEFAULT 'pending',
    "requestedById" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "rejectionReason" TEXT,
    "ledgerTransactionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BalanceCredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BalanceCredit_ledgerTransactionId_key" ON "BalanceCredit"("ledgerTransactionId");

-- CreateIndex
CREATE INDEX "BalanceCredit_status_createdAt_idx" ON "BalanceCredit"("status", "createdAt");

-- CreateIndex
CREATE INDEX "BalanceCredit_userId_createdAt_idx" ON "BalanceCredit"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "BalanceCredit" ADD CONSTRAINT "BalanceCredit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceCredit" ADD CONSTRAINT "BalanceCredit_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceCredit" ADD CONSTRAINT "BalanceCredit_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceCredit" ADD CONSTRAINT "BalanceCredit_ledgerTransactionId_fkey" FOREIGN KEY ("ledgerTransactionId") REFERENCES "LedgerTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A credit moves a positive amount; a posted one names its ledger transaction and nobody
-- credits or approves for themselves.
ALTER TABLE "BalanceCredit"
  ADD CONSTRAINT "BalanceCredit_amount_positive" CHECK ("amountCents" > 0),
  ADD CONSTRAINT "BalanceCredit_posted_has_transaction" CHECK (("status" = 'posted') = ("ledgerTransactionId" IS NOT NULL)),
  ADD CONSTRAINT "BalanceCredit_not_own" CHECK ("requestedById" IS DISTINCT FROM "userId" AND "decidedById" IS DISTINCT FROM "userId"),
  ADD CONSTRAINT "BalanceCredit_four_eyes" CHECK ("decidedById" IS NULL OR "decidedById" IS DISTINCT FROM "requestedById");
