// A customer's personal API keys: making one and revoking one (docs/api.md, "Keys").
// Only customer accounts hold keys: the API reads the key owner's own data, and no scope reaches
// staff tools. Making a key is a sensitive step, confirmed like the privacy centre's identity
// re-proof: the account password, and a fresh TOTP code when two-factor authentication is on
// (never accepted twice). The whole key is returned once, to be shown once; only its keyed hash
// is stored, and neither the activity log nor the email ever holds it.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { appLink } from "@/lib/auth/accounts";
import { confirmPassword } from "@/lib/auth/password-check";
import { confirmWithTotp } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { formatUtcDateTime } from "@/lib/format/date";
import { sendMail } from "@/lib/mail/send-mail";
import { apiKeyMail } from "@/lib/mail/templates";
import { routes } from "@/lib/routes";
import { apiKeyFields } from "@/lib/validation/api-keys";
import { fieldErrorsOf } from "@/lib/validation/common";
import { liveApiKeys, MAX_LIVE_API_KEYS, STAFF_REFUSAL } from "./rules";
import { API_SCOPE_LABELS, type ApiScope } from "./scopes";
import { newApiKey } from "./token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type NewApiKey = { id: string; name: string; prefix: string; key: string };

const tooMany = () =>
  new UserError(
    `You have ${MAX_LIVE_API_KEYS} live keys, the most an account may hold. Revoke one you no longer use first.`,
  );
const nameTaken = (name: string) =>
  new UserError(`You already have a live key named "${name}".`, {
    name: ["Choose a name none of your live keys has."],
  });

/** Refuses a key the customer may not make now (changes nothing; uses up no code). */
async function assertMayCreate(client: Pick<typeof db, "apiKey">, userId: string, name: string, now: Date) {
  const live = liveApiKeys(userId, now);
  if ((await client.apiKey.count({ where: live })) >= MAX_LIVE_API_KEYS) throw tooMany();
  const sameName = await client.apiKey.count({ where: { ...live, name: { equals: name, mode: "insensitive" } } });
  if (sameName > 0) throw nameTaken(name);
}

export async function createApiKey(
  userId: string,
  input: { name: string; scopes: string[]; expiresAt: Date | null; password: string; totpCode?: string },
  request: RequestInfo,
  now: Date = new Date(),
): Promise<NewApiKey> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, status: true, totpEnabledAt: true },
  });
  if (!user) throw new UserError("Please sign in again.");
  if (user.role !== "customer") throw new UserError(STAFF_REFUSAL);
  if (user.status !== "active" && user.status !== "restricted") {
    throw new UserError("This account is closed: it cannot make API keys.");
  }
  // Whoever calls this, the name and scopes are checked again here (the database checks them too).
  const parsed = apiKeyFields.safeParse({ name: input.name, scopes: input.scopes });
  if (!parsed.success) {
    throw new UserError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  }
  const { name, scopes } = parsed.data;
  if (input.expiresAt && !(input.expiresAt.getTime() > now.getTime())) {
    throw new UserError("Choose an expiry in the future.", { expiresIn: ["Choose an expiry in the future."] });
  }
  if (user.totpEnabledAt && !input.totpCode) {
    throw new UserError("Enter the code from your authenticator app.", {
      code: ["Enter the 6-digit code from your authenticator app."],
    });
  }

  // The cheap refusals come first, so a key that would be refused anyway does not use up a code.
  await assertMayCreate(db, userId, name, now);
  await confirmPassword(user, input.password, request);
  if (user.totpEnabledAt) await confirmWithTotp(user, input.totpCode!, request, "API key");

  const created = await storeApiKey(userId, { name, scopes, expiresAt: input.expiresAt }, request, now);

  await sendMail(
    apiKeyMail(
      user.email,
      {
        step: "created",
        name,
        prefix: created.prefix,
        scopes: scopes.map((scope) => `${API_SCOPE_LABELS[scope]} (${scope})`),
        expires: input.expiresAt ? `${formatUtcDateTime(input.expiresAt)} UTC` : "never (until you revoke it)",
      },
      appLink(routes.dashboard.security),
    ),
  );
  return created;
}

/**
 * Writes the key once the customer has proved who they are, checking the limit and the name again
 * under a lock on the customer: of a burst of requests, only those that fit are written.
 */
export async function storeApiKey(
  userId: string,
  key: { name: string; scopes: ApiScope[]; expiresAt: Date | null },
  request: RequestInfo,
  now: Date = new Date(),
): Promise<NewApiKey> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
    await assertMayCreate(tx, userId, key.name, now);
    let fresh = newApiKey();
    // Prefixes are unique; a clash (about one in 10^14 per pair) just draws again.
    while (await tx.apiKey.count({ where: { prefix: fresh.prefix } })) fresh = newApiKey();
    const row = await tx.apiKey.create({
      data: {
        userId,
        name: key.name,
        prefix: fresh.prefix,
        secretHash: fresh.secretHash,
        scopes: key.scopes,
        expiresAt: key.expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordActivity(userId, "api_key_created", request, { name: key.name, prefix: fresh.prefix }, tx);
    return { id: row.id, name: key.name, prefix: fresh.prefix, key: fresh.key };
  });
}

/**
 * Revokes one of the customer's own keys at once. Another customer's key, or no key at all, is
 * "not found" alike and nothing changes. Revoking a revoked key again changes nothing and succeeds.
 */
export async function revokeApiKey(
  userId: string,
  keyId: string,
  request: RequestInfo,
  now: Date = new Date(),
): Promise<{ name: string; prefix: string; alreadyRevoked: boolean }> {
  const notFound = () => new UserError("That key does not exist.");
  if (!UUID.test(keyId)) throw notFound();
  const result = await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: keyId, userId, revokedAt: null },
      data: { revokedAt: now },
    });
    const key = await tx.apiKey.findFirst({ where: { id: keyId, userId }, select: { name: true, prefix: true } });
    if (!key) throw notFound();
    if (count === 1) await recordActivity(userId, "api_key_revoked", request, key, tx);
    return { ...key, alreadyRevoked: count === 0 };
  });
  if (!result.alreadyRevoked) {
    const owner = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await sendMail(
      apiKeyMail(
        owner.email,
        { step: "revoked", name: result.name, prefix: result.prefix },
        appLink(routes.dashboard.security),
      ),
    );
  }
  return result;
}
