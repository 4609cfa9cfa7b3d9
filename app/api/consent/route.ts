// The browser's cookie choice as the server sees it: whether a valid (signed) choice exists and
// what may run now, after the signed-in account's restriction and objections. The cookie banner
// asks this once per page load when a choice cookie is present.
import type { NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { CONSENT_COOKIE } from "@/lib/privacy/cookies/consent-cookie";
import { cookieState } from "@/lib/privacy/cookies/state";

export async function GET(request: NextRequest) {
  const user = await currentUser();
  const state = await cookieState(request.cookies.get(CONSENT_COOKIE)?.value, user?.id ?? null);
  return Response.json(state, { headers: { "cache-control": "no-store" } });
}
