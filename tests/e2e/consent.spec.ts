// Consent in the browser: the cookie banner (nothing optional before a choice, analytics after
// opting in, gone after opting out, forged choices refused, no layout shift, accessible), the
// analytics beacon's refusals, the terms version at sign-up and a newer one accepted from the
// dashboard, communication preferences with their history, and a restriction that stops
// analytics and marketing mail (checked in the SMTP inbox).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { CURRENT_TERMS, TERMS_VERSIONS } from "../../lib/privacy/terms";
import { createAccount, query, signIn, type Account } from "./support/accounts";
import { consentCookie, signedChoice } from "./support/cookie-choice";
import { waitForMail } from "./support/mailbox";

const OLDER_TERMS = TERMS_VERSIONS[0]!.id;

const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((cookie) => cookie.name);
const cookieValue = async (context: BrowserContext, name: string) =>
  (await context.cookies()).find((cookie) => cookie.name === name)?.value;
const viewsOf = async (visitorId: string) =>
  (
    await query<{ path: string }>(`SELECT path FROM "AnalyticsPageView" WHERE "visitorId" = $1 ORDER BY "createdAt"`, [
      visitorId,
    ])
  ).map((row) => row.path);
const allViews = async () =>
  Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "AnalyticsPageView"`))[0]!.n);

/** Every request for the analytics script and every answer of the beacon, from now on. */
function watchAnalytics(page: Page) {
  const seen = { scripts: 0, beacons: [] as number[] };
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/analytics.js") seen.scripts += 1;
  });
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/api/analytics") seen.beacons.push(response.status());
  });
  return seen;
}

async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 800);
      }),
  );
}

async function subscribe(account: Account) {
  await query(`UPDATE "User" SET "marketingOptIn" = true WHERE id = $1`, [account.id]);
  await query(
    `INSERT INTO "Consent" (id, "userId", purpose, granted, source) VALUES (gen_random_uuid(), $1, 'marketing', true, 'preferences')`,
    [account.id],
  );
}

test.describe("cookie banner", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("nothing optional before a choice; analytics after opting in; gone after opting out", async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    const seen = watchAnalytics(page);
    await page.goto("/");
    const banner = page.getByRole("dialog", { name: "Cookies on Hashwork" });
    await expect(banner).toBeVisible();
    expect(await layoutShift(page)).toBe(0); // a fixed overlay: the page never moves
    await page.waitForLoadState("networkidle");
    expect(seen.scripts).toBe(0);
    await expect(page.locator("script[src='/analytics.js']")).toHaveCount(0);
    expect(await cookieNames(context)).not.toContain("hw_analytics");
    expect(await cookieNames(context)).not.toContain("hw_consent");

    // Keyboard: right after "Skip to content", the banner.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(banner.getByRole("link", { name: "How we use cookies" })).toBeFocused();

    await banner.getByRole("button", { name: "Choose" }).click();
    await expect(banner.getByRole("checkbox", { name: /Essential/ })).toBeDisabled();
    await banner.getByRole("checkbox", { name: /Analytics/ }).check();
    await banner.getByRole("button", { name: "Save choices" }).click();
    await expect(banner).toBeHidden();
    await expect.poll(() => seen.beacons).toEqual([204]);
    expect(seen.scripts).toBe(1);
    const visitor = await cookieValue(context, "hw_analytics");
    expect(visitor).toMatch(/^[0-9a-f-]{36}$/);
    expect(await viewsOf(visitor!)).toEqual(["/"]);

    // A client-side navigation is counted too, once.
    await page.getByRole("contentinfo").getByRole("link", { name: "Terms of service" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Terms of service" })).toBeVisible();
    await expect.poll(() => viewsOf(visitor!)).toEqual(["/", "/terms"]);

    // Opting out from the footer: the analytics cookie and the script go at once.
    const settings = page.getByRole("button", { name: "Cookie settings" });
    await settings.click();
    await expect(banner).toBeFocused();
    await expect(banner.getByRole("checkbox", { name: /Analytics/ })).toBeChecked();
    await banner.getByRole("checkbox", { name: /Analytics/ }).uncheck();
    await banner.getByRole("button", { name: "Save choices" }).click();
    await expect(banner).toBeHidden();
    await expect(settings).toBeFocused();
    expect(await cookieNames(context)).not.toContain("hw_analytics");
    await expect(page.locator("script[src='/analytics.js']")).toHaveCount(0);

    seen.scripts = 0;
    await page.goto("/privacy");
    await page.waitForLoadState("networkidle");
    await expect(banner).toBeHidden(); // the choice is remembered
    expect(seen.scripts).toBe(0);
    expect(await viewsOf(visitor!)).toEqual(["/", "/terms"]);
    expect(await cookieNames(context)).not.toContain("hw_analytics");
  });

  test("essential only in one click; Escape closes the settings; accessible in light and dark", async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000);
    const seen = watchAnalytics(page);
    await page.goto("/privacy");
    const banner = page.getByRole("dialog", { name: "Cookies on Hashwork" });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page })
        .include("[role=dialog]")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(results.violations.map((violation) => `${scheme}: ${violation.id}`)).toEqual([]);
    }
    await banner.getByRole("button", { name: "Essential only" }).click();
    await expect(banner).toBeHidden();
    expect(await cookieValue(context, "hw_consent")).toMatch(/^c1\.00\./);
    await page.getByRole("button", { name: "Cookie settings" }).click();
    await expect(banner).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(banner).toBeHidden();
    await page.waitForLoadState("networkidle");
    expect(seen.scripts).toBe(0);
  });

  test("a forged, tampered or foreign choice cookie is no choice at all", async ({ page, context, baseURL }) => {
    test.setTimeout(90_000);
    const granted = signedChoice({ analytics: true, advertising: true });
    const before = await allViews();
    for (const forged of [
      granted.replace(/\.[^.]+$/, `.${"A".repeat(43)}`),
      signedChoice({ analytics: false, advertising: false }).replace("c1.00.", "c1.11."),
      "c1.11.1764115200",
      "analytics=1",
      '{"analytics":true}',
      "x".repeat(3_000),
    ]) {
      await context.clearCookies();
      await context.addCookies([consentCookie(baseURL!, encodeURIComponent(forged))]);
      const seen = watchAnalytics(page);
      const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/consent");
      await page.goto("/");
      expect(await (await answer).json()).toMatchObject({ decided: false, analytics: false });
      await expect(page.getByRole("dialog", { name: "Cookies on Hashwork" })).toBeVisible();
      expect(seen.scripts, forged).toBe(0);
      const beacon = await page.request.post("/api/analytics", { data: { path: "/" }, headers: { origin: baseURL! } });
      expect(beacon.status(), forged).toBe(403);
    }
    expect(await allViews()).toBe(before);
  });
});

test("the analytics beacon refuses foreign, oversized and malformed requests and stores nothing", async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([consentCookie(baseURL!, signedChoice({ analytics: true, advertising: false }))]);
  const post = (data: unknown, headers: Record<string, string> = { origin: baseURL! }) =>
    page.request.post("/api/analytics", { data: data as string, headers });
  const before = await allViews();
  expect((await post({ path: "/" }, { origin: "https://evil.example" })).status()).toBe(403);
  expect((await post({ path: "/" }, {})).status()).toBe(403); // no Origin at all
  expect((await post({ path: `/${"a".repeat(100_000)}` })).status()).toBe(413);
  for (const bad of [
    { path: "https://evil.example/x" },
    { path: "/a?email=someone@example.com" },
    { path: "/a#frag" },
    { path: `/${"a".repeat(300)}` },
    { path: 42 },
    ["/"],
    "not json",
  ]) {
    expect((await post(bad)).status(), JSON.stringify(bad)).toBe(400);
  }
  expect(await allViews()).toBe(before);
  // The same beacon, well-formed, is stored: so the refusals above were real.
  expect((await post({ path: "/products/antminer-s19-pro-20-days" })).status()).toBe(204);
  expect(await allViews()).toBe(before + 1);
});

test("sign-up records the terms version accepted, and its link opens the terms", async ({ page }) => {
  const email = `terms-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  const termsLink = page.getByRole("link", { name: "terms of service", exact: true });
  await expect(termsLink).toHaveAttribute("href", "/terms");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("copper-lantern-orbit-57");
  await page.getByRole("checkbox", { name: /I accept the terms/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible({ timeout: 15_000 });
  const rows = await query<{ version: string; source: string; ip: string | null }>(
    `SELECT t.version, t.source, t.ip FROM "TermsAcceptance" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1`,
    [email],
  );
  expect(rows).toEqual([{ version: CURRENT_TERMS.id, source: "sign_up", ip: expect.any(String) }]);

  await page.goto("/terms");
  await expect(page.getByRole("heading", { level: 1, name: "Terms of service" })).toBeVisible();
  await expect(page.getByText("· in force")).toBeVisible();
  await page.getByRole("link", { name: "15 January 2026", exact: true }).click();
  await expect(page.getByText("This is an earlier version, kept for the record.")).toBeVisible();
  expect((await page.goto("/terms/1999-01-01"))?.status()).toBe(404);
});

