// `npm run worker`: the background jobs alone (server/worker.ts), for deployments that run them
// apart from the web servers (start those with JOBS=off).
const { runWorker } = await import("../server/worker");
await runWorker();
export {};
