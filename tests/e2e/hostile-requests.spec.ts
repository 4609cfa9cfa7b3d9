// Requests a person or an attacker may send that the app must answer cleanly: unknown pages
// under every kind of route load without a CSP violation, malformed addresses get a 4xx, and
// large bodies are refused before they are read.
import { expect, test, type Page } from "@playwright/test";
import { createAccount, query, signIn } from "./support/accounts";

/** Console errors, page errors and failed sub-resources (the 404 document itself is expected). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    // The browser reports the document's own 404 this way; sub-resources are checked below.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== "document")
      errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

/** Opens `path`, expects `status`, lets the page settle and checks its console. */
function visitor(page: Page) {
  const errors = consoleErrors(page);
  return async (path: string, status: number) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    // After load, Next hydrates the page and prefetches the links in view (within about a
    // second). "Network idle" may never come: on a signed-in page the browser keeps the second
    // prefetch of a stale storefront segment open, although the server has sent it whole (the
    // same request with curl ends in about 10 ms). This test is about console errors and CSP, so the
    // page gets at most 4 s to settle before its console is read.
    await page.waitForLoadState("load");
    await page.waitForLoadState("networkidle", { timeout: 4_000 }).catch(() => undefined);
    expect(errors, `console on ${path}`).toEqual([]);
  };
}

// The tests are independent: they may run on different workers at once.
test.describe.configure({ mode: "parallel" });

test("every page, found or not, loads with no console error or CSP violation, signed out", async ({ page }) => {
  test.setTimeout(240_000); // about twenty pages, each until the network is idle
  const visit = visitor(page);
  for (const path of [
    "/",
    "/products/antminer-s19-pro-20-days",
    "/privacy",
    "/terms",
    "/terms/2026-01-15",
    "/help",
    "/help?q=%ff%fe",
    `/help?q=${"x".repeat(5000)}`,
    "/docs/api",
    "/sign-in",
    "/sign-up",
    "/reset-password",
  ])
    await visit(path, 200);
  for (const path of [
    "/no-such-page",
    "/products/no-such-plan",
    "/sign-in/no-such-step",
    "/sign-up/x/y",
    "/checkout",
    "/terms/1999-01-01",
    "/terms/%3Cscript%3E",
  ])
    await visit(path, 404);
});

test("every page, found or not, loads with no console error or CSP violation, signed in", async ({ page }) => {
  test.setTimeout(240_000); // about fifteen pages, each until the network is idle
  const visit = visitor(page);
  await signIn(page, await createAccount("customer"));
  for (const path of [
    "/dashboard",
    "/dashboard/orders",
    "/dashboard/settings",
    "/dashboard/privacy",
    // A cursor is parsed, never trusted: anything else shows the first page.
    "/dashboard/orders?cursor=%27%3B%20DROP%20TABLE",
    `/dashboard/orders?cursor=${"A".repeat(4000)}`,
    "/dashboard/wallet?usd=eyJrIjoxfQ&btc=%ff",
    "/checkout/antminer-s19-pro-20-days",
  ])
    await visit(path, 200);
  for (const path of [
    "/dashboard/anything",
    "/dashboard/contracts/not-a-contract",
    "/dashboard/orders/x/y",
    "/admin/anything",
    "/checkout/no-such-plan",
    "/checkout/antminer-s19-pro-20-days/extra",
  ]) {
    await visit(path, 404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
});

test("malformed percent-encoding in any dynamic path answers 400, never 500", async ({ request }) => {
  // In a query string it is only text: the page ignores what it cannot use.
  expect((await request.get("/sign-in?callbackUrl=%ff", { maxRedirects: 0 })).status()).toBe(200);
  const paths = [
    "/products/%ff%fe",
    "/products/%E0%A4%A",
    "/checkout/%ff",
    "/api/kyc/documents/%ff",
    "/dashboard/contracts/%c0%af",
    "/admin/kyc/%ff",
    "/admin/users/%",
    "/admin/support/%ff",
    "/%ff",
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
});

test("server actions take small bodies only; the KYC upload route stops at its own limit", async ({
  page,
  request,
}) => {
  // Catch a real action's id from the sign-in form, then send it a 2 MB body.
  await page.goto("/sign-in");
  const actionRequest = page.waitForRequest((req) => req.method() === "POST" && Boolean(req.headers()["next-action"]));
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  const actionId = (await actionRequest).headers()["next-action"]!;
  // The body names a real account; nothing is recorded for it (other tests write events meanwhile).
  const account = await createAccount("customer");
  const events = async () =>
    Number(
      (await query<{ n: string }>(`SELECT count(*) AS n FROM "ActivityEvent" WHERE "userId" = $1`, [account.id]))[0]!.n,
    );
  const before = await events();
  const big = await request.post("/sign-in", {
    headers: {
      "next-action": actionId,
      "content-type": "text/plain;charset=UTF-8",
      origin: new URL(page.url()).origin,
    },
    data: JSON.stringify([{ email: account.email, password: "x".repeat(2 * 1024 * 1024) }]),
  });
  expect(big.status()).toBe(413);
  expect(await events()).toBe(before);

  // The KYC upload route: signed out, from another site, and too large are each refused.
  const origin = new URL(page.url()).origin;
  const form = { multipart: { includeDetails: "0" } };
  expect((await request.post("/api/kyc/submission", { headers: { origin }, ...form })).status()).toBe(401);
  await signIn(page, account);
  const signedIn = page.context().request;
  expect(
    (await signedIn.post("/api/kyc/submission", { headers: { origin: "https://evil.example" }, ...form })).status(),
  ).toBe(403);
  expect((await signedIn.post("/api/kyc/submission", { ...form })).status()).toBe(403); // no Origin at all
  const tooLarge = await signedIn.post("/api/kyc/submission", {
    headers: { origin },
    multipart: {
      includeDetails: "0",
      id_front: { name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(31 * 1024 * 1024) },
    },
  });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).ok).toBe(false);
});
