// Runs the jobs on pg-boss (a queue in PostgreSQL), so any number of app instances can share
// them: a scheduled run is picked up by exactly one worker, and so is each queued task.
import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/log/logger";
import { stopProcessJobs } from "./process-jobs";
import { ensureQueue, SCHEMA, setWorkerBoss, workerBoss } from "./queue";
import { JOBS, type JobName } from "./schedules";
import { TASKS, type TaskName } from "./tasks";

export function startJobs(connectionString = env().DATABASE_URL): Promise<PgBoss> {
  const existing = workerBoss();
  if (existing) return existing;
  const started = (async () => {
    // The scheduler looks for due schedules every 5 s (pg-boss's default is 30 s): a run starts
    // within seconds of its minute, and a new deployment's first runs do not wait a minute.
    // Whichever instance looks first sends the run; pg-boss makes it one run per tick.
    const boss = new PgBoss({ connectionString, schema: SCHEMA, max: 3, cronMonitorIntervalSeconds: 5 });
    boss.on("error", (error) => logger.error(errorFields(error), "jobs: queue error"));
    await boss.start();
    for (const [name, job] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
      await ensureQueue(boss, name);
      await boss.schedule(name, job.cron, undefined, { tz: "UTC" });
      await boss.work(name, async ([scheduled]) => {
        const started = Date.now();
        const result = await job.run();
        // One line per run: operators (and the tests) can see that each tick ran exactly once.
        logger.info({ job: name, jobId: scheduled?.id, result, ms: Date.now() - started }, "job finished");
      });
    }
    for (const [name, task] of Object.entries(TASKS) as [TaskName, (typeof TASKS)[TaskName]][]) {
      await ensureQueue(boss, name);
      // Polled every second: a person is waiting for this mail.
      await boss.work(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) {
          await task.handle(job.data);
          logger.info({ job: name, jobId: job.id }, "job finished");
        }
      });
    }
    return boss;
  })();
  setWorkerBoss(started);
  return started;
}

/** Stops fetching jobs and lets running ones finish, for at most `timeoutMs`. */
export async function stopJobs(timeoutMs = 30_000): Promise<void> {
  await stopProcessJobs(timeoutMs);
}
