// A TOTP secret at rest: AES-256-GCM under the app's key ring, bound to its user (the user id is
// authenticated data, so one account's ciphertext cannot be pasted onto another).
import { decrypt, encrypt, type KeyRing } from "@/lib/crypto/encryption";

const context = (userId: string) => `totp:${userId}`;

export function sealTotpSecret(
  ring: KeyRing,
  userId: string,
  secret: string,
): { totpSecretEnc: Uint8Array<ArrayBuffer>; totpKeyId: string } {
  const { blob, keyId } = encrypt(ring, Buffer.from(secret, "utf8"), context(userId));
  return { totpSecretEnc: new Uint8Array(blob), totpKeyId: keyId };
}

export function openTotpSecret(ring: KeyRing, userId: string, blob: Uint8Array): string {
  return decrypt(ring, Buffer.from(blob), context(userId)).toString("utf8");
}
