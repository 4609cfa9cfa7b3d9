// Runs once when the server starts: starts the background jobs in this process, unless
// JOBS=off (for web-only instances when `npm run worker` runs them elsewhere).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env().JOBS === "off") return;
  const { startJobs } = await import("@/lib/jobs/runtime");
  await startJobs();
}
