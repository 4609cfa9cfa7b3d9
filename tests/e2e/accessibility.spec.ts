// axe-core on the main pages, light and dark: no serious or critical accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createAccount, query, signIn } from "./support/accounts";
import { paidContract } from "./support/contracts";

const PUBLIC = [
  "/",
  "/products/antminer-s19-pro-20-days",
  "/privacy",
  "/terms",
  "/terms/2026-01-15",
  "/help",
  "/help?q=withdrawal+fee",
  "/docs/api",
  "/sign-in",
  "/sign-up",
  "/reset-password",
  "/no-such-page",
];
const CUSTOMER = [
  "/dashboard",
  "/dashboard/orders",
  "/dashboard/contracts",
  "/dashboard/wallet",
  "/dashboard/withdrawals",
  "/dashboard/kyc",
  "/dashboard/security",
  "/dashboard/privacy",
  "/dashboard/settings",
  "/checkout/antminer-s19-pro-20-days",
];
const ADMIN = [
  "/admin",
  "/admin/kyc",
  "/admin/users",
  "/admin/orders",
  "/admin/products",
  "/admin/products/new",
  "/admin/audit",
  "/admin/withdrawals",
  "/admin/privacy",
  "/admin/support",
  "/admin/jobs",
];

async function audit(page: import("@playwright/test").Page, paths: string[], scheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme: scheme });
  for (const path of paths) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${path} (${scheme}): ${violation.id} — ${violation.nodes
            .map((node) => node.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
    expect(serious, serious.join("\n")).toEqual([]);
  }
}

// One test per set of pages and scheme, so the sweeps spread over the workers.
test.describe.configure({ mode: "parallel" });

for (const scheme of ["light", "dark"] as const) {
  test(`public pages, ${scheme}`, async ({ page }) => {
    test.setTimeout(120_000);
    await audit(page, PUBLIC, scheme);
  });

  test(`customer pages, ${scheme}`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, await createAccount("customer"));
    await audit(page, CUSTOMER, scheme);
  });

  test(`staff pages, ${scheme}`, async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, await createAccount("admin"));
    await audit(page, ADMIN, scheme);
  });
}

test("customer pages in another time zone, with a contract, light and dark", async ({ page }) => {
  test.setTimeout(120_000);
  const customer = await createAccount("customer");
  await query(`UPDATE "User" SET "timeZone" = 'Asia/Kolkata' WHERE id = $1`, [customer.id]);
  const contractId = await paidContract(customer.id, new Date().toISOString().slice(0, 10));
  await signIn(page, customer);
  const paths = [
    "/dashboard/settings",
    "/dashboard/contracts",
    `/dashboard/contracts/${contractId}`,
    "/dashboard/orders",
  ];
  for (const scheme of ["light", "dark"] as const) await audit(page, paths, scheme);
});
