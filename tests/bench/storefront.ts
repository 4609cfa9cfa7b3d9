// `npm run bench:storefront`: requests/s and p99 latency of the home page and a product page
// under `next start`, next to a static file served by the same server in the same run, once
// without Accept-Encoding and once with a browser's (`br, gzip`), printing the bytes each sends.
// Goal: both pages at ≥ 50 % of the static file's rate, in both runs. Pass --no-build to reuse .next.
import { request } from "node:http";
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

// What a browser sends (Chromium over HTTPS), and nothing: the two ways the pages are fetched.
const ENCODINGS: { name: string; headers: Record<string, string> }[] = [
  { name: "no Accept-Encoding", headers: {} },
  { name: "Accept-Encoding: gzip, deflate, br, zstd", headers: { "accept-encoding": "gzip, deflate, br, zstd" } },
];

type Result = { name: string; rps: number; p99: number; errors: number; bytes: number; encoding: string };

async function measure(url: string, duration: number, headers: Record<string, string>): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, headers });
}

/** The bytes of one response as sent (not decoded) and its Content-Encoding. */
function rawResponse(url: string, headers: Record<string, string>): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () =>
        resolve({ bytes, encoding: String(response.headers["content-encoding"] ?? "identity") }),
      );
    })
      .on("error", reject)
      .end();
  });
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

  // The page's largest script, a larger static file than robots.txt (shown, not in the goal).
  const home = await (await fetch(server.url + "/")).text();
  const scripts = [...new Set([...home.matchAll(/\/_next\/static\/[^"]+\.js/g)].map((match) => match[0]))];
  const sized = await Promise.all(
    scripts.map(async (path) => ({ path, size: (await rawResponse(server.url + path, {})).bytes })),
  );
  const script = sized.sort((a, b) => b.size - a.size)[0]?.path;
  const targets = script ? [...TARGETS, { name: "largest page script", path: script }] : TARGETS;

  let met = true;
  for (const encoding of ENCODINGS) {
    const results: Result[] = [];
    for (const target of targets) {
      const url = server.url + target.path;
      await measure(url, 3, encoding.headers); // warm-up: compile caches, ISR fill, JIT
      const result = await measure(url, DURATION_S, encoding.headers);
      const raw = await rawResponse(url, encoding.headers);
      results.push({
        name: target.name,
        rps: result.requests.average,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
        ...raw,
      });
    }

    const baseline = results[0]!.rps;
    console.log(`\n${encoding.name}: ${CONNECTIONS} connections, ${DURATION_S} s each, after a 3 s warm-up\n`);
    console.log("target                          req/s    p99 ms   vs static   errors      bytes  encoding");
    for (const result of results) {
      const ratio = `${((result.rps / baseline) * 100).toFixed(0)} %`;
      console.log(
        `${result.name.padEnd(30)} ${result.rps.toFixed(0).padStart(7)} ${String(result.p99).padStart(9)} ${ratio.padStart(11)} ${String(result.errors).padStart(8)} ${String(result.bytes).padStart(10)}  ${result.encoding}`,
      );
    }
    const pages = results.slice(1, TARGETS.length);
    met &&= pages.every((result) => result.rps >= baseline * 0.5 && result.errors === 0);
  }
  console.log(`\nGoal (each page ≥ 50 % of the static file, no errors, both runs): ${met ? "met" : "NOT met"}`);
} finally {
  await stopNext?.();
  await pgServer.dropDatabase(dbName).catch(() => {});
  await pgServer.stop();
}
