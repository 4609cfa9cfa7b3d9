import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";

test("an admin credits $500, the customer buys 100 TH from the balance, and the sold bar moves", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const customerAccount = await createAccount("customer");
  const adminAccount = await createAccount("admin");
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, adminAccount);
  await admin.goto(`/admin/users/${customerAccount.id}`);
  await admin.getByLabel("Amount (USD)").fill("500");
  await admin.getByLabel("Note (bank reference)").fill("Wire ref HW-2026-001");
  await admin.getByRole("button", { name: "Credit balance" }).click();
  await expect(admin.getByText("Credited $500.00.")).toBeVisible();

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, customerAccount);
  const soldBefore = await (async () => {
    await customer.goto("/products/antminer-s19-pro-20-days");
    return Number(await customer.getByRole("progressbar").first().getAttribute("aria-valuenow"));
  })();

  await customer.goto("/");
  await customer.getByRole("link", { name: "Buy Now: Antminer S19 Pro · 20 days" }).click();
  await expect(customer.getByRole("heading", { name: /Checkout: Antminer S19 Pro · 20 days/ })).toBeVisible();
  await customer.getByLabel("Hashrate (TH)").fill("100");
  await expect(customer.getByTestId("checkout-total")).toHaveText("$105.00");
  await expect(customer.getByText("$500.00 available")).toBeVisible();
  await customer.getByRole("button", { name: "Pay $105.00" }).click();
  await expect(customer.getByText("Accept the contract terms to place the order.")).toBeVisible(); // terms first
  await customer.getByRole("checkbox", { name: /I accept the contract terms/ }).check();
  await customer.getByRole("button", { name: "Pay $105.00" }).click();
  await expect(customer.getByRole("status")).toContainText("Paid");

  await customer.goto("/dashboard/contracts");
  const card = customer.getByTestId("contract-card").first();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await expect(card).toContainText("Scheduled");
  await expect(card).toContainText(`starts ${tomorrow}`);

  await customer.goto("/dashboard/wallet");
  await expect(customer.getByTestId("usd-balance")).toHaveText("$395.00");
  await expect(customer.getByRole("table")).toContainText("Bank transfer credited: Wire ref HW-2026-001");
  const shot = testInfo.outputPath("wallet.png");
  await customer.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("wallet", { path: shot, contentType: "image/png" });

  // The storefront may lag live inventory by a few seconds (cached pages); it catches up.
  await expect
    .poll(
      async () => {
        await customer.goto("/products/antminer-s19-pro-20-days");
        return Number(await customer.getByRole("progressbar").first().getAttribute("aria-valuenow"));
      },
      { timeout: 40_000, intervals: [2_000] },
    )
    .toBe(soldBefore + 1);
});
