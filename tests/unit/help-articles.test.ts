// The help page's answers: its worked example is what the mining formula gives, and the search
// finds answers by any word of them, needs every word, and is safe with any input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HELP_ARTICLES, searchHelp } from "@/lib/help/articles";
import { expectedDailySats } from "@/lib/mining/expected-output";

describe("help answers", () => {
  it("quote the settlement worked example the formula computes", () => {
    const sats = expectedDailySats({
      th: 110,
      difficulty: "148200000000000",
      blockSubsidySats: 312_500_000n,
      feesPerBlockSats: 0n,
      poolFeeBps: 0,
    });
    const settlement = HELP_ARTICLES.find((article) => article.id === "settlement")!;
    expect(settlement.answer.join(" ")).toContain(`= ${sats.toLocaleString("en-US")} sats a day`);
  });

  it("cover fees, the start of mining, settlement, identity, withdrawals and privacy", () => {
    expect(HELP_ARTICLES.map((article) => article.id)).toEqual(
      expect.arrayContaining(["fees", "mining-start", "settlement", "kyc", "withdrawals", "privacy"]),
    );
  });
});

describe("searchHelp", () => {
  it("finds answers by their words, best match first, and every word must match", () => {
    expect(searchHelp("withdrawal fee")[0]!.id).toBe("withdrawals");
    expect(searchHelp("DIFFICULTY")[0]!.id).toBe("settlement");
    expect(searchHelp("kyc selfie").map((article) => article.id)).toEqual(["kyc"]);
    expect(searchHelp("withdrawal zebra")).toEqual([]);
    expect(searchHelp("")).toHaveLength(HELP_ARTICLES.length);
  });

  it("never throws, whatever is typed", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (query) => Array.isArray(searchHelp(query))));
  });
});
