import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateKeyEntry } from "@/lib/crypto/encryption";
import { deriveKey, KEY_PURPOSES } from "@/lib/crypto/derived-keys";

const OLD = "q8Zr0vK3nT6yW1pB4mX7cL2sD9fH5jG0-old-secret";
const NEW = "Xn4Lw9Pq2Rt7Yb1Vc6Zm3Ks8Dh5Fj0Ga-new-secret";
const saved = { ...process.env };

// Each case loads the modules afresh under the AUTH_SECRET it sets (env() is read once).
async function withSecret(secret: string) {
  vi.resetModules();
  Object.assign(process.env, {
    AUTH_SECRET: secret,
    ENCRYPTION_KEY: generateKeyEntry("k1"),
    DATABASE_URL: "postgresql://127.0.0.1/unused",
  });
  return {
    keys: await import("@/lib/crypto/derived-keys"),
    tokens: await import("@/lib/auth/signed-token"),
  };
}

afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

describe("keys derived from AUTH_SECRET", () => {
  it("gives every purpose its own key, none equal to the secret or its plain HMAC", () => {
    const keys = KEY_PURPOSES.map((purpose) => deriveKey(NEW, purpose).toString("hex"));
    expect(new Set(keys).size).toBe(KEY_PURPOSES.length);
    expect(keys).not.toContain(Buffer.from(NEW).toString("hex"));
    expect(keys).not.toContain(createHmac("sha256", NEW).update("hashwork:sign-in-ticket").digest("hex"));
    expect(deriveKey(NEW, "session")).toHaveLength(32);
  });

  it("refuses a token signed for one purpose when presented for another", async () => {
    const { tokens } = await withSecret(NEW);
    const ticket = tokens.signToken("sign-in-ticket", "user-1", 60_000);
    expect(tokens.verifyToken("sign-in-ticket", ticket)).toBe("user-1");
    expect(tokens.verifyToken("second-factor-challenge", ticket)).toBeNull();
  });

  it("keeps tokens and hashes made with the old secret valid while it is listed after the new one", async () => {
    const before = await withSecret(OLD);
    const ticket = before.tokens.signToken("second-factor-challenge", "user-2", 60_000);
    const oldHash = before.keys.keyedHash("recovery-code", "abcde12345");

    const rotated = await withSecret(`${NEW},${OLD}`);
    expect(rotated.tokens.verifyToken("second-factor-challenge", ticket)).toBe("user-2");
    expect(rotated.keys.keyedHashes("recovery-code", "abcde12345")).toContain(oldHash);
    expect(rotated.keys.keyedHash("recovery-code", "abcde12345")).not.toBe(oldHash); // new hashes use the new secret

    const dropped = await withSecret(NEW);
    expect(dropped.tokens.verifyToken("second-factor-challenge", ticket)).toBeNull();
    expect(dropped.keys.keyedHashes("recovery-code", "abcde12345")).not.toContain(oldHash);
  });
});
