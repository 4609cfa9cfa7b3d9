// Privacy exports (access and portability): built by a job into an encrypted file, downloadable
// by their owner for 7 days, then deleted by the retention job (docs/product-rules.md §10).
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/queue";
import { sendMail } from "@/lib/mail/send-mail";
import { exportForRecipientMail, exportReadyMail } from "@/lib/mail/templates";
import { exportExpiry } from "@/lib/privacy/retention-rules";
import { routes } from "@/lib/routes";
import { deleteEncryptedFile, openEncryptedStream, storeEncryptedStream } from "@/lib/storage/encrypted-files";
import { exportZip } from "./build-zip";

const EXPORT_TYPES = ["access", "portability"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Larger exports are not mailed to a third party: mail servers commonly refuse them. */
export const MAX_MAILED_EXPORT_BYTES = 20 * 1024 * 1024;

/** Binds an export's ciphertext to its owner and file: it opens under no other row. */
const exportContext = (userId: string, storageKey: string) => `privacy-export:${userId}:${storageKey}`;

export const exportFileName = (createdAt: Date) => `hashwork-data-${createdAt.toISOString().slice(0, 10)}.zip`;

/** Queues the job that builds the request's export; a second call while one waits does nothing. */
export async function scheduleExport(requestId: string): Promise<void> {
  await enqueue("build-export", { requestId }, { singletonKey: `export:${requestId}` });
}

/**
 * Builds the export of the request's owner: streams the ZIP from the database into an encrypted
 * file, records it (expiring in 7 days), completes the request and emails the customer. A request
 * that already has a live export gets that one back (a repeated job does nothing new).
 */
export async function buildExport(requestId: string, now: Date = new Date()): Promise<{ exportId: string }> {
  const request = await db.privacyRequest.findUnique({
    where: { id: requestId },
    select: { id: true, userId: true, type: true, status: true, user: { select: { email: true, status: true } } },
  });
  if (!request?.userId || !request.user) throw new Error(`Export: request ${requestId} has no customer`);
  if (!(EXPORT_TYPES as readonly string[]).includes(request.type)) {
    throw new Error(`Export: a ${request.type} request has no export`);
  }
  const live = await db.dataExport.findFirst({
    where: { requestId, expiresAt: { gt: now } },
    select: { id: true },
    orderBy: { createdAt: "desc" },
  });
  if (live) return { exportId: live.id };

  const userId = request.userId;
  const exportId = randomUUID();
  const zip = await exportZip({ userId, generatedAt: now });
  const stored = await storeEncryptedStream(zip, (storageKey) => exportContext(userId, storageKey));
  const expiresAt = exportExpiry(now);
  try {
    await db.$transaction(async (tx) => {
      await tx.dataExport.create({
        data: {
          id: exportId,
          requestId,
          userId,
          storageKey: stored.storageKey,
          keyId: stored.keyId,
          sizeBytes: stored.sizeBytes,
          expiresAt,
          createdAt: now,
        },
      });
      const completed = await tx.privacyRequest.updateMany({
        where: { id: requestId, status: { in: ["received", "in_progress", "extended"] } },
        data: { status: "completed", completedAt: now },
      });
      await tx.privacyRequestEvent.create({
        data: {
          requestId,
          type: completed.count ? "completed" : "export_ready",
          note: `Your export is ready to download until ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
          createdAt: now,
        },
      });
    });
  } catch (error) {
    await deleteEncryptedFile(stored.storageKey);
    throw error;
  }
  await sendMail(
    exportReadyMail(request.user.email, new URL(routes.dashboard.privacy, env().APP_URL).toString(), expiresAt),
  );
  return { exportId };
}

/**
 * The export's content, decrypted, for its owner only and only until it expires; null for anyone
 * else, an unknown id or an expired export (the caller answers all of them alike).
 */
export async function openExportForOwner(
  exportId: string,
  userId: string,
  now: Date = new Date(),
): Promise<{ stream: NodeJS.ReadableStream; fileName: string; sizeBytes: number } | null> {
  if (!UUID.test(exportId) || !UUID.test(userId)) return null;
  const found = await db.dataExport.findFirst({
    where: { id: exportId, userId, expiresAt: { gt: now } },
    select: { id: true, storageKey: true, createdAt: true },
  });
  if (!found) return null;
  const { stream, sizeBytes } = await openEncryptedStream(found.storageKey, exportContext(userId, found.storageKey));
  await db.dataExport.updateMany({ where: { id: found.id, downloadedAt: null }, data: { downloadedAt: now } });
  return { stream, fileName: exportFileName(found.createdAt), sizeBytes };
}

/**
 * Portability to a third party: mails the request's live export to the recipient the customer
 * named, as an attachment (exports above 20 MB are refused: ask the customer to download it).
 * Audited; the recipient's address is in the request, not in the audit log.
 */
export async function sendExportToRecipient(requestId: string, actorId: string): Promise<void> {
  const now = new Date();
  const recipient = (await db.privacyRequest.findUnique({ where: { id: requestId }, select: { recipientEmail: true } }))
    ?.recipientEmail;
  if (!recipient) throw new UserError("This request names no recipient to send the export to.");
  const found = await db.dataExport.findFirst({
    where: { requestId, expiresAt: { gt: now } },
    select: { id: true, userId: true, storageKey: true, sizeBytes: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  if (!found) throw new UserError("This request has no export ready to send. Build it first.");
  if (found.sizeBytes > MAX_MAILED_EXPORT_BYTES) {
    throw new UserError("This export is too large to mail (over 20 MB). Ask the customer to download and pass it on.");
  }
  const { stream } = await openEncryptedStream(found.storageKey, exportContext(found.userId, found.storageKey));
  await sendMail(exportForRecipientMail(recipient, { filename: exportFileName(found.createdAt), content: stream }));
  await recordAudit(
    {
      actorId,
      action: "privacy.export.sent",
      targetType: "privacy_request",
      targetId: requestId,
      details: { exportId: found.id, sizeBytes: found.sizeBytes },
    },
    { ip: null, userAgent: null },
  );
  await db.privacyRequestEvent.create({
    data: { requestId, actorId, type: "export_sent", note: "Your export was sent to the recipient you named." },
  });
}

/** Deletes exports past their expiry: the file first, then the row. Returns how many. */
export async function deleteExpiredExports(now: Date = new Date()): Promise<number> {
  let deleted = 0;
  for (;;) {
    const expired = await db.dataExport.findMany({
      where: { expiresAt: { lte: now } },
      select: { id: true, storageKey: true },
      take: 500,
    });
    if (!expired.length) return deleted;
    for (const file of expired) await deleteEncryptedFile(file.storageKey);
    const { count } = await db.dataExport.deleteMany({ where: { id: { in: expired.map((file) => file.id) } } });
    deleted += count;
  }
}

/** Deletes every export of a customer (erasure). */
export async function deleteExportsOf(userId: string): Promise<void> {
  const exports = await db.dataExport.findMany({ where: { userId }, select: { id: true, storageKey: true } });
  for (const file of exports) await deleteEncryptedFile(file.storageKey);
  await db.dataExport.deleteMany({ where: { id: { in: exports.map((file) => file.id) } } });
}
