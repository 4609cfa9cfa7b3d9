// `npm run bench:orders`: order placements per second and p50/p99 latency with 50 concurrent
// buyers through the real code path (placeOrder: rate limit, checks, pricing, then the conditional
// UPDATE and the insert in one statement),
// next to the same conditional UPDATE issued directly with pg in the same run; then the oversell
// check (200 concurrent orders for 150 TH). Goal: ≥ 40 % of the raw rate, zero oversold.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { testSecrets } from "@/scripts/lib/local-secrets";
import { provideTestServer } from "@/scripts/lib/test-server";
import { migrate } from "@/lib/db/migrate";

const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_MS = Number(process.env.BENCH_DURATION ?? 10) * 1000;
const BUYERS = 40_000; // more than a run places, so each buyer places one order
const log = (line: string) => console.log(`[bench] ${line}`);

Object.assign(process.env, testSecrets());
const server = await provideTestServer(log);
const dbName = `hashwork_bench_orders_${process.pid}`;
const url = await server.createDatabase(dbName);
await migrate(url);
process.env.DATABASE_URL = url;

// Imported after DATABASE_URL is set: the app's client reads it once.
const { db } = await import("@/lib/db");
const { placeOrder, NOT_ENOUGH_LEFT } = await import("@/lib/orders/place-order");
const { UserError } = await import("@/lib/errors");
const { createProduct } = await import("../support/factories");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(worker: () => Promise<void>): Promise<{ count: number; latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const deadline = Date.now() + DURATION_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        await worker();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return {
    count: latencies.length,
    latencies: latencies.sort((a, b) => a - b),
    seconds: (performance.now() - started) / 1000,
  };
}

const product = (inventoryTh: number) => createProduct(db, { inventoryTh, maxOrderTh: 5 });

try {
  // A buyer per order: an account may hold only a few unpaid orders and place ten per ten
  // minutes, and the benchmark measures placement, not those refusals.
  await db.user.createMany({
    data: Array.from({ length: BUYERS }, (_, index) => ({
      email: `bench-${index}@example.com`,
      passwordHash: "x",
      emailVerifiedAt: new Date(),
    })),
  });
  const users = await db.user.findMany({ select: { id: true }, orderBy: { email: "asc" } });
  const big = await product(100_000_000);

  // Warm-up, then the real code path.
  let next = 0;
  const place = async () => {
    const user = users[next++ % users.length]!;
    await placeOrder({
      userId: user.id,
      slug: big.slug,
      th: 1,
      paymentMethod: "balance",
      idempotencyKey: randomUUID(),
    });
  };
  for (let i = 0; i < 50; i++) await place();
  const app = await timed(place);

  // The same conditional UPDATE, alone, straight through pg.
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const raw = await timed(async () => {
    await pool.query(
      `UPDATE "Product" SET "soldTh" = "soldTh" + 1, "updatedAt" = now() WHERE id = $1 AND status = 'on_sale' AND "soldTh" + 1 <= "inventoryTh"`,
      [big.id],
    );
  });
  await pool.end();

  // Oversell: 200 concurrent buyers, 1–5 TH each, 150 TH available.
  const small = await product(150);
  const fresh = await db.user.findMany({ where: { orders: { none: {} } }, select: { id: true }, take: 200 });
  const results = await Promise.all(
    fresh.map(async (user, index) => {
      const th = 1 + (index % 5);
      try {
        await placeOrder({
          userId: user.id,
          slug: small.slug,
          th,
          paymentMethod: "balance",
          idempotencyKey: randomUUID(),
        });
        return { ok: true, th };
      } catch (error) {
        if (!(error instanceof UserError) || !error.message.startsWith(NOT_ENOUGH_LEFT)) throw error;
        return { ok: false, th };
      }
    }),
  );
  const accepted = results.filter((result) => result.ok).reduce((sum, result) => sum + result.th, 0);
  const { soldTh } = await db.product.findUniqueOrThrow({ where: { id: small.id } });

  const appRate = app.count / app.seconds;
  const rawRate = raw.count / raw.seconds;
  console.log(`\n${CONCURRENCY} concurrent buyers, ${DURATION_MS / 1000} s each\n`);
  console.log("path                               per s    p50 ms   p99 ms");
  console.log(
    `placeOrder (real code path)   ${appRate.toFixed(0).padStart(10)} ${percentile(app.latencies, 50).toFixed(1).padStart(9)} ${percentile(app.latencies, 99).toFixed(1).padStart(8)}`,
  );
  console.log(
    `conditional UPDATE via pg     ${rawRate.toFixed(0).padStart(10)} ${percentile(raw.latencies, 50).toFixed(1).padStart(9)} ${percentile(raw.latencies, 99).toFixed(1).padStart(8)}`,
  );
  console.log(`ratio: ${((appRate / rawRate) * 100).toFixed(0)} % of the raw rate (goal ≥ 40 %)`);
  console.log(
    `oversell check: 200 buyers, 150 TH → sold ${soldTh} TH = accepted ${accepted} TH, ${Math.max(0, soldTh - 150)} TH oversold`,
  );
  if (soldTh !== accepted || soldTh > 150) process.exitCode = 1;
} finally {
  await db.$disconnect();
  await (await import("@/lib/db/pool")).closePools(); // the rate limiter's and placement's connections
  await server.dropDatabase(dbName).catch(() => {});
  await server.stop();
}
