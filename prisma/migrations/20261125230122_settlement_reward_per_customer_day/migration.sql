-- DropIndex
DROP INDEX "Settlement_ledgerTransactionId_key";

-- CreateIndex
CREATE INDEX "Settlement_ledgerTransactionId_idx" ON "Settlement"("ledgerTransactionId");


-- Hand-written: the zero-sum check looks up one transaction's entries. An index scan is always
-- right for that, whatever the planner's statistics say; on a ledger analysed while nearly empty
-- it would otherwise scan every entry for every entry written, which grows with the square.
ALTER FUNCTION hashwork_ledger_transaction_balances() SET enable_seqscan = off;
