// Sending jobs to pg-boss. A process that also works jobs (startJobs) sends through its own
// connection; any other (a web instance with JOBS=off, a test) opens a send-only one that
// runs no maintenance and no schedules.
import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/log/logger";
import { processJobs as globalForQueue } from "./process-jobs";
import type { TaskName } from "./tasks";

export const SCHEMA = "pgboss";

/** The worker's connection when this process runs jobs (set by startJobs). */
export function workerBoss(): Promise<PgBoss> | undefined {
  return globalForQueue.hashworkBoss;
}

export function setWorkerBoss(boss: Promise<PgBoss> | undefined): void {
  globalForQueue.hashworkBoss = boss;
}

function sender(): Promise<PgBoss> {
  const worker = workerBoss();
  if (worker) return worker;
  globalForQueue.hashworkSender ??= (async () => {
    const boss = new PgBoss({
      connectionString: env().DATABASE_URL,
      schema: SCHEMA,
      max: 2,
      supervise: false,
      schedule: false,
    });
    boss.on("error", (error) => logger.error(errorFields(error), "jobs: queue error"));
    await boss.start();
    return boss;
  })();
  return globalForQueue.hashworkSender;
}

/**
 * pg-boss's queue creation can deadlock with the same creation in another process (two
 * instances starting together); PostgreSQL then cancels one of them, which tries again.
 */
async function createQueue(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boss.createQueue(name);
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** Creates the queue once per process (pg-boss refuses jobs for a queue that does not exist). */
export function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  globalForQueue.hashworkQueues ??= new Map();
  let created = globalForQueue.hashworkQueues.get(name);
  if (!created) {
    created = createQueue(boss, name).catch((error: unknown) => {
      globalForQueue.hashworkQueues?.delete(name); // try again next time
      throw error;
    });
    globalForQueue.hashworkQueues.set(name, created);
  }
  return created;
}

/**
 * Queues a task for a worker: one insert, the same cost whatever the payload says. With a
 * `singletonKey`, a task with that key still waiting or running makes this one a no-op.
 */
export async function enqueue(name: TaskName, data: object, options: { singletonKey?: string } = {}): Promise<void> {
  const boss = await sender();
  await ensureQueue(boss, name);
  await boss.send(name, data, options);
}

/** Stops this process's send-only connection (the worker's, if any, is left running). */
export async function stopSender(): Promise<void> {
  const boss = await globalForQueue.hashworkSender;
  globalForQueue.hashworkSender = undefined;
  globalForQueue.hashworkQueues = undefined;
  await boss?.stop({ graceful: true, wait: true });
}
