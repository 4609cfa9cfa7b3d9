// Runs the jobs on pg-boss (a queue in PostgreSQL), so any number of app instances can share
// them: a scheduled run is picked up by exactly one worker, and so is each queued task.
import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { ensureQueue, SCHEMA, setWorkerBoss, stopSender, workerBoss } from "./queue";
import { JOBS, type JobName } from "./schedules";
import { TASKS, type TaskName } from "./tasks";

export function startJobs(connectionString = env().DATABASE_URL): Promise<PgBoss> {
  const existing = workerBoss();
  if (existing) return existing;
  const started = (async () => {
    const boss = new PgBoss({ connectionString, schema: SCHEMA, max: 3 });
    boss.on("error", (error) => console.error("[jobs]", error.message));
    await boss.start();
    for (const [name, job] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
      await ensureQueue(boss, name);
      await boss.schedule(name, job.cron, undefined, { tz: "UTC" });
      await boss.work(name, async () => {
        const result = await job.run();
        if (typeof result === "number" ? result > 0 : Object.values(result as object).some((count) => count > 0)) {
          console.log(`[jobs] ${name}: ${JSON.stringify(result)}`);
        }
      });
    }
    for (const [name, task] of Object.entries(TASKS) as [TaskName, (typeof TASKS)[TaskName]][]) {
      await ensureQueue(boss, name);
      // Polled every second: a person is waiting for this mail.
      await boss.work(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await task.handle(job.data);
      });
    }
    return boss;
  })();
  setWorkerBoss(started);
  return started;
}

export async function stopJobs(): Promise<void> {
  const boss = await workerBoss();
  setWorkerBoss(undefined);
  await boss?.stop({ graceful: true, wait: true });
  await stopSender();
}
