// The account's time zone in the browser: chosen in settings, a contract's start is shown in it
// with the UTC time beside it; sign-up stores the browser's own zone.
import { expect, test } from "@playwright/test";
import { createAccount, PASSWORD, query, signIn } from "./support/accounts";
import { paidContract } from "./support/contracts";

test("signing up from a browser in Tokyo stores Asia/Tokyo", async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  const email = `tokyo-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await expect(page.locator('input[type="hidden"][name="timeZone"]')).toHaveValue("Asia/Tokyo");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("checkbox", { name: /I accept the terms/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  // Hashing the password takes a moment on a busy machine.
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible({ timeout: 20_000 });
  const [row] = await query<{ timeZone: string }>(`SELECT "timeZone" FROM "User" WHERE email = $1`, [email]);
  expect(row!.timeZone).toBe("Asia/Tokyo");
  await context.close();
});

test("a customer in New York sees a contract's start in local time with the UTC time beside it", async ({ page }) => {
  test.setTimeout(90_000);
  const customer = await createAccount("customer");
  // Winter dates, so New York is on standard time (UTC−5) whenever the test runs.
  const contractId = await paidContract(customer.id, "2027-01-15", { status: "scheduled" });
  await signIn(page, customer);

  // UTC until the customer chooses otherwise.
  await page.goto(`/dashboard/contracts/${contractId}`);
  await expect(page.getByText("2027-01-15 00:00 UTC", { exact: true })).toBeVisible();

  await page.goto("/dashboard/settings");
  const select = page.getByRole("combobox", { name: "Time zone" });
  await expect(select).toHaveValue("UTC");
  await select.selectOption("America/New_York");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toHaveText(
    "Saved: dates are now shown in America/New_York.",
  );
  const [row] = await query<{ timeZone: string }>(`SELECT "timeZone" FROM "User" WHERE id = $1`, [customer.id]);
  expect(row!.timeZone).toBe("America/New_York");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Time zone" })).toHaveValue("America/New_York");

  // 00:00 UTC on 15 January is 19:00 the evening before in New York.
  await page.goto(`/dashboard/contracts/${contractId}`);
  const starts = page.locator("dt", { hasText: /^Starts$/ }).locator("xpath=following-sibling::dd");
  await expect(starts).toHaveText("2027-01-14 19:00 GMT-5 (2027-01-15 00:00 UTC)");
  const ends = page.locator("dt", { hasText: /^Ends$/ }).locator("xpath=following-sibling::dd");
  await expect(ends).toHaveText("2027-02-03 19:00 GMT-5 (2027-02-04 00:00 UTC)");
  await page.screenshot({ path: "test-results/e2e/time-zone-contract.png", fullPage: true });

  await page.goto("/dashboard/contracts");
  await expect(page.getByTestId("contract-card")).toContainText("starts 2027-01-14 19:00 GMT-5 (2027-01-15 00:00 UTC)");

  // A hostile value sent past the select is refused beside the field; nothing changes.
  await page.goto("/dashboard/settings");
  await page.getByRole("combobox", { name: "Time zone" }).evaluate((select: HTMLSelectElement) => {
    const option = document.createElement("option");
    option.value = "../../etc";
    option.textContent = "../../etc";
    select.append(option);
  });
  await page.getByRole("combobox", { name: "Time zone" }).selectOption("../../etc");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Choose a time zone from the list.")).toBeVisible();
  const [after] = await query<{ timeZone: string }>(`SELECT "timeZone" FROM "User" WHERE id = $1`, [customer.id]);
  expect(after!.timeZone).toBe("America/New_York");
  await page.screenshot({ path: "test-results/e2e/time-zone-settings.png", fullPage: true });
});
