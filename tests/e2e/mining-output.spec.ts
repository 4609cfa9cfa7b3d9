// The product end to end: a customer's paid contract mines, an admin settles two days, the
// customer sees them in the chart, the table and the CSV (nobody else can), sets a payout address,
// waits out the hold and withdraws the mined BTC; an admin pays it out with the txid, and the
// customer is emailed at each step.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { createAccount, query, signIn, type Account } from "./support/accounts";
import { paidContract } from "./support/contracts";
import { waitForMail } from "./support/mailbox";
import { approveKyc, MAINNET_ADDRESS } from "./support/withdrawals";

const TXID = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
const TH = 2_000;

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** The current code; the account may have used this 30-second step already (signing in). */
async function freshCode(account: Account): Promise<string> {
  await query(`UPDATE "User" SET "totpLastStep" = NULL WHERE id = $1`, [account.id]);
  return generate({ secret: account.totpSecret! });
}

const addressForm = (page: Page) => page.getByRole("region", { name: "Payout address" });
const withdrawForm = (page: Page) => page.getByRole("region", { name: "Withdraw BTC" });
const btc = (sats: number) => `${(sats / 1e8).toFixed(8)} BTC`;

test("a paid contract mines: settled days in the chart, table and CSV, then withdrawn and paid out", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [owner, other, adminAccount] = [
    await createAccount("customer", { twoFactor: true }),
    await createAccount("customer"),
    await createAccount("admin"),
  ];
  await approveKyc(owner.id);
  const contractId = await paidContract(owner.id, day(3), { th: TH }); // started three days ago

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
  // The chart is drawn on the server: its bars are in the HTML, the two settled days among them.
  const chart = customer.getByTestId("output-chart");
  await expect(chart).toBeVisible();
  await expect(
    chart.locator("rect.visx-bar title").filter({ hasText: new RegExp(`^${day(1)} \\(UTC\\): [1-9]`) }),
  ).toHaveCount(1);
  await chart.screenshot({ path: test.info().outputPath("output-chart.png") });
  const figures = customer.getByRole("table", { name: /Daily mining output/ });
  await expect(figures.getByRole("row", { name: new RegExp(day(1)) })).toContainText(/[1-9][\d,]* sats \(/);
  await expect(customer.getByTestId("btc-balance")).toContainText("BTC");

  await customer.goto(`/dashboard/contracts/${contractId}`);
  const rows = customer.getByTestId("settlement-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(day(2));
  await expect(rows.last()).toContainText(day(1));
  await expect(rows.first()).toContainText("2,000 TH/s");
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

  await customer.goto("/dashboard/wallet");
  await customer.getByRole("link", { name: "Withdraw BTC" }).click();
  await expect(customer.getByRole("heading", { level: 1, name: "Withdrawals" })).toBeVisible();
  // What the two settled days credited, as the wallet shows it; withdrawn below.
  const mined = Math.round(
    Number((await customer.getByTestId("btc-available").textContent())!.replace(/[^\d.]/g, "")) * 1e8,
  );
  expect(mined).toBeGreaterThan(60_000);

  // A testnet address is refused on mainnet, with the reason next to the field.
  await addressForm(customer)
    .getByRole("textbox", { name: "Payout address" })
    .fill("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
  await addressForm(customer)
    .getByRole("textbox", { name: "Code from your authenticator app" })
    .fill(await freshCode(owner));
  await customer.getByRole("button", { name: "Save address" }).click();
  await expect(customer.getByText("That address is for Bitcoin testnet").first()).toBeVisible();

  await addressForm(customer).getByRole("textbox", { name: "Payout address" }).fill(MAINNET_ADDRESS);
  await addressForm(customer)
    .getByRole("textbox", { name: "Code from your authenticator app" })
    .fill(await freshCode(owner));
  await customer.getByRole("button", { name: "Save address" }).click();
  await expect(customer.getByText(/Payout address saved\. Withdrawals open at/)).toBeVisible();
  await waitForMail(owner.email, /payout address was set/);
  await customer.reload();
  await expect(customer.getByTestId("payout-address")).toHaveText(MAINNET_ADDRESS);
  await expect(customer.getByText(/It was set recently: withdrawals open at/)).toBeVisible();

  // A day later the hold is over.
  await query(`UPDATE "PayoutAddress" SET "withdrawalsFrom" = now() - interval '1 minute' WHERE "userId" = $1`, [
    owner.id,
  ]);
  await customer.reload();
  await withdrawForm(customer).getByRole("textbox", { name: "Amount (BTC)" }).fill("0.0006");
  await expect(customer.getByTestId("withdrawal-preview")).toHaveText(
    "Your balance goes down by 0.00060000 BTC; your address receives 0.00055000 BTC after the 0.00005000 BTC network fee.",
  );
  await withdrawForm(customer)
    .getByRole("textbox", { name: "Code from your authenticator app" })
    .fill(await freshCode(owner));
  await customer.getByRole("button", { name: "Request withdrawal" }).click();
  await expect(customer.getByText(/Withdrawal of 0.00060000 BTC requested/)).toBeVisible();
  await waitForMail(owner.email, /withdrawal request was received/);
  await customer.reload();
  await expect(customer.getByTestId("btc-available")).toHaveText(btc(mined - 60_000));
  await expect(customer.getByTestId("withdrawal-row")).toContainText("Waiting for approval");

  await admin.goto("/admin");
  await expect(admin.getByTestId("pending-withdrawals")).toContainText("waiting for an admin");
  await admin.getByRole("link", { name: "Withdrawals" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Withdrawals" })).toBeVisible();
  const row = admin.getByTestId("waiting-withdrawal").filter({ hasText: owner.email });
  await expect(row).toContainText("Send 0.00055000 BTC");
  await row.getByLabel("Bitcoin transaction id").fill("not-a-txid");
  await row.getByRole("button", { name: "Mark as paid" }).click();
  await expect(row.getByText("A transaction id is 64 hexadecimal characters.")).toBeVisible();
  await row.getByLabel("Bitcoin transaction id").fill(TXID);
  await row.getByRole("button", { name: "Mark as paid" }).click();
  // The queue refreshes: the withdrawal leaves it for the decided list, with the txid.
  const decided = admin.getByRole("row").filter({ hasText: owner.email });
  await expect(decided).toContainText("Paid");
  await expect(decided).toContainText(TXID);
  await expect(row).toHaveCount(0);
  await waitForMail(owner.email, /withdrawal was sent/);

  await customer.reload();
  await expect(customer.getByTestId("withdrawal-row")).toContainText("Paid");
  await expect(customer.getByTestId("withdrawal-row")).toContainText(TXID);
  await expect(customer.getByTestId("btc-available")).toHaveText(btc(mined - 60_000));
});
