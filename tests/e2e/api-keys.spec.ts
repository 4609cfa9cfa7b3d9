// Personal API keys in the browser: a customer makes one (shown once, then only its prefix), sees
// it in the list and revokes it; with 2FA on the form needs a code; the create and revoke requests
// replayed by staff, another customer or nobody change nothing.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";
import { createAccount, PASSWORD, query, signIn, type Account } from "./support/accounts";
import { createKeyInBrowser } from "./support/api-keys";
import { waitForMail } from "./support/mailbox";

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** Submits with `submit`, catching the server action's request instead of letting it through. */
async function captureAction(page: Page, submit: () => Promise<void>): Promise<Captured> {
  let captured: Captured | undefined;
  await page.route("**/dashboard/security", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
      return route.abort();
    }
    return route.continue();
  });
  await submit();
  await expect.poll(() => captured).toBeDefined();
  return captured!;
}

const replay = (request: APIRequestContext, captured: Captured) =>
  request.post(captured.url, {
    headers: {
      "next-action": captured.headers["next-action"]!,
      "content-type": captured.headers["content-type"]!,
      accept: "text/x-component",
    },
    data: captured.body,
    maxRedirects: 0,
  });

async function signedIn(browser: Browser, account: Account | null) {
  const context = await browser.newContext();
  if (account) await signIn(await context.newPage(), account);
  return context;
}

const keysOf = (userId: string) =>
  query<{ prefix: string; secretHash: string; revokedAt: Date | null; scopes: string[] }>(
    `SELECT prefix, "secretHash", "revokedAt", scopes FROM "ApiKey" WHERE "userId" = $1`,
    [userId],
  );

