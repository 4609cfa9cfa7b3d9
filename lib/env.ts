// Every environment variable the app reads, validated in one place. Optional integrations are
// optional: without them the app runs and says plainly what is off.
import { z } from "zod";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Set by `npm start`/`npm run dev` when they launch the embedded PostgreSQL.
  DATABASE_URL: postgresUrl,
  // Public origin of the app, used in links in emails and Stripe redirects.
  APP_URL: z.url().default("http://localhost:3000"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** The validated environment; throws a readable message naming each bad variable. */
export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(blankToUndefined(process.env));
  if (!result.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  }
  parsed = result.data;
  return parsed;
}

// `FOO=` in a .env file means "not set", not "set to the empty string".
function blankToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]));
}
