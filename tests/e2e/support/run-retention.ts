// Runs the retention job once against DATABASE_URL with the clock at the given instant, for
// end-to-end tests that move time forward: `tsx --conditions=react-server run-retention.ts <ISO>`.
export {}; // a module, for top-level await

const at = new Date(process.argv[2] ?? "");
if (Number.isNaN(at.getTime())) {
  console.error("Usage: run-retention.ts <ISO instant>");
  process.exit(2);
}
const { runRetention } = await import("../../../lib/privacy/erasure");
const { db } = await import("../../../lib/db");
try {
  console.log(JSON.stringify(await runRetention(at)));
} finally {
  await db.$disconnect();
}