test("a customer makes a key, sees it once, finds it by prefix and revokes it", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const customer = await createAccount("customer");
  await signIn(page, customer);
  await page.goto("/dashboard/security");
  const section = page.getByRole("region", { name: "API keys" });
  await expect(section.getByText("You have none yet.")).toBeVisible();
  await expect(section.getByRole("link", { name: "How the API works" })).toHaveAttribute("href", "/docs/api");

  // Nothing ticked: a field error, nothing made.
  await page.getByLabel("Key name").fill("Monthly report");
  await page.getByLabel("Account password").fill("not-the-password-0");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("Choose at least one thing the key may do.")).toBeVisible();
  expect(await keysOf(customer.id)).toEqual([]);

  const { key, prefix } = await createKeyInBrowser(page, {
    name: "Monthly report",
    scopes: [/Read your contracts/, /Read your daily earnings/],
  });
  expect(key).toMatch(/^hw_live_[0-9A-Za-z]{40}$/);
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  const row = page.getByTestId("api-key-row").filter({ hasText: prefix });
  await expect(row).toContainText("Monthly report");
  await expect(row).toContainText("contracts:read");
  await expect(row).toContainText("earnings:read");
  await expect(row).toContainText("Never used");
  await expect(row).toContainText("Active");
  // The page with a key shown and listed passes axe, light and dark.
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((item) => item.impact === "serious" || item.impact === "critical");
    expect(serious.map((item) => `${scheme}: ${item.id}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
  const shot = testInfo.outputPath("api-keys.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("api-keys", { path: shot, contentType: "image/png" });

  // Stored as a hash only; the email names the key by prefix, never in full.
  const [stored] = await keysOf(customer.id);
  expect(stored).toMatchObject({ prefix, revokedAt: null, scopes: ["contracts:read", "earnings:read"] });
  expect(stored!.secretHash).not.toContain(key.slice(16));
  const mail = await waitForMail(customer.email, /A new API key was created/);
  expect(mail.text).toContain(prefix);
  expect(mail.text).not.toContain(key);

  // The key works from outside the browser, within its scopes only.
  const bearer = { authorization: `Bearer ${key}` };
  const contracts = await page.request.get("/api/v1/contracts", { headers: bearer });
  expect(contracts.status()).toBe(200);
  expect(await contracts.json()).toEqual({ data: [], nextCursor: null });
  expect(contracts.headers()["ratelimit-remaining"]).toMatch(/^\d+$/);
  const orders = await page.request.get("/api/v1/orders", { headers: bearer });
  expect(orders.status()).toBe(403);
  expect(orders.headers()["content-type"]).toBe("application/problem+json");
  expect((await orders.json()).detail).toContain("orders:read");
  // The browser's session is no key.
  expect((await page.request.get("/api/v1/contracts")).status()).toBe(401);

  // Once the page is left, the key is gone from it for good; its last use is shown.
  await page.reload();
  await expect(page.getByTestId("api-key-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(16));
  await expect(row).not.toContainText("Never used");

  await row.getByRole("button", { name: "Revoke Monthly report" }).click();
  await row.getByRole("button", { name: "Yes, revoke Monthly report" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  expect((await keysOf(customer.id))[0]!.revokedAt).not.toBeNull();
  await waitForMail(customer.email, /API key of your Hashwork account was revoked/);
  // Revoked stops it at once.
  const refused = await page.request.get("/api/v1/contracts", { headers: bearer });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("invalid_token");
});

test("with two-factor authentication on, a key needs a code from the app", async ({ page }) => {
  const customer = await createAccount("customer", { twoFactor: true });
  await signIn(page, customer);
  await page.goto("/dashboard/security");
  await page.getByLabel("Key name").fill("Needs a code");
  await page.getByRole("checkbox", { name: /Read your orders/ }).check();
  await page.getByLabel("Account password").fill("not-the-password-0");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.locator("#api-key-code-error")).toContainText("6-digit code");
  expect(await keysOf(customer.id)).toEqual([]);

  // The sign-in just used this step's code; a code is accepted once, so clear that record.
  await query(`UPDATE "User" SET "totpLastStep" = NULL WHERE id = $1`, [customer.id]);
  const { key } = await createKeyInBrowser(page, {
    name: "Needs a code",
    scopes: [/Read your orders/],
    expiry: "No expiry",
    code: await generate({ secret: customer.totpSecret! }),
  });
  expect(key).toMatch(/^hw_live_/);
  await expect(page.getByTestId("api-key-row").filter({ hasText: key.slice(0, 16) })).toContainText("Never");
});

test("replayed create and revoke requests from staff, another customer or nobody change nothing", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = await createAccount("customer");
  const other = await createAccount("customer");
  const admin = await createAccount("admin");
  const ownerContext = await signedIn(browser, owner);
  const page = await ownerContext.newPage();

  // Staff see why there is no form; a customer's create request replayed as them makes nothing.
  const adminContext = await signedIn(browser, admin);
  const adminPage = await adminContext.newPage();
  await adminPage.goto("/dashboard/security");
  await expect(adminPage.getByText("API keys are for customer accounts")).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Create API key" })).toHaveCount(0);

  await page.goto("/dashboard/security");
  await page.getByLabel("Key name").fill("Replayed");
  await page.getByRole("checkbox", { name: /Place orders/ }).check();
  await page.getByLabel("Account password").fill(PASSWORD);
  const create = await captureAction(page, () => page.getByRole("button", { name: "Create API key" }).click());
  const anonymous = await signedIn(browser, null);
  for (const context of [adminContext, anonymous]) {
    expect((await replay(context.request, create)).status()).toBeLessThan(500);
  }
  expect(await keysOf(admin.id)).toEqual([]);
  expect(await keysOf(owner.id)).toEqual([]);

  // The owner's key: its revoke request replayed by another customer or nobody leaves it live.
  const fresh = await ownerContext.newPage();
  const { prefix } = await createKeyInBrowser(fresh, { name: "Keep me", scopes: [/Read your contracts/] });
  await fresh.reload();
  const row = fresh.getByTestId("api-key-row").filter({ hasText: prefix });
  await row.getByRole("button", { name: "Revoke Keep me" }).click();
  const revoke = await captureAction(fresh, () => row.getByRole("button", { name: "Yes, revoke Keep me" }).click());
  const otherContext = await signedIn(browser, other);
  for (const context of [otherContext, anonymous, adminContext]) {
    expect((await replay(context.request, revoke)).status()).toBeLessThan(500);
    expect((await keysOf(owner.id))[0]!.revokedAt, "a replay revoked the key").toBeNull();
  }
  // The owner's own replay does revoke it, so the refusals above were real.
  expect((await replay(ownerContext.request, revoke)).status()).toBeLessThan(400);
  await expect.poll(async () => (await keysOf(owner.id))[0]!.revokedAt).not.toBeNull();
  for (const context of [ownerContext, adminContext, otherContext, anonymous]) await context.close();
});
