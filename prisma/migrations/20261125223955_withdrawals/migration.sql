-- DropIndex
DROP INDEX "PayoutAddress_userId_address_key";

-- AlterTable
ALTER TABLE "PayoutAddress" ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "withdrawalsFrom" TIMESTAMPTZ(3) NOT NULL;

-- AlterTable
ALTER TABLE "Withdrawal" ADD COLUMN     "firstApprovedAt" TIMESTAMPTZ(3),
ADD COLUMN     "firstApprovedById" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "PayoutAddress_userId_key" ON "PayoutAddress"("userId");

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_firstApprovedById_fkey" FOREIGN KEY ("firstApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A withdrawal is larger than its network fee (deducted from it; Withdrawal_amounts keeps both
-- non-negative); a paid one
-- has a 64-hex txid and a rejected one a reason; nobody approves or pays out their own
-- withdrawal, and the payout of a withdrawal with a first approval is made by a different admin
-- (docs/product-rules.md §8).
ALTER TABLE "Withdrawal"
  ADD CONSTRAINT "Withdrawal_amount_covers_fee" CHECK ("amountSats" > "networkFeeSats"),
  ADD CONSTRAINT "Withdrawal_paid_has_txid" CHECK (("status" = 'paid') = ("txid" IS NOT NULL)),
  ADD CONSTRAINT "Withdrawal_txid_format" CHECK ("txid" IS NULL OR "txid" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "Withdrawal_rejected_has_reason" CHECK (("status" = 'rejected') = ("rejectionReason" IS NOT NULL)),
  ADD CONSTRAINT "Withdrawal_not_own" CHECK ("reviewedById" IS DISTINCT FROM "userId" AND "firstApprovedById" IS DISTINCT FROM "userId"),
  ADD CONSTRAINT "Withdrawal_four_eyes" CHECK ("status" <> 'paid' OR "firstApprovedById" IS NULL OR "firstApprovedById" IS DISTINCT FROM "reviewedById");
