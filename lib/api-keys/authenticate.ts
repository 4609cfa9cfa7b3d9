// Who a request's API key belongs to, and what it may do. A key works only while it is not
// revoked, not expired, and its owner is a customer whose account is open (active or
// restricted: a restricted account still reads its data; buying refuses it on its own).
// Each refusal is the same 401 to the caller, so an answer never tells a guessed key from a
// revoked one.
import "server-only";
import { db } from "@/lib/db";
import { isApiScope, type ApiScope } from "./scopes";
import { apiKeyMatches, apiKeyPrefix, looksLikeApiKey } from "./token";

export type ApiCaller = { keyId: string; userId: string; scopes: ApiScope[] };

export type KeyRefusal = "missing" | "invalid";

/** How often (at most) a key's "last used" time and address are written. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The caller behind an `Authorization: Bearer <key>` header, or why there is none. */
export async function authenticateApiKey(
  authorization: string | null,
  ip: string | null,
  now = new Date(),
): Promise<ApiCaller | KeyRefusal> {
  if (!authorization) return "missing";
  const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
  if (!match || !looksLikeApiKey(match[1]!)) return "invalid";
  const key = match[1]!;
  const row = await db.apiKey.findUnique({
    where: { prefix: apiKeyPrefix(key) },
    select: {
      id: true,
      userId: true,
      secretHash: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
      user: { select: { role: true, status: true } },
    },
  });
  if (!row || !apiKeyMatches(key, row.secretHash)) return "invalid";
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return "invalid";
  if (row.user.role !== "customer" || (row.user.status !== "active" && row.user.status !== "restricted")) {
    return "invalid";
  }
  const stale = !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
  if (stale || row.lastUsedIp !== ip) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now, lastUsedIp: ip } });
  }
  return { keyId: row.id, userId: row.userId, scopes: row.scopes.filter(isApiScope) };
}
