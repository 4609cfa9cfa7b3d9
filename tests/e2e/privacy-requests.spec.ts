// The privacy centre and the privacy officer's queue in the browser: filing, the due date, a
// duplicate, the officer's steps, overdue requests, the KYC contest and who may open what.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, query, signIn } from "./support/accounts";
import { waitForMail } from "./support/mailbox";
import { filedRequest } from "./support/privacy";

const utcDay = (date: Date) => date.toISOString().slice(0, 10);
const in30Days = () => utcDay(new Date(Date.now() + 30 * 86_400_000));

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("a customer files a correction and sees its due date; the officer applies it from the queue", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const customerAccount = await createAccount("customer");
  const officerAccount = await createAccount("privacy_officer");
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, customerAccount);
  await customer.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Privacy" }).click();
  await expect(customer.getByRole("heading", { level: 1, name: "Privacy centre" })).toBeVisible();
  await expect(customer.getByText("You have not made a request yet.")).toBeVisible();

  await customer.getByLabel("What are you asking for?").selectOption("rectification");
  await customer.getByLabel("Detail to correct").selectOption("displayName");
  await customer.getByLabel("Correct value").fill("Ada Lovelace");
  await customer.getByLabel("Details of your request").fill("My display name is misspelt.");
  await customer.getByRole("button", { name: "File request" }).click();
  await expect(customer.getByRole("status")).toContainText(`we answer by ${in30Days()}`);
  const filed = customer.getByTestId("privacy-request").filter({ hasText: "Rectification" });
  await expect(filed.getByTestId("due-date")).toHaveText(in30Days());
  await expect(filed.getByTestId("request-status")).toHaveText("Received");
  await expect(filed).toContainText("Display name should be: Ada Lovelace");
  await waitForMail(customerAccount.email, /We received your privacy request/);

  // The same request again is refused, with a link to the first.
  await customer.getByRole("button", { name: "File request" }).click();
  await expect(customer.getByText("You already have the same request open")).toBeVisible({ timeout: 15_000 });
  await expect(customer.getByRole("link", { name: "See that request" })).toHaveAttribute(
    "href",
    /\/dashboard\/privacy#request-[0-9a-f-]{36}$/,
  );
  await shoot(customer, "privacy-centre");

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, officerAccount);
  await officer.goto("/admin");
  const counts = officer.getByTestId("privacy-counts");
  await expect(counts.getByRole("link", { name: /Open/ })).toBeVisible();
  await counts.getByRole("link", { name: /Open/ }).click();
  await expect(officer.getByRole("heading", { level: 1, name: "Privacy requests" })).toBeVisible();
  const row = officer.getByTestId("queue-row").filter({ hasText: customerAccount.email });
  await expect(row).toContainText(in30Days());
  await row.getByRole("link", { name: "Rectification" }).click();
  await expect(officer.getByRole("heading", { level: 1, name: "Rectification request" })).toBeVisible();
  await expect(officer.getByTestId("requested-change")).toContainText("Display name: (empty) → Ada Lovelace");

  await officer.getByLabel("Internal note (staff only)").fill("Checked against the sign-up email.");
  await officer.getByRole("button", { name: "Add note" }).click();
  await expect(officer.getByText("Note added.")).toBeVisible();
  await officer.getByRole("button", { name: "Assign" }).click();
  await expect(officer.getByText("Assigned.")).toBeVisible();
  await shoot(officer, "privacy-request-officer");
  await officer.getByRole("button", { name: "Apply the correction" }).click();
  // Applying completes the request, so the page shows its closed state (the form and its message go).
  await expect(officer.getByTestId("timeline")).toContainText("Correction applied");
  await officer.reload();
  const timeline = officer.getByTestId("timeline");
  for (const step of ["Filed", "Internal note", "Assigned", "Correction applied", "Completed"])
    await expect(timeline).toContainText(step);
  await expect(timeline).toContainText(`by ${officerAccount.email}`);

  await waitForMail(customerAccount.email, /Your privacy request is complete/);
  await customer.reload();
  await expect(filed.getByTestId("request-status")).toHaveText("Completed");
  await expect(filed.getByTestId("outcome")).toContainText("We corrected your display name");
  await expect(customer.getByText("Checked against the sign-up email.")).toHaveCount(0); // internal stays internal
});

