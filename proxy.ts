// Runs before Next renders a page: sets the Content-Security-Policy (with a per-request nonce
// where pages are rendered per request) and HSTS over HTTPS, sends signed-out visitors of the
// dashboard and the staff console to sign-in, and renews a session cookie in use once a day, so
// a session lapses 7 days after its last use (lib/auth/session-cookie.ts). The redirect is a
// convenience only: every page, action and route checks the session itself (lib/auth/session.ts).
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie, renewedSessionCookie } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy, isPerRequestPath } from "@/lib/security/csp";

const PROTECTED = ["/dashboard", "/admin"];
/** next-auth's own routes set the session cookie themselves (sign-in, sign-out). */
const AUTH_ROUTES = "/api/auth/";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedOut = !hasSessionCookie((name) => request.cookies.has(name));
  if (signedOut && PROTECTED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return withSecurityHeaders(
      request,
      NextResponse.redirect(url),
      contentSecurityPolicy({ nonce: null, dev: isDev() }),
    );
  }

  const nonce = isPerRequestPath(pathname) ? Buffer.from(crypto.randomUUID()).toString("base64") : null;
  const policy = contentSecurityPolicy({ nonce, dev: isDev() });
  const requestHeaders = new Headers(request.headers);
  if (nonce) {
    // Next reads the nonce from the request's policy and puts it on its own scripts.
    requestHeaders.set("content-security-policy", policy);
    requestHeaders.set("x-nonce", nonce);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!signedOut && !pathname.startsWith(AUTH_ROUTES)) {
    const renewed = await renewedSessionCookie((name) => request.cookies.get(name)?.value);
    if (renewed) response.cookies.set(renewed);
  }
  return withSecurityHeaders(request, response, policy);
}

function isDev() {
  return process.env.NODE_ENV === "development";
}

function withSecurityHeaders(request: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Static assets carry no HTML, so they skip this (and stay as fast as the server allows).
  matcher: ["/((?!_next/static|_next/image|icon.svg|robots.txt|favicon.ico).*)"],
};
