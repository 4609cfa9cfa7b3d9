import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

// Written by the `argon2` package (0.45) this project used before; existing accounts hold such hashes.
const HASH_FROM_PREVIOUS_LIBRARY =
  "$argon2id$v=19$m=19456,p=1,t=2$3G3uvvqTaU7D9mYVg7egzg$IwgpQ/P4zyEs+GnPD1OgosbsysCWiF9+KELvsJuz/d0";

describe("passwords", () => {
  it("hashes with argon2id at 19 MiB, t=2, p=1 and verifies only the right password", async () => {
    const hash = await hashPassword("copper-lantern-orbit-57");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "copper-lantern-orbit-57")).toBe(true);
    expect(await verifyPassword(hash, "copper-lantern-orbit-58")).toBe(false);
  });

  it("still verifies a hash written by the previous argon2 library", async () => {
    expect(await verifyPassword(HASH_FROM_PREVIOUS_LIBRARY, "copper-lantern-orbit-57")).toBe(true);
    expect(await verifyPassword(HASH_FROM_PREVIOUS_LIBRARY, "copper-lantern-orbit-5")).toBe(false);
  });

  it("treats a malformed stored hash as a wrong password, not an error", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$AAAA$", "anything")).toBe(false);
  });
});
