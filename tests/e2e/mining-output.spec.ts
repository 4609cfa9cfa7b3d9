import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createAccount, query, signIn } from "./support/accounts";

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** A paid 20-day contract of 110 TH that started three days ago (00:00 UTC). */
async function paidContract(userId: string): Promise<string> {
  const [product] = await query<{ id: string }>(`SELECT id FROM "Product" WHERE slug = 'antminer-s19-pro-20-days'`);
  const [order] = await query<{ id: string }>(
    `INSERT INTO "Order" (id, "userId", "productId", th, "durationDays", "hashrateFeePerTh", "serviceFeePerThDay",
       "hashrateFeeCents", "serviceFeeCents", "totalCents", status, "paymentMethod", "idempotencyKey", "reservedUntil",
       "paidAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 110, 20, 0.2, 0.0425, 2200, 9350, 11550, 'paid', 'balance',
       'e2e-' || gen_random_uuid(), now(), now(), now()) RETURNING id`,
    [userId, product!.id],
  );
  const [contract] = await query<{ id: string }>(
    `INSERT INTO "Contract" (id, "orderId", "userId", "productId", th, "poolFeeBps", status, "startsAt", "endsAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 110, 250, 'active', $4::date::timestamp AT TIME ZONE 'UTC',
       ($4::date + 20)::timestamp AT TIME ZONE 'UTC', now()) RETURNING id`,
    [order!.id, userId, product!.id, day(3)],
  );
  return contract!.id;
}

test("settled days reach the customer's chart, table and CSV; nobody else can open them", async ({ browser }) => {
  test.setTimeout(120_000);
  const [owner, other, adminAccount] = [
    await createAccount("customer"),
    await createAccount("customer"),
    await createAccount("admin"),
  ];
  const contractId = await paidContract(owner.id);

  // An admin settles the last two finished days from the market page.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, adminAccount);
  await admin.goto("/admin/market");
  await expect(admin.getByRole("table", { name: /Market snapshots of the last 90 days/ })).toBeVisible();
  await admin.getByLabel("From (UTC)").fill(day(2));
  await admin.getByLabel("To (UTC)").fill(day(1));
  await admin.getByRole("button", { name: "Settle these days" }).click();
  await expect(admin.getByText(/Settled 2 day\(s\)/)).toBeVisible();

  const customer = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(customer, owner);
  await customer.goto("/dashboard");
  await expect(customer.getByTestId("output-chart")).toBeVisible();
  const figures = customer.getByRole("table", { name: /Daily mining output/ });
  await expect(figures.getByRole("row", { name: new RegExp(day(1)) })).toContainText(/[1-9][\d,]* sats \(/);
  await expect(customer.getByTestId("btc-balance")).toContainText("BTC");

  await customer.goto(`/dashboard/contracts/${contractId}`);
  const rows = customer.getByTestId("settlement-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(day(2));
  await expect(rows.last()).toContainText(day(1));
  await expect(rows.first()).toContainText("110 TH/s");
  const downloading = customer.waitForEvent("download");
  await customer.getByRole("link", { name: "Download CSV" }).click();
  const csv = await readFile((await (await downloading).path())!, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^date,kind,hashrate_th,seconds_mined,difficulty/);
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([day(2), day(1)]);

  // Another customer gets a 404 for the page and the CSV alike.
  const stranger = await (await browser.newContext()).newPage();
  await signIn(stranger, other);
  const page = await stranger.goto(`/dashboard/contracts/${contractId}`);
  expect(page?.status()).toBe(404);
  const file = await stranger.request.get(`/api/contracts/${contractId}/settlements`);
  expect(file.status()).toBe(404);
});
