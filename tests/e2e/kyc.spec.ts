import { expect, test } from "@playwright/test";
import { png } from "../support/images";
import { createAccount, query, signIn } from "./support/accounts";
import { fillKycForm } from "./support/kyc";
import { waitForMail } from "./support/mailbox";
import { E2E_ID_NUMBERS } from "./support/secrets";

test("KYC: submit real documents, a selfie is sent back, resubmitted, then approved", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const customerAccount = await createAccount("customer");
  const reviewerAccount = await createAccount("kyc_reviewer");
  const customer = await (await browser.newContext()).newPage();
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(customer, customerAccount);
  await signIn(reviewer, reviewerAccount);

  await customer.goto("/dashboard/kyc");
  await expect(customer.getByTestId("kyc-status")).toHaveText("Not verified yet");
  await fillKycForm(customer, {
    legalName: "Marguerite Okonkwo-Lindqvist",
    dateOfBirth: "1990-02-03",
    country: "SE",
    street: "Drottninggatan 71",
    city: "Stockholm",
    postalCode: "111 36",
    idType: "national_id",
    idNumber: E2E_ID_NUMBERS[0],
  });
  await customer.getByRole("button", { name: "Send for review" }).click();
  await expect(customer.getByTestId("kyc-status")).toHaveText("Being reviewed");
  await expect(customer.getByText(/We received your documents on/)).toBeVisible();

  await reviewer.goto("/admin/kyc");
  await reviewer.getByRole("link", { name: customerAccount.email }).click();
  await expect(reviewer.getByText("Marguerite Okonkwo-Lindqvist")).toBeVisible();
  const front = reviewer.getByRole("img", { name: "ID front" });
  await expect(front).toBeVisible();
  expect(await front.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  const shot = testInfo.outputPath("kyc-case.png");
  await reviewer.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("kyc-case", { path: shot, contentType: "image/png" });

  await reviewer.getByLabel("Internal note (staff only)").fill("Selfie is blurry; ask again.");
  await reviewer.getByRole("button", { name: "Add note" }).click();
  await expect(reviewer.getByRole("listitem").filter({ hasText: "Selfie is blurry; ask again." })).toBeVisible();
  await reviewer.getByLabel("Ask for items again").check();
  await reviewer.getByRole("checkbox", { name: "Selfie" }).check();
  await reviewer
    .getByLabel("Message to the customer")
    .fill("Your selfie is blurry. Please take it again in good light.");
  await reviewer.getByRole("button", { name: "Save decision" }).click();
  await expect(reviewer.getByTestId("case-status")).toHaveText("Status: resubmission requested");
  await expect(reviewer.getByText("Selfie is blurry; ask again.")).toBeVisible();
  await waitForMail(customerAccount.email, /send your identity documents again/);

  await customer.reload();
  await expect(customer.getByTestId("kyc-status")).toHaveText("Some items need sending again");
  await expect(customer.getByTestId("kyc-message")).toContainText("Your selfie is blurry");
  await expect(customer.getByText("Selfie is blurry; ask again.")).toHaveCount(0); // internal notes stay internal
  await expect(customer.getByLabel(/ID front/)).toHaveCount(0); // only what was asked for
  await customer
    .getByLabel("Selfie holding your ID")
    .setInputFiles({ name: "selfie2.png", mimeType: "image/png", buffer: await png(700, 500) });
  await customer.getByRole("button", { name: "Send for review" }).click();
  await expect(customer.getByTestId("kyc-status")).toHaveText("Being reviewed");

  await reviewer.reload();
  await expect(reviewer.getByTestId("case-status")).toHaveText("Status: pending");
  await reviewer.getByRole("button", { name: "Save decision" }).click(); // "Approve" is the default choice
  await expect(reviewer.getByTestId("case-status")).toHaveText("Status: approved");
  await expect(reviewer.getByRole("listitem").filter({ hasText: /approve by/ })).toBeVisible();

  await customer.reload();
  await expect(customer.getByTestId("kyc-status")).toHaveText("Verified");
  await waitForMail(customerAccount.email, /identity is verified/);
});

test("documents and cases are private: another customer gets 404 for every id", async ({ browser }) => {
  const owner = await createAccount("customer");
  const other = await createAccount("customer");
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner);
  await ownerPage.goto("/dashboard/kyc");
  await fillKycForm(ownerPage, {
    legalName: "Private Person",
    dateOfBirth: "1985-06-07",
    country: "DE",
    street: "Hauptstrasse 1",
    city: "Berlin",
    postalCode: "10115",
    idNumber: E2E_ID_NUMBERS[1],
  });
  await ownerPage.getByRole("button", { name: "Send for review" }).click();
  await expect(ownerPage.getByTestId("kyc-status")).toHaveText("Being reviewed");

  const documents = await query<{ id: string; caseId: string }>(
    `SELECT d.id, d."caseId" FROM "KycDocument" d JOIN "KycCase" c ON c.id = d."caseId" WHERE c."userId" = $1`,
    [owner.id],
  );
  expect(documents.length).toBe(2);
  const ownResponse = await ownerPage.request.get(`/api/kyc/documents/${documents[0]!.id}`);
  expect(ownResponse.status()).toBe(200);
  expect(ownResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(ownResponse.headers()["content-disposition"]).toMatch(/^inline; filename="(id_front|selfie)\.(jpg|png)"$/);

  const otherContext = await browser.newContext();
  await signIn(await otherContext.newPage(), other);
  for (const id of [documents[0]!.id, documents[1]!.id, "00000000-0000-0000-0000-000000000000", "../../etc/passwd"]) {
    expect((await otherContext.request.get(`/api/kyc/documents/${encodeURIComponent(id)}`)).status(), id).toBe(404);
  }
  const caseResponse = await otherContext.request.get(`/admin/kyc/${documents[0]!.caseId}`);
  expect(caseResponse.status()).toBe(404);
  expect(await caseResponse.text()).not.toContain("Private Person");
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/kyc/documents/${documents[0]!.id}`)).status()).toBe(404);
});
