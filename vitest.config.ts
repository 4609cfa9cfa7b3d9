import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` guards the app's bundles; in tests the server is the test process.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
};

// Run through `npm test` (or `npm run test:unit` / `test:integration`): it provides the
// PostgreSQL server the integration layer needs. See README, "Tests".
export default defineConfig({
  test: {
    projects: [
      { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files share one PostgreSQL server; run them one at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        ...shared,
        test: {
          // Fault drills: real app processes (the production build), workers and databases.
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each drill has its own databases, ports and folders, and most of a drill's time is
          // waiting (a shutdown's grace period, a schedule's tick, a restart): four at a time.
          fileParallelism: true,
          maxWorkers: 4,
        },
      },
    ],
  },
});
