import { describe, expect, it } from "vitest";
import { generateKeyEntry } from "@/lib/crypto/encryption";
import { parseEnv } from "@/lib/env";

const good = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/hashwork",
  AUTH_SECRET: "q8Zr0vK3nT6yW1pB4mX7cL2sD9fH5jG0",
  ENCRYPTION_KEY: generateKeyEntry("k1"),
};

describe("environment validation", () => {
  it("accepts a complete environment and leaves optional integrations off", () => {
    const env = parseEnv({ ...good, NODE_ENV: "production", SMTP_URL: "" });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
    expect(env.AUTH_SECRET).toEqual([good.AUTH_SECRET]);
    expect(env.JOBS).toBe("on");
    expect(env.TRUST_PROXY).toBe(0);
  });

  it("accepts an http(s) market-data feed URL and refuses anything else", () => {
    expect(parseEnv({ ...good, MARKET_DATA_URL: "" }).MARKET_DATA_URL).toBeUndefined();
    expect(parseEnv({ ...good, MARKET_DATA_URL: "https://feed.example/today" }).MARKET_DATA_URL).toBe(
      "https://feed.example/today",
    );
    for (const bad of ["file:///etc/passwd", "ftp://feed.example", "not a url"])
      expect(() => parseEnv({ ...good, MARKET_DATA_URL: bad })).toThrow(/MARKET_DATA_URL/);
  });

  it("reads a rotation list of secrets, newest first", () => {
    const older = "Xn4Lw9Pq2Rt7Yb1Vc6Zm3Ks8Dh5Fj0Ga";
    expect(parseEnv({ ...good, AUTH_SECRET: `${good.AUTH_SECRET}, ${older}` }).AUTH_SECRET).toEqual([
      good.AUTH_SECRET,
      older,
    ]);
  });

  it.each([
    ["0", 0],
    ["1", 1],
    ["2", 2],
    ["false", 0],
    ["true", 1],
  ])("reads TRUST_PROXY=%s as %i trusted proxies", (value, hops) => {
    expect(parseEnv({ ...good, TRUST_PROXY: value }).TRUST_PROXY).toBe(hops);
  });

  it("pays out on Bitcoin mainnet unless BITCOIN_NETWORK says otherwise", () => {
    expect(parseEnv(good).BITCOIN_NETWORK).toBe("mainnet");
    expect(parseEnv({ ...good, BITCOIN_NETWORK: "testnet" }).BITCOIN_NETWORK).toBe("testnet");
    expect(parseEnv({ ...good, BITCOIN_NETWORK: "regtest" }).BITCOIN_NETWORK).toBe("regtest");
  });

  it.each([
    ["a missing AUTH_SECRET", { AUTH_SECRET: undefined }, /AUTH_SECRET/],
    ["a short AUTH_SECRET", { AUTH_SECRET: "secret" }, /at least 32 characters/],
    ["a repetitive AUTH_SECRET", { AUTH_SECRET: "a".repeat(40) }, /too repetitive/],
    [
      "a short older AUTH_SECRET in a rotation list",
      { AUTH_SECRET: `${good.AUTH_SECRET},short` },
      /at least 32 characters/,
    ],
    ["a missing ENCRYPTION_KEY", { ENCRYPTION_KEY: undefined }, /ENCRYPTION_KEY/],
    ["a weak ENCRYPTION_KEY", { ENCRYPTION_KEY: "k1:c2hvcnQ=" }, /32 bytes/],
    ["a Stripe key of the wrong kind", { STRIPE_SECRET_KEY: "pk_test_123" }, /STRIPE_SECRET_KEY/],
    ["a webhook secret of the wrong kind", { STRIPE_WEBHOOK_SECRET: "sk_test_123" }, /STRIPE_WEBHOOK_SECRET/],
    ["a database URL that is not PostgreSQL", { DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    ["TRUST_PROXY that is not a number of proxies", { TRUST_PROXY: "yes please" }, /TRUST_PROXY/],
    ["a negative TRUST_PROXY", { TRUST_PROXY: "-1" }, /TRUST_PROXY/],
    ["an unknown BITCOIN_NETWORK", { BITCOIN_NETWORK: "signet" }, /BITCOIN_NETWORK/],
  ])("refuses to start with %s, naming the variable", (_name, change, message) => {
    expect(() => parseEnv({ ...good, NODE_ENV: "production", ...change })).toThrow(message);
  });
});
