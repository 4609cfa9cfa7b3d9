-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('sign_up', 'preferences', 'cookie_banner', 'objection', 'restriction');

-- CreateEnum
CREATE TYPE "TermsAcceptanceSource" AS ENUM ('sign_up', 'prompt');

-- AlterTable (the source keeps its values: every string written so far is one of the enum's)
ALTER TABLE "Consent" ADD COLUMN     "ip" TEXT,
ADD COLUMN     "requestId" UUID,
ADD COLUMN     "userAgent" TEXT,
ALTER COLUMN "source" TYPE "ConsentSource" USING "source"::"ConsentSource";

-- CreateTable
CREATE TABLE "TermsAcceptance" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "source" "TermsAcceptanceSource" NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermsAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalyticsPageView" (
    "id" UUID NOT NULL,
    "visitorId" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalyticsPageView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TermsAcceptance_userId_acceptedAt_idx" ON "TermsAcceptance"("userId", "acceptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TermsAcceptance_userId_version_key" ON "TermsAcceptance"("userId", "version");

-- CreateIndex
CREATE INDEX "AnalyticsPageView_createdAt_idx" ON "AnalyticsPageView"("createdAt");

-- CreateIndex
CREATE INDEX "AnalyticsPageView_visitorId_createdAt_idx" ON "AnalyticsPageView"("visitorId", "createdAt");

-- AddForeignKey
ALTER TABLE "TermsAcceptance" ADD CONSTRAINT "TermsAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: a page view's path is a path of this site, never a URL with a query, and short.
ALTER TABLE "AnalyticsPageView" ADD CONSTRAINT "AnalyticsPageView_path_check"
  CHECK (left("path", 1) = '/' AND char_length("path") <= 200 AND position('?' in "path") = 0);
