import { isIP } from "node:net";

/** Set by the app's HTTP server (server/http-server.ts) on every request; never trusted from clients. */
export const CLIENT_IP_HEADER = "x-hashwork-client-ip";

/**
 * The client's address as the outermost trusted proxy saw it. Each proxy appends the address it
 * received the request from to X-Forwarded-For, so behind `trustedHops` proxies the entry that
 * many places from the right was written by the first of them; everything left of it came from
 * the client and can say anything. Without trusted proxies, or when the header is short or
 * malformed (a request that went around the proxies), the socket's address is used.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const socket = socketAddress ?? "unknown";
  if (trustedHops < 1 || !forwardedFor) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length < trustedHops) return socket;
  const address = withoutPort(entries[entries.length - trustedHops]!);
  return isIP(address) ? address : socket;
}

// Some proxies write "1.2.3.4:5678" or "[2001:db8::1]:5678".
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4 ? v4[1]! : entry;
}
