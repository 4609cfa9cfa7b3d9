import { expect, test, type Page } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { generate } from "otplib";
import pg from "pg";
import { deriveKey } from "../../lib/crypto/derived-keys";
import { linkIn } from "../../scripts/lib/smtp-inbox";
import { createAccount, query, signIn } from "./support/accounts";
import { waitForMail } from "./support/mailbox";

const PASSWORD = "copper-lantern-orbit-57";

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** A TOTP code for a later 30 s step than `previous` (a used code is never accepted twice). */
async function freshCode(secret: string, previous?: string): Promise<string> {
  for (;;) {
    const code = await generate({ secret });
    if (code !== previous) return code;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

test("sign up, confirm the email, sign in, turn on 2FA, sign out, sign in with a code", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  const email = `e2e-${Date.now()}@example.com`;

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password123");
  await expect(page.getByTestId("password-strength")).toContainText("not accepted");
  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.getByTestId("password-strength")).toContainText(/Strong|Very strong/);
  await page.getByRole("checkbox", { name: /I accept the terms/ }).check();
  await expect(page.getByRole("checkbox", { name: /occasional news/ })).not.toBeChecked();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const welcome = await waitForMail(email, /Confirm your email/);
  await page.goto(linkIn(welcome, `${process.env.APP_URL}/verify-email?token=`));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText("Your email is confirmed. Sign in to continue.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("Confirm your email to start buying")).toHaveCount(0);

  await page.goto("/dashboard/security");
  await page.getByRole("button", { name: "Set up 2FA" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const enrolCode = await freshCode(secret);
  await page.getByLabel("Code from your app").fill(enrolCode);
  await page.getByRole("button", { name: "Turn on 2FA" }).click();
  await expect(page.locator("#field-password-error")).toContainText("Enter your password"); // it needs the password again
  await page.getByLabel("Code from your app").fill(enrolCode);
  await page.getByLabel("Your password").fill("not-my-password-at-all");
  await page.getByRole("button", { name: "Turn on 2FA" }).click();
  await expect(page.locator("#field-password-error")).toContainText("Check your password");
  await page.getByLabel("Code from your app").fill(enrolCode);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn on 2FA" }).click();
  await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const shot = testInfo.outputPath("security.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("security", { path: shot, contentType: "image/png" });

  // This browser stays signed in after turning 2FA on (other sessions end).
  await page.reload();
  await expect(page).toHaveURL(/\/dashboard\/security$/);

  const cookiesBeforeSignOut = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  // Signing out ended the session on the server: a copy of the old cookie does not work.
  const copy = await browser.newContext();
  await copy.addCookies(cookiesBeforeSignOut);
  const copyPage = await copy.newPage();
  await copyPage.goto("/dashboard");
  await expect(copyPage).toHaveURL(/\/sign-in/);
  await copy.close();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  // The enrolment code was used once already: it is refused, the next one works.
  await page.getByLabel("Authentication code").fill(enrolCode);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").first()).toContainText(/not valid|already used/);
  await page.getByLabel("Authentication code").fill(await freshCode(secret, enrolCode));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await page.goto("/dashboard/security");
  const activity = page.getByRole("table");
  await expect(activity).toContainText("Two-factor authentication turned on");
  await expect(activity).toContainText("Failed sign-in attempt");
  await expect(activity).toContainText("Signed in");
  expect(csp).toEqual([]);
});

test("signed-out visitors are sent to sign-in from every private area, whatever headers they send", async ({
  page,
  request,
}) => {
  for (const path of ["/dashboard", "/dashboard/security", "/admin", "/admin/audit", "/admin/users"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path).replace(/%/g, "%")}`));
    const forged = await request.get(path, {
      headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", Cookie: "authjs.session-token=forged" },
      maxRedirects: 0,
    });
    const body = await forged.text();
    // Either a redirect, or the page's own session check sends the browser to sign-in.
    if (forged.status() < 300 || forged.status() >= 400) expect(body).toContain("NEXT_REDIRECT;replace;/sign-in");
    expect(body).not.toMatch(/Recent activity|Audit log<\/h1>|Customers<\/dt>|Users<\/h1>|Overview<\/h1>/);
  }
});

test("hostile callback URLs never break the sign-in page nor send a signed-in visitor off-site", async ({
  page,
  baseURL,
}) => {
  const hostile = [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%0A%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F%255Cevil.example",
    "%2F%5C%5Cevil.example",
    "%2F%2Fevil.example",
    "https%3Aevil.example",
    "https%3A%2F%2Fevil.example",
  ];
  for (const value of hostile) {
    const response = await page.request.get(`/sign-in?callbackUrl=${value}`, { maxRedirects: 0 });
    expect(response.status(), value).toBe(200);
  }
  await signIn(page, await createAccount("customer"));
  for (const value of hostile) {
    const response = await page.request.get(`/sign-in?callbackUrl=${value}`, { maxRedirects: 0 });
    expect(response.status(), value).toBe(307);
    expect(new URL(response.headers()["location"]!, baseURL).href, value).toBe(new URL("/dashboard", baseURL).href);
  }
});

test("bad sign-up input gets field errors and writes nothing", async ({ page }) => {
  // Accounts with any of the emails tried (other tests create accounts at the same time).
  const tried = ["", `${"ü".repeat(300)}@example.com`, "weak-password@example.com"];
  const count = async () =>
    Number(
      (await query<{ n: string }>(`SELECT count(*) AS n FROM "User" WHERE lower(email) = ANY($1)`, [tried]))[0]!.n,
    );
  const before = await count();
  expect(before).toBe(0);
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-email-error")).toContainText("Enter a valid email");
  await expect(page.getByText("Accept the terms and the privacy policy")).toBeVisible();

  await page.getByLabel("Email").fill(tried[1]!);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("checkbox", { name: /I accept the terms/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-email-error")).toBeVisible();

  await page.getByLabel("Email").fill(tried[2]!);
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-password-error")).toContainText("too easy to guess");
  expect(await count()).toBe(before);
});

test("a reset link works once and signs out every other session", async ({ browser }) => {
  test.setTimeout(90_000);
  const account = await createAccount("customer");
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, account);

  const phone = await browser.newContext();
  const page = await phone.newPage();
  await page.goto("/reset-password");
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("a reset link is on its way");
  // Unknown addresses get the same answer.
  await page.getByLabel("Email").fill("nobody-at-all@example.com");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If nobody-at-all@example.com has an account");

  const mail = await waitForMail(account.email, /Reset your Hashwork password/);
  const link = linkIn(mail, `${process.env.APP_URL}/reset-password?token=`);
  await page.goto(link);
  await page.getByLabel("New password").fill("violet-harbour-engine-38");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();

  await laptopPage.goto("/dashboard");
  await expect(laptopPage).toHaveURL(/\/sign-in/);
  await laptop.close();
  await phone.close();
});

test("a session in use slides: a cookie two days old is renewed for 7 days from now, not a day more", async ({
  page,
  context,
  baseURL,
}) => {
  const name = "authjs.session-token"; // over plain HTTP
  const week = 7 * 24 * 60 * 60;
  const account = await createAccount("customer");
  await signIn(page, account);
  const sessionCookie = async () => (await context.cookies()).find((cookie) => cookie.name === name)!;
  // The test runner gave the server its AUTH_SECRET; the session key is derived from its current one.
  const secret = deriveKey(process.env.AUTH_SECRET!.split(",")[0]!, "session").toString("base64url");
  const signedIn = await decode({ token: (await sessionCookie()).value, secret, salt: name });
  expect(signedIn).toMatchObject({ sub: account.id });

  // The same session's cookie as sign-in would have made it two days ago (the clock turned back).
  const realNow = Date.now;
  const twoDaysAgo = realNow() - 2 * 24 * 60 * 60 * 1000;
  Date.now = () => twoDaysAgo;
  const aged = await encode({
    token: { sub: signedIn!.sub, sv: signedIn!.sv, sid: signedIn!.sid },
    secret,
    salt: name,
    maxAge: week,
  }).finally(() => (Date.now = realNow));
  await context.addCookies([
    { name, value: aged, url: baseURL!, httpOnly: true, sameSite: "Lax", expires: twoDaysAgo / 1000 + week },
  ]);

  await page.goto("/dashboard/wallet");
  await expect(page.getByRole("heading", { name: "Wallet", level: 1 })).toBeVisible();
  const renewed = await sessionCookie();
  expect(renewed.value).not.toBe(aged);
  const now = Date.now() / 1000;
  expect(renewed.expires).toBeGreaterThan(now + week - 120);
  expect(renewed.expires).toBeLessThan(now + week + 120);
  expect(renewed).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  const claims = await decode({ token: renewed.value, secret, salt: name });
  expect(claims).toMatchObject({ sub: account.id, sv: signedIn!.sv, sid: signedIn!.sid });
  expect(claims!.iat).toBeGreaterThan(now - 120);

  // The renewed cookie is the same session, and a fresh one is not renewed again.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect((await sessionCookie()).value).toBe(renewed.value);
});

test("dashboard links fetch their page when the customer reaches for one, not when it is in view", async ({ page }) => {
  await signIn(page, await createAccount("customer"));
  // Requests for a page's server-component payload (prefetches and client navigations), by path.
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["rsc"] === "1") fetched.push(new URL(request.url()).pathname);
  });
  const dynamic = () => fetched.filter((path) => /^\/(dashboard|admin|checkout)(\/|$)/.test(path));

  await page.goto("/dashboard/wallet");
  await expect(page.getByRole("heading", { name: "Wallet", level: 1 })).toBeVisible();
  // Links to the storefront's cached pages are still prefetched in view: once they have been,
  // the page has done its prefetching, and not one went to a page rendered per request.
  await expect.poll(() => fetched.filter((path) => path === "/privacy" || path === "/terms").length).toBeGreaterThan(0);
  expect(dynamic()).toEqual([]);

  const orders = page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Orders" });
  await orders.hover();
  await expect.poll(dynamic).toContain("/dashboard/orders");
  expect(dynamic().every((path) => path === "/dashboard/orders")).toBe(true);
  await orders.click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
});

test("the header follows the session through client-side navigation, without a reload", async ({ page }) => {
  const account = await createAccount("customer");
  const header = page.getByRole("banner");
  await page.goto("/");
  await header.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  // Signed-in pages name the account and offer sign-out in the header itself.
  await expect(header.getByTestId("signed-in-as")).toHaveText(account.email);
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);

  await header.getByRole("link", { name: "Hashwork home" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await header.getByRole("link", { name: "Dashboard" }).click();
  await expect(header.getByTestId("signed-in-as")).toHaveText(account.email);

  // Checkout is a signed-in page too: the same header, reached from the storefront.
  await page.goto("/");
  await page.getByRole("link", { name: "Buy Now: Antminer S19 Pro · 20 days" }).click();
  await expect(page.getByRole("heading", { name: /Checkout: Antminer S19 Pro · 20 days/ })).toBeVisible();
  await expect(header.getByTestId("signed-in-as")).toHaveText(account.email);
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header.getByTestId("signed-in-as")).toHaveCount(0);
});

test("a slow dashboard page shows a skeleton inside the layout while it loads", async ({ page }) => {
  const account = await createAccount("customer");
  await signIn(page, account);
  // A slow database: the wallet's ledger reads wait while this transaction holds the table.
  const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await blocker.connect();
  try {
    await blocker.query("BEGIN");
    await blocker.query(`LOCK TABLE "LedgerEntry" IN ACCESS EXCLUSIVE MODE`);
    await page.goto("/dashboard/wallet", { waitUntil: "commit" });
    const skeleton = page.getByTestId("page-skeleton");
    await expect(skeleton).toBeVisible();
    await expect(skeleton).toHaveAttribute("aria-busy", "true");
    // The layout is already there: the account in the header and the section navigation.
    await expect(page.getByRole("banner").getByTestId("signed-in-as")).toHaveText(account.email);
    await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeVisible();
    await blocker.query("ROLLBACK");
    await expect(page.getByRole("heading", { level: 1, name: "Wallet" })).toBeVisible();
    await expect(skeleton).toHaveCount(0);
  } finally {
    await blocker.end();
  }
});
