// The signed cookie that keeps a browser's cookie choice: only our own signature counts.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeConsentCookie, encodeConsentCookie, parseAnalyticsId } from "@/lib/privacy/cookies/consent-cookie";

const key = randomBytes(32);
const older = randomBytes(32);
const now = new Date("2026-11-26T12:00:00Z");

describe("consent cookie", () => {
  it("round-trips every choice, under the current or an older key", () => {
    for (const analytics of [true, false]) {
      for (const advertising of [true, false]) {
        const value = encodeConsentCookie({ analytics, advertising }, older, now);
        expect(decodeConsentCookie(value, [key, older], now)).toEqual({ analytics, advertising, issuedAt: now });
      }
    }
  });

  it.each([
    [
      "another key's signature",
      () => encodeConsentCookie({ analytics: true, advertising: true }, randomBytes(32), now),
    ],
    [
      "a choice changed after signing",
      () => encodeConsentCookie({ analytics: false, advertising: false }, key, now).replace(".00.", ".11."),
    ],
    ["no signature", () => "c1.11.1764158400"],
    [
      "an unknown format",
      () => encodeConsentCookie({ analytics: true, advertising: true }, key, now).replace("c1.", "c2."),
    ],
    ["JSON", () => JSON.stringify({ analytics: true, advertising: true })],
    ["a huge value", () => `c1.11.1764158400.${"A".repeat(10_000)}`],
    [
      "a value from 181 days ago",
      () =>
        encodeConsentCookie({ analytics: true, advertising: true }, key, new Date(now.getTime() - 181 * 86_400_000)),
    ],
    [
      "a value from tomorrow",
      () => encodeConsentCookie({ analytics: true, advertising: true }, key, new Date(now.getTime() + 86_400_000)),
    ],
  ])("is no choice with %s", (_name, make) => {
    expect(decodeConsentCookie(make(), [key], now)).toBeNull();
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 1, {}, ["c1"]]) expect(decodeConsentCookie(value, [key], now)).toBeNull();
  });

  it("accepts only a random UUID as analytics id", () => {
    expect(parseAnalyticsId("3b241101-e2bb-4255-8caf-4136c566a962")).toBe("3b241101-e2bb-4255-8caf-4136c566a962");
    for (const value of ["", "x", "3b241101-e2bb-4255-8caf-4136c566a962; other=1", "' OR 1=1 --", undefined]) {
      expect(parseAnalyticsId(value)).toBeNull();
    }
  });
});
