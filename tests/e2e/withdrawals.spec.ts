// A BTC withdrawal end to end: a verified customer with 2FA and mined BTC sets a payout address,
// waits out the hold, asks for a withdrawal; an admin pays it out with the txid; the customer
// sees it paid and is emailed at each step.
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { createAccount, query, signIn, type Account } from "./support/accounts";
import { waitForMail } from "./support/mailbox";
import { approveKyc, creditBtc, MAINNET_ADDRESS } from "./support/withdrawals";

const TXID = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

/** The current code; the account may have used this 30-second step already (signing in). */
async function freshCode(account: Account): Promise<string> {
  await query(`UPDATE "User" SET "totpLastStep" = NULL WHERE id = $1`, [account.id]);
  return generate({ secret: account.totpSecret! });
}

const addressForm = (page: Page) => page.getByRole("region", { name: "Payout address" });
const withdrawForm = (page: Page) => page.getByRole("region", { name: "Withdraw BTC" });

test("a verified customer withdraws BTC and an admin pays it out", async ({ browser }) => {
  test.setTimeout(120_000);
  const customerAccount = await createAccount("customer", { twoFactor: true });
  const adminAccount = await createAccount("admin");
  await approveKyc(customerAccount.id);
  await creditBtc(customerAccount.id, 1_000_000n);

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, customerAccount);
  await customer.goto("/dashboard/wallet");
  await customer.getByRole("link", { name: "Withdraw BTC" }).click();
  await expect(customer.getByRole("heading", { level: 1, name: "Withdrawals" })).toBeVisible();
  await expect(customer.getByTestId("btc-available")).toHaveText("0.01000000 BTC");

  // A testnet address is refused on mainnet, with the reason next to the field.
  await addressForm(customer)
    .getByRole("textbox", { name: "Payout address" })
    .fill("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
  await addressForm(customer)
    .getByRole("textbox", { name: "Code from your authenticator app" })
    .fill(await freshCode(customerAccount));
  await customer.getByRole("button", { name: "Save address" }).click();
  await expect(customer.getByText("That address is for Bitcoin testnet").first()).toBeVisible();

  await addressForm(customer).getByRole("textbox", { name: "Payout address" }).fill(MAINNET_ADDRESS);
  await addressForm(customer)
    .getByRole("textbox", { name: "Code from your authenticator app" })
    .fill(await freshCode(customerAccount));
  await customer.getByRole("button", { name: "Save address" }).click();
  await expect(customer.getByText(/Payout address saved\. Withdrawals open at/)).toBeVisible();
  await waitForMail(customerAccount.email, /payout address was set/);
  await customer.reload();
  await expect(customer.getByTestId("payout-address")).toHaveText(MAINNET_ADDRESS);
  await expect(customer.getByText(/It was set recently: withdrawals open at/)).toBeVisible();

  // A day later the hold is over.
  await query(`UPDATE "PayoutAddress" SET "withdrawalsFrom" = now() - interval '1 minute' WHERE "userId" = $1`, [
    customerAccount.id,
  ]);
  await customer.reload();
  await withdrawForm(customer).getByRole("textbox", { name: "Amount (BTC)" }).fill("0.006");
  await expect(customer.getByTestId("withdrawal-preview")).toHaveText(
    "Your balance goes down by 0.00600000 BTC; your address receives 0.00595000 BTC after the 0.00005000 BTC network fee.",
  );
  await withdrawForm(customer)
    .getByRole("textbox", { name: "Code from your authenticator app" })
    .fill(await freshCode(customerAccount));
  await customer.getByRole("button", { name: "Request withdrawal" }).click();
  await expect(customer.getByText(/Withdrawal of 0.00600000 BTC requested/)).toBeVisible();
  await waitForMail(customerAccount.email, /withdrawal request was received/);
  await customer.reload();
  await expect(customer.getByTestId("btc-available")).toHaveText("0.00400000 BTC");
  await expect(customer.getByTestId("withdrawal-row")).toContainText("Waiting for approval");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, adminAccount);
  await admin.goto("/admin");
  await expect(admin.getByTestId("pending-withdrawals")).toContainText("waiting for an admin");
  await admin.getByRole("link", { name: "Withdrawals" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Withdrawals" })).toBeVisible();
  const row = admin.getByTestId("waiting-withdrawal").filter({ hasText: customerAccount.email });
  await expect(row).toContainText("Send 0.00595000 BTC");
  await row.getByLabel("Bitcoin transaction id").fill("not-a-txid");
  await row.getByRole("button", { name: "Mark as paid" }).click();
  await expect(row.getByText("A transaction id is 64 hexadecimal characters.")).toBeVisible();
  await row.getByLabel("Bitcoin transaction id").fill(TXID);
  await row.getByRole("button", { name: "Mark as paid" }).click();
  // The queue refreshes: the withdrawal leaves it for the decided list, with the txid.
  const decided = admin.getByRole("row").filter({ hasText: customerAccount.email });
  await expect(decided).toContainText("Paid");
  await expect(decided).toContainText(TXID);
  await expect(row).toHaveCount(0);
  await waitForMail(customerAccount.email, /withdrawal was sent/);

  await customer.reload();
  await expect(customer.getByTestId("withdrawal-row")).toContainText("Paid");
  await expect(customer.getByTestId("withdrawal-row")).toContainText(TXID);
  await expect(customer.getByTestId("btc-available")).toHaveText("0.00400000 BTC");
});
