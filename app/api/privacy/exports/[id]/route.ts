// Serves a privacy export, decrypted as it streams, to its owner only. Anyone else, an unknown id
// and an expired export all get the same 404, which says that exports are kept for 7 days.
import { Readable } from "node:stream";
import { currentUser } from "@/lib/auth/session";
import { openExportForOwner } from "@/lib/privacy/export";
import { EXPORT_TTL_DAYS } from "@/lib/privacy/retention-rules";

const notFound = () =>
  new Response(
    `This export does not exist or has expired. Exports can be downloaded for ${EXPORT_TTL_DAYS} days; ask for a new one from the Privacy centre.`,
    { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } },
  );

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return notFound();
  const opened = await openExportForOwner(id, user.id);
  if (!opened) return notFound();
  return new Response(Readable.toWeb(Readable.from(opened.stream)) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-length": String(opened.sizeBytes),
      "content-disposition": `attachment; filename="${opened.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