test("a newer version of the terms is shown on the dashboard until accepted; forged versions are refused", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const account = await createAccount("customer");
  const other = await createAccount("customer");
  await query(`UPDATE "TermsAcceptance" SET version = $2 WHERE "userId" = $1`, [account.id, OLDER_TERMS]);
  await signIn(page, account);
  const notice = page.getByRole("region", { name: /New terms of service/ });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("link", { name: "Read the full terms" })).toHaveAttribute("href", "/terms");
  await page.goto("/dashboard/orders");
  await expect(notice).toBeVisible();

  // A forged version (an older one) and another customer's id: refused, nothing recorded.
  await notice.locator("input[name=version]").evaluate((input: HTMLInputElement) => (input.value = "2026-01-15"));
  await notice.locator("form").evaluate((form: HTMLFormElement, otherId: string) => {
    const extra = document.createElement("input");
    extra.type = "hidden";
    extra.name = "userId";
    extra.value = otherId;
    form.appendChild(extra);
  }, other.id);
  await notice.getByRole("button", { name: "Accept the new terms" }).click();
  await expect(notice.getByText(/terms of service changed/)).toBeVisible({ timeout: 15_000 });
  const versions = async (userId: string) =>
    (
      await query<{ version: string }>(`SELECT version FROM "TermsAcceptance" WHERE "userId" = $1 ORDER BY version`, [
        userId,
      ])
    ).map((row) => row.version);
  expect(await versions(account.id)).toEqual([OLDER_TERMS]);

  await page.reload();
  await page.getByRole("button", { name: "Accept the new terms" }).click();
  await expect(page.getByText("Thank you: you accepted the new terms of service.")).toBeVisible({ timeout: 15_000 });
  expect(await versions(account.id)).toEqual([OLDER_TERMS, CURRENT_TERMS.id]);
  expect(await versions(other.id)).toEqual([CURRENT_TERMS.id]);
  await page.goto("/dashboard/contracts");
  await expect(page.getByRole("region", { name: /New terms of service/ })).toHaveCount(0);

  await page.goto("/dashboard/settings");
  await expect(page.getByRole("region", { name: "Versions of the terms you accepted, newest first" })).toContainText(
    "In the dashboard",
  );
});

