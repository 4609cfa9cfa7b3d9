// The background jobs on their own, for deployments that run them apart from the web servers
// (start those with JOBS=off). Needs DATABASE_URL and the secrets, like the app.
export async function runWorker(): Promise<void> {
  const { startJobs, stopJobs } = await import("../lib/jobs/runtime");
  const { JOBS } = await import("../lib/jobs/schedules");
  const { TASKS } = await import("../lib/jobs/tasks");
  await startJobs();
  console.log(`Hashwork worker running: ${[...Object.keys(JOBS), ...Object.keys(TASKS)].join(", ")}. Ctrl-C stops it.`);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stopJobs().then(() => process.exit(0)));
}
