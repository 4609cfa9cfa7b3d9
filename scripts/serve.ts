// Serves an existing production build (`next build`) through the app's HTTP server, against
// DATABASE_URL. `npm start` does this for you after migrating, seeding and building; this entry
// is for deployments that do those steps separately, and for the end-to-end tests.
//   DATABASE_URL=… PORT=3000 HOST=0.0.0.0 npx tsx scripts/serve.ts
Object.assign(process.env, { NODE_ENV: "production" });
const { startHttpServer } = await import("../server/http-server");

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const server = await startHttpServer({ dev: false, host, port });
console.log(`Hashwork is serving at ${server.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
export {};
