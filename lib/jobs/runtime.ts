// Runs the jobs on pg-boss (a queue in PostgreSQL), so any number of app instances can share
// them: a scheduled run is picked up by exactly one worker.
import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { JOBS, type JobName } from "./schedules";

const globalForJobs = globalThis as unknown as { hashworkBoss?: Promise<PgBoss> };

export function startJobs(connectionString = env().DATABASE_URL): Promise<PgBoss> {
  globalForJobs.hashworkBoss ??= (async () => {
    const boss = new PgBoss({ connectionString, schema: "pgboss", max: 3 });
    boss.on("error", (error) => console.error("[jobs]", error.message));
    await boss.start();
    for (const [name, job] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
      await boss.createQueue(name);
      await boss.schedule(name, job.cron, undefined, { tz: "UTC" });
      await boss.work(name, async () => {
        const result = await job.run();
        if (typeof result === "number" ? result > 0 : Object.values(result as object).some((count) => count > 0)) {
          console.log(`[jobs] ${name}: ${JSON.stringify(result)}`);
        }
      });
    }
    return boss;
  })();
  return globalForJobs.hashworkBoss;
}

export async function stopJobs(): Promise<void> {
  const boss = await globalForJobs.hashworkBoss;
  globalForJobs.hashworkBoss = undefined;
  await boss?.stop({ graceful: true, wait: true });
}
