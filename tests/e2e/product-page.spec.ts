import { expect, test, type Page } from "@playwright/test";
import { gotoFresh } from "./support/catalogue";

const S19 = "/products/antminer-s19-pro-20-days";
const calculatorAlert = (page: Page) => page.getByRole("region", { name: "Calculator" }).getByRole("alert");

test.describe("product page", () => {
  test("shows the plan's details and a calculator that follows the TH amount", async ({ page }, testInfo) => {
    const response = await page.goto(S19);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Antminer S19 Pro · 20 days");
    const sold = await gotoFresh(page, S19, "antminer-s19-pro-20-days", page.getByRole("progressbar").first());
    await expect(page.getByRole("progressbar", { name: `Sold ${sold}%` })).toHaveAttribute(
      "aria-valuenow",
      String(sold),
    );

    const th = page.getByLabel("Hashrate (TH)");
    await expect(th).toHaveValue("100");
    await expect(page.getByTestId("calc-hashrate-fee")).toHaveText("$20.00");
    await expect(page.getByTestId("calc-service-fee")).toContainText("$85.00");
    await expect(page.getByTestId("calc-service-fee")).toContainText("$4.25 a day");
    await expect(page.getByTestId("calc-total")).toHaveText("$105.00");
    await expect(page.getByTestId("calc-term-output")).toContainText("BTC");
    await expect(page.getByTestId("calc-break-even")).toContainText(/\$\d{2,3},\d{3}\.\d\d/);

    await th.fill("250");
    await expect(page.getByTestId("calc-total")).toHaveText("$262.50");
    await expect(page.getByTestId("calc-hashrate-fee")).toHaveText("$50.00");
    await expect(page.getByRole("link", { name: "Buy Now · 250 TH" })).toHaveAttribute(
      "href",
      "/sign-in?callbackUrl=%2Fcheckout%2Fantminer-s19-pro-20-days%3Fth%3D250",
    );

    const shot = testInfo.outputPath("product.png");
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach("product", { path: shot, contentType: "image/png" });
  });

  test("refuses TH outside the plan's bounds with a visible message", async ({ page }) => {
    await page.goto(S19);
    const th = page.getByLabel("Hashrate (TH)");
    for (const [value, message] of [
      ["5", "Choose between 10 and 5,000 TH."],
      ["5001", "Choose between 10 and 5,000 TH."],
      ["12.5", "Enter a whole number of TH between 10 and 5,000 TH."],
      ["-3", "Enter a whole number of TH between 10 and 5,000 TH."],
      ["", "Enter a whole number of TH between 10 and 5,000 TH."],
    ]) {
      await th.fill(value!);
      await expect(calculatorAlert(page)).toHaveText(message!);
      await expect(th).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByTestId("calc-total")).toHaveText("—");
    }
    await th.fill("10");
    await expect(calculatorAlert(page)).toHaveCount(0);
    await expect(page.getByTestId("calc-total")).toHaveText("$10.50");
  });

  test("takes the amount from the link, and explains a malformed one instead of failing", async ({ page }) => {
    await page.goto(`${S19}?th=40`);
    await expect(page.getByTestId("calc-total")).toHaveText("$42.00");

    const response = await page.goto(`${S19}?th=%3Cscript%3E`);
    expect(response?.status()).toBe(200);
    await expect(calculatorAlert(page)).toHaveText("Enter a whole number of TH between 10 and 5,000 TH.");
  });

  test("answers unknown and malformed slugs with a 404 page", async ({ page }) => {
    for (const slug of ["no-such-plan", "antminer-s23-hyd-180-days", "UPPER-case", "%E2%82%AC%00", "a".repeat(300)]) {
      const response = await page.goto(`/products/${slug}`);
      expect(response?.status(), slug).toBe(404);
      await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    }
  });

  test("shows a sold-out plan without a Buy button", async ({ page }) => {
    await page.goto("/products/antminer-s19j-pro-7-days");
    await expect(page.getByText("Sold out").first()).toBeVisible();
    await expect(page.getByRole("link", { name: /Buy Now/ })).toHaveCount(0);
  });
});