test("overdue requests are marked in words and colour, and the filters find them", async ({ page }) => {
  test.setTimeout(90_000); // two or three sign-ins
  const owner = await createAccount("customer");
  const late = await filedRequest(owner.id, { type: "erasure", daysAgo: 40 });
  await signIn(page, await createAccount("privacy_officer"));
  await page.goto("/admin");
  await page
    .getByTestId("privacy-counts")
    .getByRole("link", { name: /Overdue/ })
    .click();
  const row = page.getByTestId("queue-row").filter({ hasText: owner.email });
  await expect(row.getByTestId("overdue")).toHaveText("Overdue");
  await page.getByLabel("Type").selectOption("access");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/type=access/);
  await expect(page.getByTestId("queue-row").filter({ hasText: owner.email })).toHaveCount(0);
  await page.goto(`/admin/privacy/${late}`);
  await expect(page.getByText(/overdue/).first()).toBeVisible();
  // Past day 30 the deadline can no longer be extended.
  await expect(page.getByText("The first 30 days are over")).toBeVisible();
  await expect(page.getByRole("button", { name: "Extend deadline" })).toHaveCount(0);
  await shoot(page, "privacy-queue-overdue");
});

test("contesting the KYC pre-check files a linked review the officer can open", async ({ browser }) => {
  test.setTimeout(90_000); // two or three sign-ins
  const customerAccount = await createAccount("customer");
  const [kycCase] = await query<{ id: string }>(
    `INSERT INTO "KycCase" (id, "userId", status, flagged, "flagReason", "submittedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'pending', true, 'This ID number is already verified on another account.', now(), now()) RETURNING id`,
    [customerAccount.id],
  );
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, customerAccount);
  await customer.goto("/dashboard/kyc");
  await customer.getByRole("button", { name: "Ask for a human review" }).click();
  await expect(customer.getByText("You asked for a human review of this flag.")).toBeVisible();
  await customer.goto("/dashboard/privacy");
  await expect(
    customer.getByTestId("privacy-request").filter({ hasText: "Automated-decision review" }).getByTestId("due-date"),
  ).toHaveText(in30Days());

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, await createAccount("admin"));
  await officer.goto("/admin/privacy?type=automated_decision_review");
  await officer
    .getByTestId("queue-row")
    .filter({ hasText: customerAccount.email })
    .getByRole("link", { name: "Automated-decision review" })
    .click();
  await expect(officer.getByText("This ID number is already verified on another account.")).toBeVisible();
  await officer.getByRole("link", { name: "Open the KYC case" }).click();
  await expect(officer).toHaveURL(new RegExp(`/admin/kyc/${kycCase!.id}$`));
});

test("a request's page is for privacy staff only; a customer cannot see another's request", async ({ browser }) => {
  test.setTimeout(90_000); // two or three sign-ins
  const owner = await createAccount("customer");
  const id = await filedRequest(owner.id, { details: "Owner's private words" });
  for (const role of ["customer", "kyc_reviewer"] as const) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), await createAccount(role));
    for (const path of [`/admin/privacy/${id}`, "/admin/privacy"]) {
      const response = await context.request.get(path);
      expect(response.status(), `${role} on ${path}`).toBe(404);
      expect(await response.text()).not.toContain("Owner's private words");
    }
    const centre = await context.request.get("/dashboard/privacy");
    expect(await centre.text()).not.toContain("Owner's private words");
    await context.close();
  }
});

test("the request page passes axe, light and dark", async ({ page }) => {
  const owner = await createAccount("customer");
  const id = await filedRequest(owner.id, { type: "portability" });
  await signIn(page, await createAccount("privacy_officer"));
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/admin/privacy/${id}`);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(" ")}`)).toEqual([]);
  }
});
