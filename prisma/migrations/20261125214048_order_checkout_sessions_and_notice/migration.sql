-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "checkoutSessions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "notice" TEXT;

