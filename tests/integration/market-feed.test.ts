// The optional market-data feed, against a recorded response served by a local HTTP server.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fetchMarketData } from "@/lib/market/feed";

const recorded = readFileSync(path.join(import.meta.dirname, "../support/recorded/market-feed.json"), "utf8");
let body = recorded;
let server: Server;
let url = "";

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/market`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const now = new Date("2026-11-25T09:05:00Z");
const day = new Date("2026-11-25T00:00:00Z");

describe("market data feed", () => {
  it("does nothing without MARKET_DATA_URL", async () => {
    expect(await fetchMarketData(undefined, now)).toEqual({ written: 0, skipped: 0 });
  });

  it("stores today's figures from the recorded response, parsed exactly", async () => {
    await db.marketSnapshot.deleteMany({ where: { day } });
    expect(await fetchMarketData(url, now)).toEqual({ written: 1, skipped: 0 });
    const snapshot = await db.marketSnapshot.findUniqueOrThrow({ where: { day } });
    expect(snapshot).toMatchObject({
      source: "feed",
      btcPriceCents: 9_123_456n,
      blockSubsidySats: 312_500_000n,
      feesPerBlockSats: 2_843_117n,
    });
    expect(snapshot.difficulty.toString()).toBe("149301871823174.1234");
  });

  it("never overwrites an admin's day, and refuses malformed or other-day responses", async () => {
    await db.marketSnapshot.update({ where: { day }, data: { source: "admin", btcPriceCents: 1n } });
    expect(await fetchMarketData(url, now)).toEqual({ written: 0, skipped: 1 });
    expect((await db.marketSnapshot.findUniqueOrThrow({ where: { day } })).btcPriceCents).toBe(1n);

    body = JSON.stringify({ ...JSON.parse(recorded), day: "2026-11-20" });
    expect(await fetchMarketData(url, now)).toEqual({ written: 0, skipped: 1 });
    body = JSON.stringify({ ...JSON.parse(recorded), btcPriceUsd: "-5" });
    await expect(fetchMarketData(url, now)).rejects.toThrow(/unexpectedly/);
    body = JSON.stringify({ ...JSON.parse(recorded), difficulty: "1e400" });
    await expect(fetchMarketData(url, now)).rejects.toThrow(/unexpectedly/);
    body = recorded;
  });
});
