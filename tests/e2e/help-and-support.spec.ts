// Help and support end to end: the help search works without JavaScript, a visitor's question
// becomes a ticket an admin answers by email; an admin restricts an account with a reason the
// customer then reads on their dashboard. Each staff page is checked with axe and screenshotted.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, query, signIn } from "./support/accounts";
import { waitForMail } from "./support/mailbox";

async function expectAccessible(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.screenshot({ path: `test-results/screens/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("the help search works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/help");
  await page.getByRole("searchbox", { name: "Search the help" }).fill("difficulty");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/help\?q=difficulty/);
  await expect(page.getByRole("status")).toContainText("match “difficulty”");
  await expect(page.getByRole("heading", { level: 2, name: "How is my daily output computed?" })).toBeVisible();
  await expect(page.getByText(/= 4,666 sats a day/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "What are my privacy rights?" })).toHaveCount(0);
  await context.close();
});

test("a visitor's question becomes a ticket that an admin answers by email", async ({ browser }) => {
  test.setTimeout(120_000);
  const visitorEmail = `visitor-${Date.now()}@example.com`;
  const subject = `Mining start ${Date.now()}`;
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/help");
  await visitor.getByRole("button", { name: "Send question" }).click();
  await expect(visitor.getByText("Write your question in at least 10 characters.")).toBeVisible();
  await visitor.getByLabel("Your email").fill(visitorEmail);
  await visitor.getByLabel("Subject").fill(subject);
  await visitor.getByLabel("Your question").fill("When does a contract bought today start mining?");
  await visitor.getByRole("button", { name: "Send question" }).click();
  await expect(visitor.getByText(/your question is ticket \d+/)).toBeVisible();
  await waitForMail(visitorEmail, /We received your question \(ticket \d+\)/);
  await visitor.screenshot({ path: "test-results/screens/help-sent.png", fullPage: true });

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, await createAccount("admin"));
  await admin.goto("/admin/support?status=open");
  await expectAccessible(admin, "admin-support");
  await admin.getByRole("link", { name: subject }).click();
  await expect(admin.getByRole("heading", { level: 1, name: new RegExp(subject) })).toBeVisible();
  await admin.getByRole("button", { name: "Assign to me" }).click();
  await expect(admin.getByText("The ticket is yours.")).toBeVisible();
  await admin.getByLabel(/^Reply \(emailed to/).fill("At 00:00 UTC the day after it is paid.");
  await admin.getByRole("button", { name: "Send reply" }).click();
  await expect(admin.getByText("Reply sent.")).toBeVisible();
  await expectAccessible(admin, "admin-support-ticket");
  const reply = await waitForMail(visitorEmail, new RegExp(`^Re: ${subject}`));
  expect(reply.text).toContain("At 00:00 UTC the day after it is paid.");
  const [audit] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditLog" a JOIN "SupportTicket" t ON t.id::text = a."targetId" WHERE t.subject = $1`,
    [subject],
  );
  expect(Number(audit!.n)).toBe(2); // assigned, replied
});

test("an admin restricts an account and the customer reads why on their dashboard", async ({ browser }) => {
  test.setTimeout(120_000);
  const customerAccount = await createAccount("customer");
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, await createAccount("admin"));
  await admin.goto("/admin");
  await expectAccessible(admin, "admin-overview");
  await admin.goto(`/admin/users?q=${encodeURIComponent(customerAccount.email.slice(0, 12))}`);
  await admin.getByRole("link", { name: customerAccount.email }).click();
  await admin.getByRole("combobox", { name: `Status of ${customerAccount.email}` }).selectOption("restricted");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText(/at least 10 characters: the customer reads this/)).toBeVisible();
  await admin.getByLabel(/Reason for restricting/).fill("A card payment on this account is disputed.");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByText(/Restricted: cannot buy or withdraw/)).toBeVisible();
  await expectAccessible(admin, "admin-user");

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, customerAccount);
  await expect(customer.getByTestId("restriction-notice")).toContainText("A card payment on this account is disputed.");
  await customer.screenshot({ path: "test-results/screens/customer-restricted.png", fullPage: true });
  await waitForMail(customerAccount.email, /account is restricted/);
});
