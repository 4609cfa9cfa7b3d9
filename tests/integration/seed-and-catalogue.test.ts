import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { findPublicProduct, listStorefrontProducts } from "@/lib/catalogue/queries";
import { soldPercent } from "@/lib/catalogue/product-view";
import { createPrismaClient } from "@/lib/db/client";
import { latestMarket } from "@/lib/market/queries";
import { seed } from "@/prisma/seed";
import { SEED_ACCOUNTS } from "@/prisma/seed-data";
import { createTestDatabase, freshDatabase } from "../support/test-database";

describe("seed", () => {
  const database = freshDatabase();

  const counts = async () => ({
    products: await database().product.count(),
    snapshots: await database().marketSnapshot.count(),
    users: await database().user.count(),
  });

  it("fills an empty database, and a second run adds nothing and overwrites no edit", async () => {
    const today = new Date("2026-11-25T12:00:00Z");
    await seed(database(), { today, demoAccounts: true });
    const first = await counts();
    expect(first.products).toBeGreaterThanOrEqual(4);
    expect(first.snapshots).toBe(60);
    expect(first.users).toBe(2);

    await database().product.update({ where: { slug: "antminer-s21-60-days" }, data: { title: "Edited by an admin" } });
    await seed(database(), { today, demoAccounts: true });
    expect(await counts()).toEqual(first);
    expect((await database().product.findUniqueOrThrow({ where: { slug: "antminer-s21-60-days" } })).title).toBe(
      "Edited by an admin",
    );
  });

  it("has the S19 Pro 20-day plan at about $105 per 100 TH and 30 % sold", async () => {
    const plan = await database().product.findUniqueOrThrow({ where: { slug: "antminer-s19-pro-20-days" } });
    expect(plan.title).toBe("Antminer S19 Pro · 20 days");
    expect(plan.hashrateFeePerTh.toFixed(2)).toBe("0.20");
    expect(plan.serviceFeePerThDay.toFixed(4)).toBe("0.0425");
    expect(soldPercent(plan)).toBe(30);
  });

  it("has 60 days of market data ending today, around 148 T and $90,000", async () => {
    const snapshots = await database().marketSnapshot.findMany({ orderBy: { day: "asc" } });
    expect(snapshots.at(-1)!.day.toISOString().slice(0, 10)).toBe("2026-11-25");
    expect(snapshots[0]!.day.toISOString().slice(0, 10)).toBe("2026-09-27");
    for (const snapshot of snapshots) {
      const tera = Number(snapshot.difficulty.toFixed(0)) / 1e12;
      expect(tera).toBeGreaterThan(140);
      expect(tera).toBeLessThan(155);
      expect(Number(snapshot.btcPriceCents)).toBeGreaterThan(8_000_000);
      expect(Number(snapshot.btcPriceCents)).toBeLessThan(10_000_000);
      expect(snapshot.blockSubsidySats).toBe(312_500_000n);
    }
    expect(snapshots.at(-1)!.difficulty.toFixed(0)).toBe("148200000000000");
  });

  it("creates an admin and a customer whose printed passwords work (argon2id)", async () => {
    for (const account of SEED_ACCOUNTS) {
      const user = await database().user.findUniqueOrThrow({
        where: { email: account.email },
        omit: { passwordHash: false },
      });
      expect(user.role).toBe(account.role);
      expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
      expect(await verifyPassword(user.passwordHash, `${account.password}x`)).toBe(false);
    }
  });

  it("can leave the demo accounts out", async () => {
    const bare = await createTestDatabase();
    const bareDb = createPrismaClient(bare.url);
    try {
      await seed(bareDb, { demoAccounts: false });
      expect(await bareDb.user.count()).toBe(0);
      expect(await bareDb.product.count()).toBeGreaterThanOrEqual(4);
    } finally {
      await bareDb.$disconnect();
      await bare.drop();
    }
  });
});

describe("storefront queries", () => {
  // These use the app's own client (lib/db.ts) on the run's DATABASE_URL.
  beforeAll(async () => {
    const db = createPrismaClient(process.env.DATABASE_URL!);
    await seed(db);
    await db.$disconnect();
  });

  it("lists plans on sale and sold out, never drafts", async () => {
    const products = await listStorefrontProducts();
    const slugs = products.map((product) => product.slug);
    expect(slugs).toContain("antminer-s19-pro-20-days");
    expect(slugs).toContain("antminer-s19j-pro-7-days"); // sold out, still shown
    expect(slugs).not.toContain("antminer-s23-hyd-180-days"); // draft
    expect(products.find((product) => product.slug === "antminer-s19-pro-20-days")!.serviceFeePerThDay).toBe(
      "0.042500",
    );
  });

  it("finds a product by slug and refuses malformed, unknown and draft slugs without touching the database", async () => {
    expect((await findPublicProduct("antminer-s19-pro-20-days"))?.title).toBe("Antminer S19 Pro · 20 days");
    for (const slug of [
      "antminer-s23-hyd-180-days",
      "no-such-plan",
      "UPPER",
      "a b",
      "../etc/passwd",
      "x".repeat(500),
      '\'; DROP TABLE "Product"; --',
      "é",
    ]) {
      expect(await findPublicProduct(slug), slug).toBeNull();
    }
  });

  it("reads the newest market snapshot", async () => {
    const market = await latestMarket();
    expect(market?.day).toBe(new Date().toISOString().slice(0, 10));
    expect(market?.blockSubsidySats).toBe("312500000");
  });
});
