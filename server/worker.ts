// The background jobs on their own, for deployments that run them apart from the web servers
// (start those with JOBS=off). Needs DATABASE_URL and the secrets, like the app. Any number of
// workers may run: pg-boss gives each scheduled run and each queued task to exactly one.
// SIGTERM or Ctrl-C: no new job is fetched, running ones finish (bounded), then it exits.
export async function runWorker(): Promise<void> {
  process.env.HASHWORK_PROCESS ??= "worker";
  const { logger } = await import("../lib/log/logger");
  const { env } = await import("../lib/env");
  const { startJobs, stopJobs } = await import("../lib/jobs/runtime");
  const { JOBS } = await import("../lib/jobs/schedules");
  const { TASKS } = await import("../lib/jobs/tasks");
  const timeoutMs = env().SHUTDOWN_TIMEOUT_SECONDS * 1000;
  await startJobs();
  logger.info({ jobs: [...Object.keys(JOBS), ...Object.keys(TASKS)] }, "worker running");
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      logger.info("worker stopping: running jobs finish first");
      setTimeout(() => process.exit(1), timeoutMs + 5_000).unref();
      void stopJobs(timeoutMs).then(() => {
        logger.info("worker stopped");
        process.exit(0);
      });
    });
}
