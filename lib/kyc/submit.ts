// Taking a customer's KYC submission: every file is checked before anything is written, files
// are stored encrypted, and the case moves to "pending" in one transaction with its pre-check.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { KycDocumentKind } from "@/lib/generated/prisma/enums";
import { deleteEncryptedFile, storeEncryptedFile } from "@/lib/storage/encrypted-files";
import { DOCUMENT_LABELS, TWO_SIDED, type KycDetails, type ResubmitItem } from "@/lib/validation/kyc";
import { documentContext, idNumberHash, openDetails, sealDetails } from "./personal-data";
import { preCheck } from "./pre-check";
import { prepareUpload, type PreparedUpload } from "./uploads";

export type KycSubmission = {
  userId: string;
  details?: KycDetails;
  files: Partial<Record<KycDocumentKind, File>>;
};

const SUBMITTABLE = ["not_started", "resubmission_requested"] as const;

export async function submitKyc({ userId, details, files }: KycSubmission, request: RequestInfo) {
  const existing = await db.kycCase.findUnique({
    where: { userId },
    include: { documents: { where: { supersededAt: null }, select: { kind: true } } },
  });
  const status = existing?.status ?? "not_started";
  if (!(SUBMITTABLE as readonly string[]).includes(status)) {
    throw new UserError(
      status === "pending"
        ? "Your documents are being reviewed; there is nothing to send now."
        : `Your verification is ${status.replace("_", " ")}; it cannot be changed here.`,
    );
  }
  const first = status === "not_started" || !existing?.dataEnc;
  const requested = new Set<ResubmitItem>(
    first ? ["details", "id_front", "id_back", "selfie"] : (existing!.resubmitItems as ResubmitItem[]),
  );
  const finalDetails = details ?? (existing?.dataEnc ? openDetails(userId, existing.dataEnc) : undefined);
  if (!finalDetails || (requested.has("details") && !details)) throw new UserError("Fill in your personal details.");

  const have = new Set<KycDocumentKind>(first ? [] : existing!.documents.map((document) => document.kind));
  const needed: KycDocumentKind[] = ["id_front", "selfie"];
  if (TWO_SIDED.includes(finalDetails.idType)) needed.push("id_back");
  const missing = needed.filter((kind) => !files[kind] && (requested.has(kind) || !have.has(kind)));
  if (missing.length) {
    const fieldErrors = Object.fromEntries(
      missing.map((kind) => [kind, [`Add the ${DOCUMENT_LABELS[kind].toLowerCase()}.`]]),
    );
    throw new UserError(`Add: ${missing.map((kind) => DOCUMENT_LABELS[kind]).join(", ")}.`, fieldErrors);
  }

  // Check every file before storing any, so a bad one leaves nothing behind.
  const prepared: [KycDocumentKind, PreparedUpload][] = [];
  for (const kind of Object.keys(DOCUMENT_LABELS) as KycDocumentKind[]) {
    const file = files[kind];
    if (!file) continue;
    if (kind === "id_back" && !TWO_SIDED.includes(finalDetails.idType)) continue;
    try {
      prepared.push([kind, await prepareUpload(file, DOCUMENT_LABELS[kind])]);
    } catch (error) {
      if (error instanceof UserError) throw new UserError(error.message, { [kind]: [error.message] });
      throw error;
    }
  }

  const idHash = idNumberHash(finalDetails);
  const flags = await preCheck(userId, finalDetails);
  const kycCase = existing ?? (await db.kycCase.create({ data: { userId } }));
  const stored: { kind: KycDocumentKind; storageKey: string; keyId: string; mimeType: string; sizeBytes: number }[] =
    [];
  try {
    for (const [kind, upload] of prepared) {
      const { storageKey, keyId } = await storeEncryptedFile(upload.content, (key) => documentContext(kycCase.id, key));
      stored.push({ kind, storageKey, keyId, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes });
    }
    const now = new Date();
    return await db.$transaction(async (tx) => {
      const updated = await tx.kycCase.updateMany({
        where: { id: kycCase.id, status: { in: [...SUBMITTABLE] } },
        data: {
          ...(details ? sealDetails(userId, details) : {}),
          idNumberHash: idHash,
          status: "pending",
          submittedAt: now,
          flagged: flags.length > 0,
          flagReason: flags.length ? flags.join(" ") : null,
          humanReviewRequestedAt: null,
          resubmitItems: [],
          customerMessage: null,
        },
      });
      if (updated.count !== 1) throw new UserError("Your verification changed meanwhile. Reload the page.");
      const replaced = [...new Set(stored.map((document) => document.kind))];
      await tx.kycDocument.updateMany({
        where: { caseId: kycCase.id, kind: { in: replaced }, supersededAt: null },
        data: { supersededAt: now },
      });
      await tx.kycDocument.createMany({ data: stored.map((document) => ({ ...document, caseId: kycCase.id })) });
      await tx.kycEvent.create({
        data: { caseId: kycCase.id, actorId: userId, type: first ? "submitted" : "resubmitted" },
      });
      if (flags.length)
        await tx.kycEvent.create({ data: { caseId: kycCase.id, type: "flagged", message: flags.join(" ") } });
      await recordActivity(userId, "kyc_submitted", request, undefined, tx);
      return { caseId: kycCase.id, flags };
    });
  } catch (error) {
    await Promise.all(stored.map((document) => deleteEncryptedFile(document.storageKey)));
    throw error;
  }
}
