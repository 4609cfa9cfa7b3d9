// Serves an existing production build (`next build`) through the app's HTTP server, against
// DATABASE_URL. `npm start` does this for you after migrating, seeding and building; this entry
// is for deployments that do those steps separately (one per app instance, any number of them
// on one database), and for the end-to-end tests.
//   DATABASE_URL=… PORT=3000 HOST=0.0.0.0 npx tsx scripts/serve.ts
// SIGTERM or Ctrl-C: a graceful stop (see server/http-server.ts), bounded by SHUTDOWN_TIMEOUT_SECONDS.
Object.assign(process.env, { NODE_ENV: "production" });
process.env.HASHWORK_PROCESS ??= "web";
const { startHttpServer } = await import("../server/http-server");
const { logger } = await import("../lib/log/logger");
const { env } = await import("../lib/env");

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const server = await startHttpServer({ dev: false, host, port });
logger.info({ url: server.url }, "serving");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // A last resort beyond the graceful bound, should something hang while closing.
    setTimeout(() => process.exit(1), (env().SHUTDOWN_TIMEOUT_SECONDS + 5) * 1000).unref();
    void server.close().then(() => process.exit(0));
  });
}
export {};
