import { defineConfig } from "prisma/config";

// `prisma generate` needs no database; the URL is only read by commands that connect.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
