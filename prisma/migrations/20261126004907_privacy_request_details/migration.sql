-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN     "complaintInfo" TEXT,
ADD COLUMN     "kycCaseId" UUID,
ADD COLUMN     "objectionPurpose" "ConsentPurpose",
ADD COLUMN     "recipientEmail" TEXT,
ADD COLUMN     "rectifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "requestedChange" JSONB,
ADD COLUMN     "response" TEXT;

-- CreateIndex
CREATE INDEX "PrivacyRequest_kycCaseId_idx" ON "PrivacyRequest"("kycCaseId");

-- AddForeignKey
ALTER TABLE "PrivacyRequest" ADD CONSTRAINT "PrivacyRequest_kycCaseId_fkey" FOREIGN KEY ("kycCaseId") REFERENCES "KycCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

