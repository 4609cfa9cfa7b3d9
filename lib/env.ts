// Every environment variable the app reads, validated in one place. Optional integrations are
// optional: without them the app runs and says plainly what is off. Secrets are required and
// must be strong; `npm start`/`npm run dev` generate local ones on first run (.data/secrets.env).
import { z } from "zod";
import { parseKeyRing } from "@/lib/crypto/encryption";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  // Public origin of the app, used in links in emails and Stripe redirects.
  APP_URL: z.url().default("http://localhost:3000"),
  // The root secret every signing and hashing key is derived from (lib/crypto/derived-keys.ts),
  // at least 32 characters of randomness (`openssl rand -base64 32`). To rotate, list the new
  // one first, comma-separated: the first signs and hashes, the older ones are still accepted.
  AUTH_SECRET: z
    .string({ error: "is required (generate one with `openssl rand -base64 32`)" })
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)")
            .refine((value) => new Set(value).size >= 10, "is too repetitive to be a secret"),
        )
        .min(1, "is required (generate one with `openssl rand -base64 32`)"),
    ),
  // "id:base64(32 bytes)[,id:…]": the first key encrypts, all decrypt (see lib/crypto/encryption.ts).
  ENCRYPTION_KEY: z.string({ error: "is required (see .env.example)" }).superRefine((value, context) => {
    try {
      parseKeyRing(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
    }
  }),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("Hashwork <no-reply@hashwork.local>"),
  // Optional market-data feed (lib/market/feed.ts): fetched hourly for today's snapshot.
  MARKET_DATA_URL: z
    .string()
    .regex(/^https?:\/\//, "must be an http:// or https:// URL")
    .pipe(z.url())
    .optional(),
  // Where encrypted KYC files and privacy exports are kept (default .data/storage in the project).
  STORAGE_DIR: z.string().min(1).optional(),
  // `off` keeps this process from running background jobs (run `npm run worker` elsewhere).
  JOBS: z.enum(["on", "off"]).default("on"),
  // `off` sends every response as it is, for a proxy or CDN in front that compresses instead.
  COMPRESSION: z.enum(["on", "off"]).default("on"),
  // Demo logins: seeded for the embedded development database only, unless this says `true`
  // (and never when it says `false`).
  SEED_DEMO_ACCOUNTS: z.enum(["true", "false"]).optional(),
  // How many reverse proxies in front of the app append to X-Forwarded-For; the client address
  // is the entry that many places from the right. 0 (the default) ignores the header.
  // The Bitcoin network payout addresses must belong to; an address of another network is refused.
  BITCOIN_NETWORK: z.enum(["mainnet", "testnet", "regtest"]).default("mainnet"),
  // How long a stopping process (SIGTERM) waits for requests and jobs in flight before it exits
  // anyway. Keep it below the orchestrator's kill timeout (Kubernetes: 30 s by default).
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  // The logger's level (lib/log/logger.ts reads it before the rest is validated).
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z
    .string()
    .default("0")
    .transform((value) => (value === "true" ? "1" : value === "false" ? "0" : value))
    .pipe(z.string().regex(/^\d{1,2}$/, "must be the number of proxies in front of the app (0, 1, 2…)"))
    .transform(Number),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** Validates an environment; throws a readable message naming each missing or bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(blankToUndefined(source));
  if (!result.success) throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** The app's validated environment (read once). */
export function env(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

// `FOO=` in a .env file means "not set", not "set to the empty string".
function blankToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]));
}
