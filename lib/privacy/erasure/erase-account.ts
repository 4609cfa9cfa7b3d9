// Erasure (docs/product-rules.md §10). A customer with no transactions is deleted entirely. A
// customer with transactions keeps their transaction records (orders, contracts, settlements,
// ledger, credits, withdrawals) for 5 years after closure, pseudonymised: the user row keeps only
// a random pseudonym, and what identified them in the kept rows (withdrawal addresses, credit
// notes, ledger descriptions naming an address, audit details and addresses, request texts) moves
// into one encrypted RetainedPersonalData document. Amounts and links between records are never
// touched, so every balance and every platform total stays what it was.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/activity/record";
import { encrypt } from "@/lib/crypto/encryption";
import { keyRing } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_ABOUT_CUSTOMER } from "@/lib/privacy/export/sections";
import { deleteExportsOf } from "@/lib/privacy/export";
import { amlHoldApplies, retainedUntil, type RetentionFacts } from "@/lib/privacy/retention-rules";
import { deleteEncryptedFile } from "@/lib/storage/encrypted-files";
import { cancelOpenOrders } from "./close-account";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Cannot receive mail: `.invalid` is reserved and never resolves (RFC 2606). */
export const pseudonymEmail = () => `erased-${randomBytes(12).toString("hex")}@erased.invalid`;
/** Not a password hash: verification fails for every password. */
export const UNUSABLE_PASSWORD = "!erased";
/** Put where an identifying text was; the text itself is in the encrypted document. */
export const ERASED = "[erased]";

export const retainedContext = (userId: string) => `retained:${userId}`;

const TRANSACTION_TIMEOUT_MS = 120_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function retentionFacts(client: Tx | typeof db, userId: string): Promise<RetentionFacts> {
  const [row] = await client.$queryRaw<
    { ledger: boolean; orders: boolean; withdrawals: boolean; credits: boolean; paid: bigint; kyc: boolean }[]
  >`
    SELECT
      EXISTS (SELECT 1 FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE a."userId" = ${userId}::uuid) AS ledger,
      EXISTS (SELECT 1 FROM "Order" WHERE "userId" = ${userId}::uuid AND status IN ('paid', 'refunded')) AS orders,
      EXISTS (SELECT 1 FROM "Withdrawal" WHERE "userId" = ${userId}::uuid) AS withdrawals,
      EXISTS (SELECT 1 FROM "BalanceCredit" WHERE "userId" = ${userId}::uuid AND status = 'posted') AS credits,
      COALESCE((SELECT SUM("totalCents") FROM "Order" WHERE "userId" = ${userId}::uuid AND status = 'paid'), 0)::bigint AS paid,
      EXISTS (SELECT 1 FROM "KycCase" WHERE "userId" = ${userId}::uuid AND status = 'approved') AS kyc`;
  return {
    hasTransactions: Boolean(row!.ledger || row!.orders || row!.withdrawals || row!.credits),
    kycApproved: row!.kyc,
    hasWithdrawals: row!.withdrawals,
    paidPurchasesCents: row!.paid,
  };
}

/** Deletes the customer's KYC case: the encrypted files first, then the rows (documents, notes, events cascade). */
async function deleteKyc(userId: string): Promise<void> {
  const documents = await db.kycDocument.findMany({ where: { case: { userId } }, select: { storageKey: true } });
  for (const document of documents) await deleteEncryptedFile(document.storageKey);
  await db.kycCase.deleteMany({ where: { userId } });
}

/**
 * Traces of the email address outside the user's rows: mail copies, support questions (their
 * messages cascade; none is a record the law makes us keep), rate-limit counters, queued jobs.
 */
async function forgetEmailTraces(tx: Tx, email: string): Promise<void> {
  await tx.outboxEmail.deleteMany({ where: { to: email } });
  await tx.supportTicket.deleteMany({ where: { email } });
  await tx.$executeRaw`DELETE FROM rate_limits WHERE position(${email} in key) > 0`;
  const [queue] = await tx.$queryRaw<{ job: string | null; archive: string | null }[]>`
    SELECT to_regclass('pgboss.job')::text AS job, to_regclass('pgboss.archive')::text AS archive`;
  if (queue?.job) await tx.$executeRaw`DELETE FROM pgboss.job WHERE position(${email} in data::text) > 0`;
  if (queue?.archive) await tx.$executeRaw`DELETE FROM pgboss.archive WHERE position(${email} in data::text) > 0`;
}

