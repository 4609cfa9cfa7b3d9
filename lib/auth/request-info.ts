// Who is asking: the client's address as the app's HTTP server saw it, and the browser.
import "server-only";
import { headers } from "next/headers";
import type { RequestInfo } from "@/lib/activity/record";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";

export async function requestInfo(): Promise<RequestInfo> {
  const list = await headers();
  return { ip: list.get(CLIENT_IP_HEADER)?.slice(0, 64) ?? null, userAgent: list.get("user-agent") };
}
