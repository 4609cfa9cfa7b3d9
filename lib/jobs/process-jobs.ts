// The pg-boss connections this process holds: the worker's (when it runs jobs) and a send-only
// one. They live on globalThis so that one process has one of each, whether the code asking runs
// inside Next's bundle (instrumentation, actions) or outside it (the HTTP server, the worker),
// and so that whoever shuts the process down can stop them.
import type PgBoss from "pg-boss";

export const processJobs = globalThis as unknown as {
  hashworkBoss?: Promise<PgBoss>;
  hashworkSender?: Promise<PgBoss>;
  hashworkQueues?: Map<string, Promise<void>>;
};

/**
 * Stops this process's jobs gracefully: no new job is fetched, and jobs already running finish
 * (up to `timeoutMs`, after which pg-boss gives up on them and they are retried elsewhere).
 */
export async function stopProcessJobs(timeoutMs: number): Promise<void> {
  const worker = processJobs.hashworkBoss;
  const sender = processJobs.hashworkSender;
  processJobs.hashworkBoss = undefined;
  processJobs.hashworkSender = undefined;
  processJobs.hashworkQueues = undefined;
  const stop = async (boss: Promise<PgBoss> | undefined) => {
    const started = await boss?.catch(() => undefined);
    await started?.stop({ graceful: true, wait: true, timeout: Math.max(timeoutMs, 1_000) });
  };
  await Promise.all([stop(worker), stop(sender)]);
}