/** Takes IP addresses and details out of the audit rows about the customer; returns what was there. */
async function redactAudit(tx: Tx, userId: string) {
  if (!UUID.test(userId)) throw new Error("redactAudit: not a user id");
  await tx.$executeRaw`SELECT set_config('hashwork.erasure', 'on', true)`;
  const scope = Prisma.raw(AUDIT_ABOUT_CUSTOMER.replaceAll("$1", `'${userId}'::uuid`));
  const rows = await tx.$queryRaw<{ id: string; ip: string | null; details: unknown }[]>`
    SELECT t.id, t.ip, t.details FROM "AuditLog" t WHERE ${scope} AND (t.ip IS NOT NULL OR t.details IS NOT NULL)`;
  await tx.$executeRaw`UPDATE "AuditLog" t SET ip = NULL, details = NULL WHERE ${scope}`;
  await tx.$executeRaw`SELECT set_config('hashwork.erasure', 'off', true)`;
  return rows;
}

/**
 * What the customer's privacy requests say in words (their description, the officer's answer and
 * reasons, a third party's address, a requested correction) and their timelines' notes: moved out
 * of the rows, which stay as the record that each request was answered.
 */
async function clearRequestTexts(tx: Tx, userId: string) {
  const requests = await tx.privacyRequest.findMany({
    where: { userId },
    select: {
      id: true,
      details: true,
      response: true,
      decisionReason: true,
      extensionReason: true,
      recipientEmail: true,
      requestedChange: true,
    },
  });
  const events = await tx.privacyRequestEvent.findMany({
    where: { request: { userId }, note: { not: null } },
    select: { id: true, note: true },
  });
  await tx.privacyRequest.updateMany({
    where: { userId },
    data: {
      details: null,
      response: null,
      decisionReason: null,
      extensionReason: null,
      recipientEmail: null,
      requestedChange: Prisma.DbNull,
    },
  });
  await tx.privacyRequestEvent.updateMany({
    where: { id: { in: events.map((event) => event.id) } },
    data: { note: null },
  });
  return { requests, events };
}

/**
 * Erases the customer now (the retention job calls it 29 days after closure; the privacy officer
 * when completing an erasure request). Idempotent: a pseudonymised account stays as it is.
 * Refused while a withdrawal of theirs waits for a decision: its address is still needed.
 */
