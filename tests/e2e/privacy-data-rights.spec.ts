// The rights that act on the data itself, end to end: a portability export downloaded after the
// identity re-proof and opened, and an account closed, refused at sign-in, then erased by the
// retention job once 30 days have passed.
import { expect, test } from "@playwright/test";
import { unzip } from "../support/zip";
import { createAccount, PASSWORD, query, signIn } from "./support/accounts";
import { runRetentionAt } from "./support/retention";

test("portability: the customer re-authenticates, downloads the ZIP and finds their orders and contracts in JSON and CSV", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const account = await createAccount("customer", { twoFactor: true });
  const [product] = await query<{ id: string }>(`SELECT id FROM "Product" WHERE slug = 'antminer-s19-pro-20-days'`);
  const [order] = await query<{ id: string }>(
    `INSERT INTO "Order" (id, "userId", "productId", th, "durationDays", "hashrateFeePerTh", "serviceFeePerThDay",
       "hashrateFeeCents", "serviceFeeCents", "totalCents", status, "paymentMethod", "idempotencyKey", "reservedUntil", "paidAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 7, 20, 0.2, 0.0425, 140, 595, 735, 'paid', 'balance', 'e2e-export', now(), now(), now()) RETURNING id`,
    [account.id, product!.id],
  );
  const [contract] = await query<{ id: string }>(
    `INSERT INTO "Contract" (id, "orderId", "userId", "productId", th, "poolFeeBps", status, "startsAt", "endsAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 7, 250, 'active', now(), now() + interval '20 days', now()) RETURNING id`,
    [order!.id, account.id, product!.id],
  );

  await signIn(page, account);
  await page.goto("/dashboard/privacy");
  await page.getByLabel("What are you asking for?").selectOption("portability");
  await page.getByLabel("Details of your request").fill("A machine-readable copy of my data, please.");
  await page.getByRole("button", { name: "File request" }).click();
  const filed = page.getByTestId("privacy-request").filter({ hasText: "Portability" });
  await expect(filed.getByTestId("request-status")).toHaveText("Received");

  // The re-proof: password and a fresh code (the sign-in code's step is cleared so a new one counts).
  await filed.getByLabel("Password").fill(PASSWORD);
  await query(`UPDATE "User" SET "totpLastStep" = NULL WHERE id = $1`, [account.id]);
  const { generate } = await import("otplib");
  await filed.getByLabel("Authentication code").fill(await generate({ secret: account.totpSecret! }));
  await filed.getByRole("button", { name: "Confirm identity" }).click();
  // Confirmed: the request is under way (or already complete, when the export was quick).
  await expect(filed.getByTestId("request-status")).not.toHaveText("Received");

  // The job builds it in the background; the link appears once it is ready.
  const download = page.getByRole("link", { name: "Download your data (zip)" });
  await expect(async () => {
    await page.reload();
    await expect(download).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(filed.getByTestId("request-status")).toHaveText("Completed");
  const response = await page.request.get((await download.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("zip");
  const files = await unzip(await response.body());

  const json = JSON.parse(files.get("data.json")!.toString("utf8")) as Record<string, unknown>;
  const text = JSON.stringify(json);
  expect(text).toContain(order!.id);
  expect(text).toContain(contract!.id);
  expect(files.get("csv/orders.csv")!.toString("utf8")).toContain(order!.id);
  expect(files.get("csv/contracts.csv")!.toString("utf8")).toContain(contract!.id);
  expect(files.has("README.txt")).toBe(true);

  // Nobody else gets it.
  const other = await page.context().browser()!.newContext();
  await signIn(await other.newPage(), await createAccount("customer"));
  expect((await other.request.get((await download.getAttribute("href"))!)).status()).toBe(404);
  await other.close();
});

test("closure: a customer with no orders closes their account, cannot sign in, and is gone after the retention job 31 days on", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const account = await createAccount("customer");
  await signIn(page, account);
  await page.goto("/dashboard/privacy");
  await page.getByLabel("What are you asking for?").selectOption("account_closure");
  await page.getByLabel("Details of your request").fill("Please close my account.");
  await page.getByRole("button", { name: "File request" }).click();
  const filed = page.getByTestId("privacy-request").filter({ hasText: "Account closure" });
  await filed.getByLabel("Password").fill(PASSWORD);
  await filed.getByRole("button", { name: "Confirm identity" }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This account is closed.")).toBeVisible();
  await page.goto("/dashboard/privacy");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await query<{ status: string }>(`SELECT status FROM "User" WHERE id = $1`, [account.id]))[0]!.status).toBe(
    "closing",
  );

  const result = runRetentionAt(new Date(Date.now() + 31 * 86_400_000));
  expect(result.deleted).toBeGreaterThanOrEqual(1);
  expect(await query(`SELECT id FROM "User" WHERE id = $1`, [account.id])).toEqual([]);
});
