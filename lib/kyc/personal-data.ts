// A case's personal details are one encrypted JSON document; the ID number is also kept as a
// keyed hash, so duplicate IDs can be found without decrypting anything.
import "server-only";
import { decrypt, encrypt } from "@/lib/crypto/encryption";
import { keyRing } from "@/lib/crypto/key-ring";
import { keyedHash, keyedHashes } from "@/lib/crypto/derived-keys";
import type { KycDetails } from "@/lib/validation/kyc";

const context = (userId: string) => `kyc:${userId}`;

export function sealDetails(userId: string, details: KycDetails): { dataEnc: Uint8Array<ArrayBuffer>; keyId: string } {
  const { blob, keyId } = encrypt(keyRing(), Buffer.from(JSON.stringify(details), "utf8"), context(userId));
  return { dataEnc: new Uint8Array(blob), keyId };
}

export function openDetails(userId: string, dataEnc: Uint8Array): KycDetails {
  return JSON.parse(decrypt(keyRing(), Buffer.from(dataEnc), context(userId)).toString("utf8")) as KycDetails;
}

type IdDocument = Pick<KycDetails, "idType" | "idNumber" | "nationality">;
const normaliseId = (details: IdDocument) =>
  `${details.nationality}|${details.idType}|${details.idNumber.toUpperCase().replace(/[\s-]/g, "")}`;

/** Same document → same hash, whatever the spacing or case of the number. */
export function idNumberHash(details: IdDocument): string {
  return keyedHash("kyc-id-number", normaliseId(details));
}

/** The document's hash under every listed secret, to find duplicates across a key rotation. */
export function idNumberHashes(details: IdDocument): string[] {
  return keyedHashes("kyc-id-number", normaliseId(details));
}

export function documentContext(caseId: string, storageKey: string): string {
  return `kyc-doc:${caseId}:${storageKey}`;
}
