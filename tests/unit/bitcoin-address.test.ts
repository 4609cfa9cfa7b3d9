// Payout addresses: every supported type is accepted on its own network with its checksum, and
// typing mistakes and other networks' addresses are refused.
import { describe, expect, it } from "vitest";
import { checkBitcoinAddress } from "@/lib/withdrawals/bitcoin-address";

const MAINNET = {
  p2pkh: "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
  p2sh: "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
  p2wpkh: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
  p2wsh: "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
  p2tr: "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
} as const;

const TESTNET = {
  p2pkh: "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn",
  p2sh: "2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc",
  p2wpkh: "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",
  p2wsh: "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
  p2tr: "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
} as const;

describe("checkBitcoinAddress", () => {
  it.each(Object.entries(MAINNET))("accepts a mainnet %s address on mainnet", (type, address) => {
    expect(checkBitcoinAddress(address, "mainnet")).toEqual({ ok: true, address, type });
  });

  it.each(Object.entries(TESTNET))("accepts a testnet %s address on testnet", (type, address) => {
    expect(checkBitcoinAddress(address, "testnet")).toEqual({ ok: true, address, type });
  });

  it("accepts regtest bech32 addresses on regtest", () => {
    expect(checkBitcoinAddress("bcrt1q6rhpng9evdsfnn833a4f4vej0asu6dk5srld6x", "regtest")).toMatchObject({
      ok: true,
      type: "p2wpkh",
    });
  });

  it("trims spaces and reads an all-upper-case bech32 address as its lower-case form", () => {
    expect(checkBitcoinAddress(`  ${MAINNET.p2wpkh.toUpperCase()} `, "mainnet")).toMatchObject({
      ok: true,
      address: MAINNET.p2wpkh,
    });
  });

  it.each([
    ["a base58 checksum error", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"],
    ["a P2SH checksum error", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz"],
    ["a bech32 checksum error", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx"],
    ["a bech32m checksum error", "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3298"],
    ["mixed case bech32", "bc1qAr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"],
    ["plain text", "not an address"],
    ["an empty string", ""],
  ])("refuses %s", (_what, address) => {
    expect(checkBitcoinAddress(address, "mainnet")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a valid/),
    });
  });

  it.each(Object.values(TESTNET))("refuses the testnet address %s on mainnet", (address) => {
    expect(checkBitcoinAddress(address, "mainnet")).toEqual({
      ok: false,
      reason: "That address is for Bitcoin testnet; payouts go to Bitcoin mainnet addresses.",
    });
  });

  it.each(Object.values(MAINNET))("refuses the mainnet address %s on testnet and regtest", (address) => {
    expect(checkBitcoinAddress(address, "testnet")).toMatchObject({ ok: false, reason: /for Bitcoin mainnet/ });
    expect(checkBitcoinAddress(address, "regtest")).toMatchObject({ ok: false, reason: /for Bitcoin mainnet/ });
  });

  it("refuses a regtest address on mainnet", () => {
    expect(checkBitcoinAddress("bcrt1q6rhpng9evdsfnn833a4f4vej0asu6dk5srld6x", "mainnet")).toMatchObject({
      ok: false,
      reason: /for Bitcoin regtest/,
    });
  });
});
