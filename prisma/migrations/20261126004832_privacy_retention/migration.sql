-- CreateTable
CREATE TABLE "RetainedPersonalData" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "dataEnc" BYTEA NOT NULL,
    "keyId" TEXT NOT NULL,
    "deleteAfter" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetainedPersonalData_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RetainedPersonalData_userId_key" ON "RetainedPersonalData"("userId");

-- CreateIndex
CREATE INDEX "RetainedPersonalData_deleteAfter_idx" ON "RetainedPersonalData"("deleteAfter");

-- CreateIndex
CREATE INDEX "DataExport_expiresAt_idx" ON "DataExport"("expiresAt");

-- AddForeignKey
ALTER TABLE "RetainedPersonalData" ADD CONSTRAINT "RetainedPersonalData_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: erasure may take personal data out of audit rows about the customer (their IP
-- address and the details, which move into the encrypted RetainedPersonalData document) when the
-- transaction says so with `SET LOCAL hashwork.erasure = 'on'`. What happened, to what and when
-- stays; nothing can be deleted, and without the setting the log stays append-only as before.
CREATE OR REPLACE FUNCTION hashwork_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."actorId" IS NULL
     AND (NEW."id", NEW."action", NEW."targetType", NEW."targetId", NEW."details"::text, NEW."ip", NEW."createdAt")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."action", OLD."targetType", OLD."targetId", OLD."details"::text, OLD."ip", OLD."createdAt") THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('hashwork.erasure', true) = 'on'
     AND (NEW."actorId" IS NULL OR NEW."actorId" = OLD."actorId")
     AND (NEW."id", NEW."action", NEW."targetType", NEW."targetId", NEW."createdAt")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."action", OLD."targetType", OLD."targetId", OLD."createdAt") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
