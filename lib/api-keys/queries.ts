// Reads of a customer's API keys for their security page. The keyed hash is never read here.
import "server-only";
import { db } from "@/lib/db";
import { apiKeyStatus, type ApiKeyStatus } from "./status-labels";

export type ApiKeyLine = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  status: ApiKeyStatus;
};

/** The customer's keys, newest first, revoked and expired ones included (at most 100). */
export async function apiKeysOf(userId: string, now: Date = new Date()): Promise<ApiKeyLine[]> {
  const rows = await db.apiKey.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
    },
  });
  return rows.map((row) => ({ ...row, status: apiKeyStatus(row, now) }));
}
