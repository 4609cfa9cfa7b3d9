import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against a production build (`next build`, then the app's server) in Chromium.
// Run them with `npm run test:e2e`, which provides a fresh, seeded database and finds Chromium.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  // Two workers share the one server, file by file (tests in a file run in order). Each test makes
  // its own accounts and data and asserts on them, so files do not depend on one another.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  // What an action shows when it is done (a password hashed, days settled) may take a server that
  // two workers share longer than the default 5 s to render.
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  // Visitors start having chosen essential cookies only (tests/e2e/support/global-setup.ts).
  globalSetup: "./tests/e2e/support/global-setup.ts",
  use: {
    baseURL,
    storageState: "test-results/e2e-storage-state.json",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // A production build served by the same server as `npm start` (scripts/serve.ts). Its JSON
    // log goes to E2E_SERVER_LOG, which the test runner checks for personal data afterwards.
    // `npm test` builds while its earlier layers run (HASHWORK_PREBUILT); otherwise it is built here.
    command: `${process.env.HASHWORK_PREBUILT === "1" ? "" : "node node_modules/next/dist/bin/next build && "}node node_modules/tsx/dist/cli.mjs scripts/serve.ts 2>&1 | tee -a "\${E2E_SERVER_LOG:-/dev/null}"`,
    url: baseURL,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1" },
  },
});
