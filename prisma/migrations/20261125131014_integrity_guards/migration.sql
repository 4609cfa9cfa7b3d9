-- Guards Prisma's schema language cannot express. They make the database itself refuse
-- oversold hashrate, negative money, unbalanced ledger transactions and edits of history.
-- The drift test ignores CHECK constraints and triggers when it compares schema and database,
-- and checks that these exist instead.

-- Catalogue: never sell more TH than exist.
ALTER TABLE "Product"
  ADD CONSTRAINT "Product_soldTh_range" CHECK ("soldTh" >= 0 AND "soldTh" <= "inventoryTh"),
  ADD CONSTRAINT "Product_order_bounds" CHECK ("minOrderTh" >= 1 AND "maxOrderTh" >= "minOrderTh"),
  ADD CONSTRAINT "Product_terms_positive" CHECK (
    "durationDays" > 0 AND "machineHashrateThs" > 0 AND "startDelayDays" >= 0
    AND "hashrateFeePerTh" >= 0 AND "serviceFeePerThDay" >= 0
    AND "poolFeeBps" BETWEEN 0 AND 10000
  );

-- Orders: the total is the sum of its parts; nothing negative.
ALTER TABLE "Order"
  ADD CONSTRAINT "Order_th_positive" CHECK ("th" > 0 AND "durationDays" > 0),
  ADD CONSTRAINT "Order_total_is_sum" CHECK (
    "hashrateFeeCents" >= 0 AND "serviceFeeCents" >= 0
    AND "totalCents" = "hashrateFeeCents" + "serviceFeeCents"
  );

ALTER TABLE "Contract"
  ADD CONSTRAINT "Contract_th_positive" CHECK ("th" > 0),
  ADD CONSTRAINT "Contract_dates_ordered" CHECK ("endsAt" > "startsAt");

ALTER TABLE "MarketSnapshot"
  ADD CONSTRAINT "MarketSnapshot_positive" CHECK (
    "difficulty" > 0 AND "btcPriceCents" > 0 AND "blockSubsidySats" >= 0 AND "feesPerBlockSats" >= 0
  );

ALTER TABLE "Settlement"
  ADD CONSTRAINT "Settlement_sats_nonnegative" CHECK ("sats" >= 0);

ALTER TABLE "Withdrawal"
  ADD CONSTRAINT "Withdrawal_amounts" CHECK ("amountSats" > 0 AND "networkFeeSats" >= 0);

-- Ledger: an entry moves something; a transaction's entries sum to zero per currency,
-- checked at commit so a transaction can be written entry by entry.
ALTER TABLE "LedgerEntry"
  ADD CONSTRAINT "LedgerEntry_amount_nonzero" CHECK ("amount" <> 0);

CREATE FUNCTION hashwork_ledger_transaction_balances() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  unbalanced record;
BEGIN
  SELECT a."currency", SUM(e."amount") AS total INTO unbalanced
  FROM "LedgerEntry" e
  JOIN "LedgerAccount" a ON a."id" = e."accountId"
  WHERE e."transactionId" = NEW."transactionId"
  GROUP BY a."currency"
  HAVING SUM(e."amount") <> 0
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger transaction % does not balance in %: off by %',
      NEW."transactionId", unbalanced."currency", unbalanced.total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "LedgerEntry_transaction_balances"
  AFTER INSERT ON "LedgerEntry"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION hashwork_ledger_transaction_balances();

-- History is append-only: ledger entries never change.
CREATE FUNCTION hashwork_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "LedgerEntry_append_only"
  BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION hashwork_refuse_change();

-- The audit log is append-only too, except that erasing a user may clear the actor link
-- (the foreign key's ON DELETE SET NULL); the action itself stays on record.
CREATE FUNCTION hashwork_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."actorId" IS NULL
     AND (NEW."id", NEW."action", NEW."targetType", NEW."targetId", NEW."details"::text, NEW."ip", NEW."createdAt")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."action", OLD."targetType", OLD."targetId", OLD."details"::text, OLD."ip", OLD."createdAt") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION hashwork_audit_append_only();
