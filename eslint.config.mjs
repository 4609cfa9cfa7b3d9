// Next's own rules (React, hooks, accessibility, Core Web Vitals, TypeScript) plus the layering
// rule of this codebase: dependencies point one way, app → lib/actions → lib/<domain> → lib/db.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const FRAMEWORK_ONLY = ["next/cache", "next/navigation", "next/headers"].map((name) => ({
  name,
  message: "Next.js request and cache APIs belong in app/ and lib/actions/, not in domain code.",
}));

// Pages and components read through lib/<domain>/queries.ts. ESLint keeps one
// no-restricted-imports per file (a later block replaces an earlier one), so blocks that add
// restrictions for some of these files spread this into theirs.
const DB_MESSAGE = "Read through lib/<domain>/queries.ts.";
const NO_DB_CLIENT = {
  paths: [{ name: "@/lib/db", message: DB_MESSAGE }],
  patterns: [{ group: ["@/lib/db/*"], message: DB_MESSAGE }],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a parameter kept for its position or its type.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./lib/!(actions|api)/**/*", "./lib/*.ts"],
              from: ["./app", "./components", "./lib/actions", "./lib/api", "./server", "./scripts", "./tests"],
              message: "Domain code must not depend on a layer above it.",
            },
            {
              target: ["./lib/actions", "./lib/api"],
              from: ["./app", "./components", "./server", "./scripts", "./tests"],
              message: "Actions and the customer API must not depend on pages or components.",
            },
            {
              target: "./components",
              from: ["./app", "./server", "./scripts", "./tests"],
              message: "Components must not depend on pages.",
            },
            {
              target: "./app",
              from: ["./lib/db", "./lib/db.ts", "./scripts", "./tests"],
              message: "Pages read through lib/<domain>/queries.ts, never the Prisma client.",
            },
            {
              target: "./server",
              from: ["./app", "./components", "./scripts", "./tests"],
              message: "The runtime does not depend on pages or commands.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/actions/**", "lib/auth/**"],
    rules: { "no-restricted-imports": ["error", { paths: FRAMEWORK_ONLY }] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", NO_DB_CLIENT],
    },
  },
  {
    // Pages rendered per request: a link in view must not make the server render its page.
    files: ["app/dashboard/**/*.{ts,tsx}", "app/admin/**/*.{ts,tsx}", "app/(checkout)/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...NO_DB_CLIENT,
          paths: [
            ...NO_DB_CLIENT.paths,
            {
              name: "next/link",
              message: "Use IntentLink (components/ui/intent-link.tsx): prefetched when reached for, not when in view.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "node_modules/**",
  ]),
]);
