-- CreateTable
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Mail already in the outbox may still hold live reset and verification links: remove them
-- (the app no longer stores them at all).
UPDATE "OutboxEmail"
SET "text" = regexp_replace("text", '(token=)[A-Za-z0-9_-]+', '\1[removed]', 'g'),
    "html" = regexp_replace("html", '(token=)[A-Za-z0-9_-]+', '\1[removed]', 'g')
WHERE "text" LIKE '%token=%' OR "html" LIKE '%token=%';
