// The first-party analytics beacon (public/analytics.js posts each page view here). A view is
// stored only with analytics consent and an account that allows it; otherwise nothing is
// stored and the analytics cookie is removed. Same-origin only, a small body, a site path only.
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { BodyTooLargeError, readLimitedText } from "@/lib/http/limited-body";
import { isSameOrigin } from "@/lib/http/same-origin";
import { recordPageView } from "@/lib/privacy/analytics/page-views";
import { ANALYTICS_COOKIE, CONSENT_COOKIE, CONSENT_MAX_AGE_SECONDS } from "@/lib/privacy/cookies/consent-cookie";
import { pageViewInput } from "@/lib/validation/consent";

const PAGE_VIEW_LIMIT_BYTES = 1024;

const refuse = (status: number) => new NextResponse(null, { status, headers: { "cache-control": "no-store" } });

export async function POST(request: NextRequest) {
  if (!isSameOrigin(request)) return refuse(403);
  let body: unknown;
  try {
    body = JSON.parse(await readLimitedText(request, PAGE_VIEW_LIMIT_BYTES));
  } catch (error) {
    return refuse(error instanceof BodyTooLargeError ? 413 : 400);
  }
  const parsed = pageViewInput.safeParse(body);
  if (!parsed.success) return refuse(400);
  const user = await currentUser();
  const result = await recordPageView({
    consentCookie: request.cookies.get(CONSENT_COOKIE)?.value,
    analyticsCookie: request.cookies.get(ANALYTICS_COOKIE)?.value,
    userId: user?.id ?? null,
    path: parsed.data.path,
  });
  if (!result.recorded) {
    const response = refuse(403);
    response.cookies.delete(ANALYTICS_COOKIE);
    return response;
  }
  const response = new NextResponse(null, { status: 204, headers: { "cache-control": "no-store" } });
  response.cookies.set(ANALYTICS_COOKIE, result.visitorId, {
    path: "/",
    maxAge: CONSENT_MAX_AGE_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: env().APP_URL.startsWith("https:"),
  });
  return response;
}
