// Serves a KYC document, decrypted, to its owner and to KYC reviewers only. Anyone else — and
// any id that does not exist — gets the same 404. Staff views are audited.
import { recordAudit } from "@/lib/activity/record";
import { mayUse } from "@/lib/auth/permissions";
import { requestInfo } from "@/lib/auth/request-info";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { documentContext } from "@/lib/kyc/personal-data";
import { readEncryptedFile } from "@/lib/storage/encrypted-files";

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const user = await currentUser();
  if (!user || !/^[0-9a-f-]{36}$/i.test(id)) return notFound();
  const isReviewer = mayUse(user, "kyc.review"); // staff powers need 2FA on
  const document = await db.kycDocument.findFirst({
    where: { id, ...(isReviewer ? {} : { case: { userId: user.id } }) },
    include: { case: { select: { id: true, userId: true } } },
  });
  if (!document) return notFound();

  const content = await readEncryptedFile(document.storageKey, documentContext(document.case.id, document.storageKey));
  if (document.case.userId !== user.id) {
    await recordAudit({ actorId: user.id, action: "kyc.document.view", targetType: "kyc_document", targetId: document.id }, await requestInfo());
  }
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": document.mimeType,
      "content-length": String(content.length),
      "content-disposition": `inline; filename="${document.kind}.${EXTENSIONS[document.mimeType] ?? "bin"}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
