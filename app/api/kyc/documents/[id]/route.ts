// Serves a KYC document, decrypted, to its owner and to KYC reviewers only. Anyone else — and
// any id that does not exist — gets the same 404. Staff views are audited.
import { requestInfo } from "@/lib/auth/request-info";
import { currentUser } from "@/lib/auth/session";
import { openKycDocument } from "@/lib/kyc/documents";

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const user = await currentUser();
  const opened = user ? await openKycDocument(user, id, requestInfo) : null;
  if (!opened) return notFound();
  const { document, content } = opened;
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
