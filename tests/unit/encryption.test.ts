import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, encrypt, generateKeyEntry, parseKeyRing } from "@/lib/crypto/encryption";

describe("AES-256-GCM encryption at rest", () => {
  const ring = parseKeyRing(generateKeyEntry("k1"));

  it("round-trips, and the ciphertext shows nothing of the plaintext", () => {
    const secret = Buffer.from("JBSWY3DPEHPK3PXP and a passport number X1234567");
    const { blob, keyId } = encrypt(ring, secret, "kyc:user-1");
    expect(keyId).toBe("k1");
    expect(blob.toString("latin1")).not.toContain("X1234567");
    expect(decrypt(ring, blob, "kyc:user-1").equals(secret)).toBe(true);
    expect(encrypt(ring, secret, "kyc:user-1").blob.equals(blob)).toBe(false); // fresh IV each time
  });

  it("refuses a tampered blob, the wrong context or an unknown key", () => {
    const { blob } = encrypt(ring, Buffer.from("hello"), "totp:a");
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decrypt(ring, tampered, "totp:a")).toThrow();
    expect(() => decrypt(ring, blob, "totp:b")).toThrow();
    expect(() => decrypt(parseKeyRing(generateKeyEntry("k2")), blob, "totp:a")).toThrow(/No key "k1"/);
  });

  it("rotates keys: new data uses the first key, old data still opens with the second", () => {
    const old = encrypt(ring, Buffer.from("old"), "x");
    const [, oldKey] = generateKeyEntry("k1").split(":");
    const rotated = parseKeyRing(`${generateKeyEntry("k2")},k1:${ring.keys.get("k1")!.toString("base64")}`);
    expect(decrypt(rotated, old.blob, "x").toString()).toBe("old");
    expect(encrypt(rotated, Buffer.from("new"), "x").keyId).toBe("k2");
    expect(oldKey).toBeTruthy();
  });

  it("validates ENCRYPTION_KEY", () => {
    expect(() => parseKeyRing("")).toThrow(/empty/);
    expect(() => parseKeyRing("k1:short")).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`no-colon${randomBytes(32).toString("base64")}`)).toThrow();
    const entry = generateKeyEntry("k1");
    expect(() => parseKeyRing(`${entry},${entry}`)).toThrow(/twice/);
  });
});