export async function eraseAccount(
  userId: string,
  opts: { requestId?: string; actorId?: string; now?: Date } = {},
): Promise<"deleted" | "pseudonymised"> {
  const now = opts.now ?? new Date();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, displayName: true, closedAt: true, pseudonymisedAt: true },
  });
  if (!user) throw new Error(`eraseAccount: no user ${userId}`);
  if (user.pseudonymisedAt) return "pseudonymised";
  if (await db.withdrawal.count({ where: { userId, status: "requested" } })) {
    throw new UserError("A withdrawal of this customer waits for a decision: decide it before erasing the account.");
  }
  const closedAt = user.closedAt ?? now;
  const facts = await retentionFacts(db, userId);
  const keepKyc = amlHoldApplies(facts);

  await deleteExportsOf(userId);
  if (!keepKyc) await deleteKyc(userId);

  if (!facts.hasTransactions) {
    await db.$transaction(
      async (tx) => {
        await cancelOpenOrders(tx, userId, now);
        await redactAudit(tx, userId);
        await clearRequestTexts(tx, userId);
        await forgetEmailTraces(tx, user.email);
        // Nothing here moved money: unpaid orders, unused ledger accounts, credits never posted.
        await tx.order.deleteMany({ where: { userId } });
        await tx.balanceCredit.deleteMany({ where: { userId } });
        await tx.ledgerAccount.deleteMany({ where: { userId } });
        await tx.user.delete({ where: { id: userId } });
        await recordAudit(
          {
            actorId: opts.actorId ?? null,
            action: "privacy.account.deleted",
            targetType: "user",
            targetId: userId,
            details: { requestId: opts.requestId ?? null },
          },
          { ip: null, userAgent: null },
          tx,
        );
        if (opts.requestId) {
          await tx.privacyRequestEvent.create({
            data: { requestId: opts.requestId, actorId: opts.actorId ?? null, type: "erased", createdAt: now },
          });
        }
      },
      { timeout: TRANSACTION_TIMEOUT_MS },
    );
    return "deleted";
  }

  await db.$transaction(
    async (tx) => {
      await cancelOpenOrders(tx, userId, now);
      const payout = await tx.payoutAddress.findUnique({ where: { userId }, select: { address: true, label: true } });
      const withdrawals = await tx.withdrawal.findMany({ where: { userId }, select: { id: true, address: true } });
      const addresses = [
        ...new Set([payout?.address, ...withdrawals.map((w) => w.address)].filter(Boolean)),
      ] as string[];
      const credits = await tx.balanceCredit.findMany({
        where: { userId },
        select: { id: true, note: true, rejectionReason: true },
      });
      // Ledger descriptions that quote something identifying: an address (withdrawal holds and
      // payouts), a credit's note (bank transfers), the email or name.
      const identifying = [
        ...addresses,
        ...credits.flatMap((credit) => [credit.note, credit.rejectionReason]),
        user.email,
        user.displayName,
      ].filter((text): text is string => Boolean(text && text.trim().length >= 3));
      const descriptions = await tx.$queryRaw<{ id: string; description: string }[]>`
        SELECT t.id, t.description FROM "LedgerTransaction" t
        WHERE t.id IN (SELECT e."transactionId" FROM "LedgerEntry" e
                       JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE a."userId" = ${userId}::uuid)
          AND EXISTS (SELECT 1 FROM unnest(${identifying}::text[]) quoted WHERE position(quoted in t.description) > 0)`;
      const kycKept = keepKyc
        ? await tx.kycCase.findUnique({
            where: { userId },
            select: {
              customerMessage: true,
              notes: { select: { id: true, body: true, authorId: true, createdAt: true } },
              events: { where: { message: { not: null } }, select: { id: true, message: true } },
            },
          })
        : null;
      const audit = await redactAudit(tx, userId);
      const requestTexts = await clearRequestTexts(tx, userId);

      const retained = {
        email: user.email,
        displayName: user.displayName,
        payoutAddress: payout,
        withdrawals,
        balanceCredits: credits,
        ledgerDescriptions: descriptions,
        audit,
        privacyRequests: requestTexts,
        kyc: kycKept,
      };
      const { blob, keyId } = encrypt(
        keyRing(),
        Buffer.from(JSON.stringify(retained), "utf8"),
        retainedContext(userId),
      );
      await tx.retainedPersonalData.upsert({
        where: { userId },
        create: { userId, dataEnc: new Uint8Array(blob), keyId, deleteAfter: retainedUntil(closedAt), createdAt: now },
        update: { dataEnc: new Uint8Array(blob), keyId },
      });

      for (const { id, description } of descriptions) {
        const cleaned = identifying.reduce((text, quoted) => text.replaceAll(quoted, ERASED), description);
        await tx.ledgerTransaction.update({ where: { id }, data: { description: cleaned } });
      }
      await tx.withdrawal.updateMany({ where: { userId }, data: { address: ERASED } });
      await tx.balanceCredit.updateMany({ where: { userId }, data: { note: ERASED } });
      await tx.balanceCredit.updateMany({
        where: { userId, rejectionReason: { not: null } },
        data: { rejectionReason: ERASED },
      });
      if (kycKept) {
        await tx.kycNote.deleteMany({ where: { case: { userId } } });
        await tx.kycEvent.updateMany({ where: { case: { userId } }, data: { message: null } });
        await tx.kycCase.update({ where: { userId }, data: { customerMessage: null } });
      }
      await tx.payoutAddress.deleteMany({ where: { userId } });
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.emailToken.deleteMany({ where: { userId } });
      await tx.userSession.deleteMany({ where: { userId } });
      await tx.apiKey.deleteMany({ where: { userId } });
      await tx.activityEvent.updateMany({
        where: { userId },
        data: { ip: null, userAgent: null, details: Prisma.DbNull },
      });
      await tx.consent.updateMany({ where: { userId }, data: { visitorId: null, ip: null, userAgent: null } });
      await tx.termsAcceptance.updateMany({ where: { userId }, data: { ip: null, userAgent: null } });
      await forgetEmailTraces(tx, user.email);
      await tx.user.update({
        where: { id: userId },
        data: {
          email: pseudonymEmail(),
          emailVerifiedAt: null,
          displayName: null,
          passwordHash: UNUSABLE_PASSWORD,
          totpSecretEnc: null,
          totpKeyId: null,
          totpEnabledAt: null,
          totpLastStep: null,
          marketingOptIn: false,
          status: "closed",
          closedAt,
          pseudonymisedAt: now,
          sessionVersion: { increment: 1 },
        },
      });
      await recordAudit(
        {
          actorId: opts.actorId ?? null,
          action: "privacy.account.pseudonymised",
          targetType: "user",
          targetId: userId,
          details: { requestId: opts.requestId ?? null, kycKept: keepKyc },
        },
        { ip: null, userAgent: null },
        tx,
      );
      if (opts.requestId) {
        await tx.privacyRequestEvent.create({
          data: { requestId: opts.requestId, actorId: opts.actorId ?? null, type: "pseudonymised", createdAt: now },
        });
      }
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
  return "pseudonymised";
}

/**
 * Ends the retention period of pseudonymised customers whose 5 years are over: the encrypted
 * document and any identity records kept under the AML hold are deleted. What stays (orders,
 * contracts, settlements, ledger) names nobody: a random pseudonym, amounts and dates.
 */
export async function endRetention(now: Date): Promise<number> {
  const due = await db.retainedPersonalData.findMany({
    where: { deleteAfter: { lte: now } },
    select: { userId: true },
    take: 1_000,
  });
  for (const { userId } of due) {
    await deleteKyc(userId);
    await db.retainedPersonalData.delete({ where: { userId } });
  }
  return due.length;
}
