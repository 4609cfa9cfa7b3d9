// Opening a stored identity document: its owner, or a reviewer (audited), may read it.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { mayUse } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readEncryptedFile } from "@/lib/storage/encrypted-files";
import { documentContext } from "./personal-data";

/** The document and its decrypted bytes, or null when it does not exist for this user. */
export async function openKycDocument(user: CurrentUser, id: string, request: () => Promise<RequestInfo>) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const isReviewer = mayUse(user, "kyc.review"); // staff powers need 2FA on
  const document = await db.kycDocument.findFirst({
    where: { id, ...(isReviewer ? {} : { case: { userId: user.id } }) },
    include: { case: { select: { id: true, userId: true } } },
  });
  if (!document) return null;

  const content = await readEncryptedFile(document.storageKey, documentContext(document.case.id, document.storageKey));
  if (document.case.userId !== user.id) {
    await recordAudit(
      { actorId: user.id, action: "kyc.document.view", targetType: "kyc_document", targetId: document.id },
      await request(),
    );
  }
  return { document, content };
}