test("communication preferences: transactional mail always on, marketing on and off with its history", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const account = await createAccount("customer");
  const other = await createAccount("customer");
  await signIn(page, account);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByText("No choices recorded yet.")).toBeVisible();
  const transactional = page.getByRole("checkbox", { name: /Account email/ });
  await expect(transactional).toBeChecked();
  await expect(transactional).toBeDisabled();

  const marketing = page.getByRole("checkbox", { name: /News about new plans/ });
  await marketing.check();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Saved: we will email you about new plans.")).toBeVisible({ timeout: 15_000 });
  const history = page.getByRole("region", { name: "Your consent choices, newest first" });
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history.getByRole("row").nth(1)).toContainText(
    /Marketing email\s*On\s*Communication preferences\s*127\.0\.0\.1\s*Chrome on \w+/,
  );

  await page.reload();
  await page.getByRole("checkbox", { name: /News about new plans/ }).uncheck();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Saved: no more marketing email.")).toBeVisible({ timeout: 15_000 });
  await expect(history.getByRole("row")).toHaveCount(3);
  expect(
    (await query<{ marketingOptIn: boolean }>(`SELECT "marketingOptIn" FROM "User" WHERE id = $1`, [account.id]))[0],
  ).toEqual({ marketingOptIn: false });

  // Hostile: a value that is not a checkbox's, and another customer's id, change nothing.
  await page.reload();
  const form = page.locator("form", { has: page.getByRole("button", { name: "Save preferences" }) });
  await form.evaluate((element: HTMLFormElement, otherId: string) => {
    for (const [name, value] of [
      ["marketing", "yes"],
      ["userId", otherId],
    ]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name!;
      input.value = value!;
      element.appendChild(input);
    }
  }, other.id);
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible({ timeout: 15_000 });
  const rows = async (userId: string) =>
    Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "Consent" WHERE "userId" = $1`, [userId]))[0]!.n);
  expect(await rows(account.id)).toBe(2);
  expect(await rows(other.id)).toBe(0);
});

test("a restriction shows what stopped and why, and stops analytics and marketing mail at once", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const subscriber = await createAccount("customer");
  const restricted = await createAccount("customer");
  for (const account of [subscriber, restricted]) await subscribe(account);
  await query(`UPDATE "User" SET "processingRestrictedAt" = now() WHERE id = $1`, [restricted.id]);

  // The restricted customer allowed analytics in this browser earlier, and it ran while they were
  // signed out; signed in, it stops at the next page and never loads again.
  await context.addCookies([consentCookie(baseURL!, signedChoice({ analytics: true, advertising: true }))]);
  const seen = watchAnalytics(page);
  await signIn(page, restricted);
  await expect(page.locator("script[src='/analytics.js']")).toHaveCount(0);
  seen.scripts = 0;
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/consent");
  await page.goto("/dashboard/settings");
  expect(await (await answer).json()).toEqual({
    decided: true,
    analytics: false,
    advertising: false,
    restricted: true,
  });
  const summary = page.getByRole("region", { name: "Processing is restricted" });
  await expect(summary).toContainText("marketing email, analytics and advertising");
  await expect(summary.getByRole("heading", { name: "What continues, and why" })).toBeVisible();
  await expect(summary).toContainText("Running your contracts");
  await expect(page.getByRole("checkbox", { name: /News about new plans/ })).toBeDisabled();
  expect(seen.scripts).toBe(0);
  const before = await allViews();
  expect(
    (await page.request.post("/api/analytics", { data: { path: "/" }, headers: { origin: baseURL! } })).status(),
  ).toBe(403);
  expect(await allViews()).toBe(before);
  // Switching analytics on from the banner is refused while restricted.
  await page.getByRole("button", { name: "Change cookie settings" }).click();
  await expect(page.getByRole("dialog").getByRole("checkbox", { name: /Analytics/ })).toBeDisabled();
  await expect(page.getByRole("dialog").getByRole("button", { name: "Accept all" })).toBeDisabled();

  // An admin announces a new plan: the subscriber gets it by SMTP, the restricted customer does not.
  const [product] = await query<{ id: string }>(
    `INSERT INTO "Product" (id, slug, title, "machineModel", "machineHashrateThs", "efficiencyJPerTh", "electricityUsdPerKwh", "durationDays", "hashrateFeePerTh", "serviceFeePerThDay", "poolFeeBps", "inventoryTh", "minOrderTh", "maxOrderTh", status, "updatedAt")
     VALUES (gen_random_uuid(), 'announce-' || substr(md5(random()::text), 1, 8), 'Announced plan', 'Antminer S21', 200, 17.5, 0.06, 30, 0.2, 0.03, 250, 1000, 1, 1000, 'on_sale', now()) RETURNING id`,
  );
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, await createAccount("admin"));
  await adminPage.goto(`/admin/products/${product!.id}`);
  await adminPage.getByRole("button", { name: "Email subscribers" }).click();
  await expect(adminPage.getByText(/Announced to \d+ subscribers?\./)).toBeVisible({ timeout: 15_000 });
  const mail = await waitForMail(subscriber.email, /New on Hashwork: Announced plan/);
  expect(mail.text).toContain("/dashboard/settings");
  await expect(waitForMail(restricted.email, /New on Hashwork/, 1_500)).rejects.toThrow(/No mail/);
  await adminPage.context().close();
});
