import { expect, test } from "@playwright/test";

const EXPECTED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("every kind of response carries the security headers and a CSP", async ({ request }) => {
  for (const path of [
    "/",
    "/products/antminer-s19-pro-20-days",
    "/sign-in",
    "/dashboard",
    "/api/auth/session",
    "/no-such-page",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], `${name} on ${path}`).toBe(value);
    expect(headers["permissions-policy"], path).toContain("camera=()");
    const csp = headers["content-security-policy"];
    expect(csp, `CSP on ${path}`).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("default-src 'self'");
    if (["/sign-in", "/api/auth/session"].includes(path))
      // One hash per inline <head> script (the theme and the cookie-choice mark).
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'sha256-[^']+' 'sha256-[^']+' 'strict-dynamic'/);
    // Plain HTTP here: HSTS is only sent over HTTPS.
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
  const https = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toContain("max-age=");
});

test("a fresh nonce on every dynamic page, and it is the one on the page's scripts", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get("/sign-in");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(3);
});

test("session cookies are HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("customer@hashwork.local");
  await page.getByLabel("Password").fill("hashrate-sunrise-97");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});
