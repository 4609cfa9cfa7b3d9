// The dashboard's figures for a customer, read from the database as the page reads them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { miningSummary } from "@/lib/settlement/queries";
import { createSnapshot, createUser } from "../support/factories";

describe("the dashboard's mining summary", () => {
  it("values the balance at the newest snapshot up to today, never one dated ahead", async () => {
    const user = await createUser(db);
    const now = new Date("2041-03-10T15:00:00Z");
    await createSnapshot(db, "2041-03-09", { btcPriceCents: 7_000_000n });
    await createSnapshot(db, "2041-03-11", { btcPriceCents: 1n }); // entered ahead of time
    const summary = await miningSummary(user.id, now);
    expect(summary.btcPriceCents).toBe(7_000_000n);
    expect(summary.contracts).toBe(0);
    expect(summary.btcSats).toBe(0n);
  });
});
