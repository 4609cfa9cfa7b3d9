// `npm run bench:storefront`: requests/s and p99 latency of the home page and a product page
// under `next start`, next to a static file served by the same server in the same run.
// Goal: both pages at ≥ 50 % of the static file's rate. Pass --no-build to reuse .next.
import autocannon from "autocannon";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { freePort } from "@/scripts/lib/postgres";
import { buildNext, startNext } from "@/scripts/lib/next-server";
import { testSecrets } from "@/scripts/lib/local-secrets";
import { provideTestServer } from "@/scripts/lib/test-server";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const TARGETS = [
  { name: "static file (/robots.txt)", path: "/robots.txt" },
  { name: "home page (/)", path: "/" },
  { name: "product page", path: "/products/antminer-s19-pro-20-days" },
];

type Result = { name: string; rps: number; p99: number; errors: number };

async function measure(url: string, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration });
}

const log = (line: string) => console.log(`[bench] ${line}`);
Object.assign(process.env, testSecrets());
const pgServer = await provideTestServer(log);
const dbName = `hashwork_bench_${process.pid}`;
let stopNext: (() => Promise<void>) | undefined;
try {
  const url = await pgServer.createDatabase(dbName);
  await migrate(url);
  const db = createPrismaClient(url);
  await seed(db);
  await db.$disconnect();

  if (!process.argv.includes("--no-build")) await buildNext({ DATABASE_URL: url });
  const server = await startNext(await freePort(), { DATABASE_URL: url });
  stopNext = server.stop;

  const results: Result[] = [];
  for (const target of TARGETS) {
    await measure(server.url + target.path, 3); // warm-up: compile caches, ISR fill, JIT
    const result = await measure(server.url + target.path, DURATION_S);
    results.push({
      name: target.name,
      rps: result.requests.average,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }

  const baseline = results[0]!.rps;
  console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each, after a 3 s warm-up\n`);
  console.log("target                          req/s    p99 ms   vs static   errors");
  for (const result of results) {
    const ratio = `${((result.rps / baseline) * 100).toFixed(0)} %`;
    console.log(
      `${result.name.padEnd(30)} ${result.rps.toFixed(0).padStart(7)} ${String(result.p99).padStart(9)} ${ratio.padStart(11)} ${String(result.errors).padStart(8)}`,
    );
  }
  const pages = results.slice(1);
  const met = pages.every((result) => result.rps >= baseline * 0.5 && result.errors === 0);
  console.log(`\nGoal (each page ≥ 50 % of the static file, no errors): ${met ? "met" : "NOT met"}`);
} finally {
  await stopNext?.();
  await pgServer.dropDatabase(dbName).catch(() => {});
  await pgServer.stop();
}
