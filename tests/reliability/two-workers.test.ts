// Two workers (`npm run worker`) on one database: pg-boss hands each tick of a schedule to one
// of them, so the every-minute reservation expiry runs once per minute, not once per worker.
// Both workers start together and both try to schedule at once, the worst case.
import { afterAll, beforeAll, expect, test } from "vitest";
import { withClient, type TestDatabase } from "../support/test-database";
import { recordDrill, seededDatabase, startWorker, type AppProcess } from "./support/processes";

let database: TestDatabase;
let workers: AppProcess[] = [];

beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await database?.drop();
});

test("each schedule tick runs once across two workers", async () => {
  const startedAt = Date.now();
  workers = await Promise.all([startWorker("worker-1", database.url), startWorker("worker-2", database.url)]);
  const runs = () =>
    workers.flatMap((worker) =>
      worker
        .logs()
        .filter((line) => line.msg === "job finished" && line.job === "expire-reservations")
        .map((line) => ({ worker: worker.name, jobId: String(line.jobId) })),
    );
  await expect.poll(() => runs().length, { timeout: 40_000 }).toBeGreaterThan(0);
  // Give the second worker's scheduler every chance to add a duplicate.
  await new Promise((resolve) => setTimeout(resolve, 12_000));

  const seen = runs();
  // No job ran twice, on one worker or across both.
  expect(new Set(seen.map((run) => run.jobId)).size).toBe(seen.length);
  // pg-boss's record: each tick (a one-minute slot) was sent once, as one job, and each job ran.
  const { slots, jobs } = await withClient(database.url, async (client) => ({
    slots: (
      await client.query<{ slot: Date; n: string }>(
        `SELECT singleton_on AS slot, count(*) AS n FROM pgboss.job
         WHERE name = '__pgboss__send-it' AND singleton_key = 'expire-reservations' GROUP BY 1`,
      )
    ).rows,
    jobs: (await client.query<{ id: string }>(`SELECT id FROM pgboss.job WHERE name = 'expire-reservations'`)).rows,
  }));
  expect(slots.length).toBeGreaterThan(0);
  expect(
    slots.every((slot) => Number(slot.n) === 1),
    JSON.stringify(slots),
  ).toBe(true);
  // One job per slot at most (the newest slot's job may still be on its way), and every run was
  // one of those jobs.
  expect(jobs.length).toBeLessThanOrEqual(slots.length);
  expect(jobs.map((job) => job.id)).toEqual(expect.arrayContaining(seen.map((run) => run.jobId)));
  // And no more ticks than minutes began while the workers ran.
  const minutes = Math.floor(Date.now() / 60_000) - Math.floor(startedAt / 60_000) + 1;
  expect(seen.length).toBeLessThanOrEqual(minutes);
  // Both workers were up and scheduling (each logged its start), yet only one ran each tick.
  for (const worker of workers) expect(worker.logs().some((line) => line.msg === "worker running")).toBe(true);
  recordDrill({ drill: "two workers, one schedule", requests: 0, faults: 0, dataLost: 0 }, startedAt);
});
