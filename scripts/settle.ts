// `npm run settle -- --from 2026-01-01 --to 2026-01-31`: settles those UTC days (inclusive) in
// order, like the daily job, against DATABASE_URL. Safe to run while the job runs too: each day
// is settled once whoever gets there first. Without arguments it settles every day still owed.
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
const day = /^\d{4}-\d{2}-\d{2}$/;
if ((values.from && !day.test(values.from)) || (values.to && !day.test(values.to)) || !values.from !== !values.to) {
  console.error("Usage: npm run settle -- --from YYYY-MM-DD --to YYYY-MM-DD   (or no arguments: every day owed)");
  process.exit(2);
}
const { settleDue, settleRange } = await import("../lib/settlement/settle");
const { db } = await import("../lib/db");
try {
  if (values.from && values.to) {
    for (const outcome of await settleRange(values.from, values.to)) {
      if (outcome.status === "settled")
        console.log(`${outcome.day}: ${outcome.contracts} contract(s) credited ${outcome.sats} sats`);
      else if (outcome.status === "no_snapshot")
        console.log(`${outcome.day}: skipped, no market snapshot (${outcome.contracts} contract(s) wait for it)`);
      else console.log(`${outcome.day}: not over yet, skipped`);
    }
  } else {
    console.log(JSON.stringify(await settleDue()));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
