// Who may open each staff page and use each staff action — checked on the server, for every role.
// New staff routes and actions join the tables below.
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { createAccount, query, signIn, type Account, type Role } from "./support/accounts";
import { filedRequest } from "./support/privacy";
import { heldWithdrawal } from "./support/withdrawals";

type Who = "anonymous" | Role;
const EVERYONE: Who[] = ["anonymous", "customer", "kyc_reviewer", "privacy_officer", "admin"];

const PAGES: { path: string; heading: string; allowed: Who[] }[] = [
  { path: "/admin", heading: "Overview", allowed: ["kyc_reviewer", "privacy_officer", "admin"] },
  { path: "/admin/kyc", heading: "KYC queue", allowed: ["kyc_reviewer", "admin"] },
  { path: "/admin/privacy", heading: "Privacy requests", allowed: ["privacy_officer", "admin"] },
  { path: "/admin/users", heading: "Users", allowed: ["admin"] },
  { path: "/admin/orders", heading: "Orders", allowed: ["admin"] },
  { path: "/admin/products", heading: "Products", allowed: ["admin"] },
  { path: "/admin/products/new", heading: "New product", allowed: ["admin"] },
  { path: "/admin/audit", heading: "Audit log", allowed: ["admin"] },
  { path: "/admin/withdrawals", heading: "Withdrawals", allowed: ["admin"] },
  { path: "/admin/market", heading: "Market data", allowed: ["admin"] },
  { path: "/admin/outages", heading: "Outages", allowed: ["admin"] },
  { path: "/admin/jobs", heading: "Failed jobs", allowed: ["admin"] },
  { path: "/admin/support", heading: "Support", allowed: ["admin"] },
];

/** A ticket from a visitor, as the help page's contact form leaves it. */
async function supportTicket(): Promise<string> {
  const [ticket] = await query<{ id: string }>(
    `INSERT INTO "SupportTicket" (id, email, subject, "updatedAt") VALUES (gen_random_uuid(), 'visitor@example.com', 'When does mining start?', now()) RETURNING id`,
  );
  await query(
    `INSERT INTO "SupportMessage" (id, "ticketId", body) VALUES (gen_random_uuid(), $1, 'When does my contract start?')`,
    [ticket!.id],
  );
  return ticket!.id;
}

const waitingRow = (page: Page, email: string) => page.getByTestId("waiting-withdrawal").filter({ hasText: email });

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const signedInStates = new Map<Role, StorageState>();

/** A browser signed in as `who`: each role signs in once, later contexts reuse its cookies. */
async function contextFor(browser: Browser, who: Who, accounts: Map<Role, Account>) {
  if (who === "anonymous") return browser.newContext();
  const saved = signedInStates.get(who);
  if (saved) return browser.newContext({ storageState: saved });
  const context = await browser.newContext();
  await signIn(await context.newPage(), accounts.get(who)!);
  signedInStates.set(who, await context.storageState());
  return context;
}

test.describe("access matrix", () => {
  const accounts = new Map<Role, Account>();
  test.beforeAll(async () => {
    for (const role of ["customer", "kyc_reviewer", "privacy_officer", "admin"] as const)
      accounts.set(role, await createAccount(role));
  });

  for (const who of EVERYONE) {
    test(`staff pages as ${who}`, async ({ browser }) => {
      test.setTimeout(60_000); // a sign-in and a dozen pages
      const context = await contextFor(browser, who, accounts);
      const page = await context.newPage();
      for (const target of PAGES) {
        const response = await page.goto(target.path);
        if (target.allowed.includes(who)) {
          expect(response?.status(), target.path).toBe(200);
          await expect(page.getByRole("heading", { level: 1, name: target.heading })).toBeVisible();
        } else if (who === "anonymous") {
          await expect(page, target.path).toHaveURL(/\/sign-in\?callbackUrl=/);
        } else {
          expect(response?.status(), `${who} on ${target.path}`).toBe(404);
          await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
        }
      }
      await context.close();
    });
  }

  test("staff without two-factor authentication are sent to turn it on before any staff page works", async ({
    browser,
  }) => {
    test.setTimeout(60_000); // a sign-in and a dozen pages
    const context = await browser.newContext();
    const page = await context.newPage();
    const admin = await createAccount("admin", { twoFactor: false });
    await signIn(page, admin);
    for (const target of PAGES) {
      await page.goto(target.path);
      await expect(page, target.path).toHaveURL(/\/dashboard\/security\?required=staff-2fa$/);
    }
    await expect(page.getByText("Staff accounts need two-factor authentication")).toBeVisible();
    // A staff action posted without 2FA changes nothing either (the server refuses it).
    const victim = await createAccount("customer");
    await query(`UPDATE "User" SET "totpEnabledAt" = now() WHERE id = $1`, [admin.id]);
    await page.goto(`/admin/users/${victim.id}`);
    await page.getByLabel("Amount (USD)").fill("100");
    await page.getByLabel("Note (bank reference)").fill("no 2FA");
    await query(`UPDATE "User" SET "totpEnabledAt" = NULL WHERE id = $1`, [admin.id]);
    await page.getByRole("button", { name: "Credit balance" }).click();
    await expect(page.getByText("Turn on two-factor authentication")).toBeVisible();
    const entries = await query<{ n: string }>(`SELECT count(*) AS n FROM "LedgerAccount" WHERE "userId" = $1`, [
      victim.id,
    ]);
    expect(Number(entries[0]!.n)).toBe(0);
    await context.close();
  });

  const requestStatus = async (id: string) =>
    (await query<{ status: string }>(`SELECT status FROM "PrivacyRequest" WHERE id = $1`, [id]))[0]!.status;
  const privacyAction = (
    name: string,
    type: string,
    fill: (page: Page) => Promise<void>,
    button: string,
    changed: (id: string) => Promise<boolean>,
  ) => ({
    name,
    alsoAllowed: ["privacy_officer"] as Who[],
    setup: async () => {
      const owner = await createAccount("customer");
      const id = await filedRequest(owner.id, { type });
      if (type === "rectification") {
        await query(`UPDATE "PrivacyRequest" SET "requestedChange" = $2 WHERE id = $1`, [
          id,
          JSON.stringify([{ field: "displayName", to: "Matrix Name" }]),
        ]);
      }
      return { path: `/admin/privacy/${id}`, fill, button, changed: () => changed(id) };
    },
  });

  // Each staff action: where an admin finds it, how to fill it in, and how to tell it took effect.
  const ACTIONS: {
    name: string;
    // Who besides an admin may use it (an admin's replay shows the refusals were real).
    alsoAllowed?: Who[];
    setup: () => Promise<{
      path: string;
      fill: (page: Page) => Promise<void>;
      button: string;
      // Where the button is, when a page shows several of them (one per waiting withdrawal).
      within?: (page: Page) => Locator;
      changed: () => Promise<boolean>;
    }>;
  }[] = [
    {
      name: "restrict an account",
      setup: async () => {
        const victim = await createAccount("customer");
        return {
          path: `/admin/users/${victim.id}`,
          fill: async (page) => {
            await page.getByRole("combobox", { name: `Status of ${victim.email}` }).selectOption("restricted");
            await page.getByLabel(/Reason for restricting/).fill("Access matrix test: a disputed payment.");
          },
          button: "Save",
          changed: async () =>
            (await query<{ status: string }>(`SELECT status FROM "User" WHERE id = $1`, [victim.id]))[0]!.status ===
            "restricted",
        };
      },
    },
    {
      name: "reply to a support ticket",
      setup: async () => {
        const ticketId = await supportTicket();
        return {
          path: `/admin/support/${ticketId}`,
          fill: (page) => page.getByLabel(/^Reply \(emailed to/).fill("Matrix reply: it starts at 00:00 UTC."),
          button: "Send reply",
          changed: async () =>
            Number(
              (
                await query<{ n: string }>(
                  `SELECT count(*) AS n FROM "SupportMessage" WHERE "ticketId" = $1 AND "fromStaff"`,
                  [ticketId],
                )
              )[0]!.n,
            ) > 0,
        };
      },
    },
    {
      name: "assign a support ticket",
      setup: async () => {
        const ticketId = await supportTicket();
        return {
          path: `/admin/support/${ticketId}`,
          fill: async () => {},
          button: "Assign to me",
          changed: async () =>
            (
              await query<{ assigneeId: string | null }>(`SELECT "assigneeId" FROM "SupportTicket" WHERE id = $1`, [
                ticketId,
              ])
            )[0]!.assigneeId !== null,
        };
      },
    },
    {
      name: "credit a balance",
      setup: async () => {
        const victim = await createAccount("customer");
        return {
          path: `/admin/users/${victim.id}`,
          fill: async (page) => {
            await page.getByLabel("Amount (USD)").fill("1000");
            await page.getByLabel("Note (bank reference)").fill("matrix test");
          },
          button: "Credit balance",
          changed: async () =>
            Number(
              (
                await query<{ n: string }>(
                  `SELECT count(*) AS n FROM "LedgerAccount" a JOIN "LedgerEntry" e ON e."accountId" = a.id WHERE a."userId" = $1`,
                  [victim.id],
                )
              )[0]!.n,
            ) > 0,
        };
      },
    },
    {
      name: "archive a product",
      setup: async () => {
        const [product] = await query<{ id: string }>(
          `INSERT INTO "Product" (id, slug, title, "machineModel", "machineHashrateThs", "efficiencyJPerTh", "electricityUsdPerKwh", "durationDays", "hashrateFeePerTh", "serviceFeePerThDay", "poolFeeBps", "inventoryTh", "minOrderTh", "maxOrderTh", status, "updatedAt")
           VALUES (gen_random_uuid(), 'matrix-' || substr(md5(random()::text), 1, 8), 'Matrix plan', 'Antminer S19', 95, 34.5, 0.06, 10, 0.1, 0.05, 250, 100, 1, 100, 'draft', now()) RETURNING id`,
        );
        return {
          path: `/admin/products/${product!.id}`,
          fill: async () => {},
          button: "Archive",
          changed: async () =>
            (await query<{ status: string }>(`SELECT status FROM "Product" WHERE id = $1`, [product!.id]))[0]!
              .status === "archived",
        };
      },
    },
    {
      name: "announce a plan to subscribers",
      setup: async () => {
        const [product] = await query<{ id: string }>(
          `INSERT INTO "Product" (id, slug, title, "machineModel", "machineHashrateThs", "efficiencyJPerTh", "electricityUsdPerKwh", "durationDays", "hashrateFeePerTh", "serviceFeePerThDay", "poolFeeBps", "inventoryTh", "minOrderTh", "maxOrderTh", status, "updatedAt")
           VALUES (gen_random_uuid(), 'matrix-' || substr(md5(random()::text), 1, 8), 'Matrix plan', 'Antminer S19', 95, 34.5, 0.06, 10, 0.1, 0.05, 250, 100, 1, 100, 'on_sale', now()) RETURNING id`,
        );
        return {
          path: `/admin/products/${product!.id}`,
          fill: async () => {},
          button: "Email subscribers",
          changed: async () =>
            Number(
              (
                await query<{ n: string }>(
                  `SELECT count(*) AS n FROM "AuditLog" WHERE action = 'product.announce' AND "targetId" = $1`,
                  [product!.id],
                )
              )[0]!.n,
            ) > 0,
        };
      },
    },
    {
      name: "record an outage",
      setup: async () => {
        const reason = `matrix outage ${Math.random().toString(36).slice(2, 10)}`;
        const local = (date: Date) => date.toISOString().slice(0, 16); // datetime-local, read as UTC
        return {
          path: "/admin/outages",
          fill: async (page) => {
            // Tomorrow: never inside a day that is already settled, whatever time the run starts.
            await page.getByLabel("Start (UTC)").fill(local(new Date(Date.now() + 24 * 3_600_000)));
            await page.getByLabel("End (UTC)").fill(local(new Date(Date.now() + 25 * 3_600_000)));
            await page.getByRole("checkbox").first().check();
            await page.getByLabel("Reason").fill(reason);
          },
          button: "Record outage",
          changed: async () =>
            Number(
              (await query<{ n: string }>(`SELECT count(*) AS n FROM "Outage" WHERE reason = $1`, [reason]))[0]!.n,
            ) > 0,
        };
      },
    },
    {
      name: "reject a withdrawal",
      setup: async () => {
        const customer = await createAccount("customer");
        const withdrawalId = await heldWithdrawal(customer.id, 60_000n);
        return {
          path: "/admin/withdrawals",
          fill: (page) => waitingRow(page, customer.email).getByLabel("Reason for rejecting").fill("matrix test"),
          button: "Reject",
          within: (page) => waitingRow(page, customer.email),
          changed: async () =>
            (await query<{ status: string }>(`SELECT status FROM "Withdrawal" WHERE id = $1`, [withdrawalId]))[0]!
              .status === "rejected",
        };
      },
    },
    {
      name: "pay out a withdrawal",
      setup: async () => {
        const customer = await createAccount("customer");
        const withdrawalId = await heldWithdrawal(customer.id, 70_000n);
        return {
          path: "/admin/withdrawals",
          fill: (page) => waitingRow(page, customer.email).getByLabel("Bitcoin transaction id").fill("b".repeat(64)),
          button: "Mark as paid",
          within: (page) => waitingRow(page, customer.email),
          changed: async () =>
            (await query<{ status: string }>(`SELECT status FROM "Withdrawal" WHERE id = $1`, [withdrawalId]))[0]!
              .status === "paid",
        };
      },
    },
    privacyAction(
      "complete a privacy request",
      "access",
      (page) => page.getByLabel("Answer to the customer").fill("matrix answer"),
      "Complete",
      async (id) => (await requestStatus(id)) === "completed",
    ),
    privacyAction(
      "extend a privacy request",
      "access",
      (page) => page.getByLabel("Reason (the customer sees it)").fill("matrix reason"),
      "Extend deadline",
      async (id) => (await requestStatus(id)) === "extended",
    ),
    privacyAction(
      "refuse a privacy request",
      "objection",
      (page) => page.getByLabel("Reasons for refusing (the customer sees them)").fill("matrix reason"),
      "Refuse",
      async (id) => (await requestStatus(id)) === "refused",
    ),
    privacyAction(
      "apply a rectification",
      "rectification",
      async () => {},
      "Apply the correction",
      async (id) =>
        (
          await query<{ n: string }>(
            `SELECT count(*) AS n FROM "PrivacyRequest" WHERE id = $1 AND "rectifiedAt" IS NOT NULL`,
            [id],
          )
        )[0]!.n === "1",
    ),
    privacyAction(
      "add an internal note to a privacy request",
      "erasure",
      (page) => page.getByLabel("Internal note (staff only)").fill("matrix note"),
      "Add note",
      async (id) =>
        (
          await query<{ n: string }>(
            `SELECT count(*) AS n FROM "PrivacyRequestEvent" WHERE "requestId" = $1 AND type = 'note'`,
            [id],
          )
        )[0]!.n === "1",
    ),
  ];

  for (const action of ACTIONS) {
    test(`staff action "${action.name}" as every role: only ${action.alsoAllowed ? `${action.alsoAllowed.join(", ")} and admin` : "an admin"} change anything`, async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const target = await action.setup();
      const admin = await contextFor(browser, "admin", accounts);
      const page = await admin.newPage();
      await page.goto(target.path);
      await target.fill(page);

      // Capture the browser's request for the action without letting it through.
      let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
      await page.route("**/admin/**", async (route) => {
        const request = route.request();
        if (request.method() === "POST" && request.headers()["next-action"]) {
          captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
          return route.abort();
        }
        return route.continue();
      });
      await (target.within?.(page) ?? page).getByRole("button", { name: target.button }).click();
      await expect.poll(() => captured).toBeDefined();
      expect(await target.changed()).toBe(false);

      const replay = (request: APIRequestContext) =>
        request.post(captured!.url, {
          headers: {
            "next-action": captured!.headers["next-action"]!,
            "content-type": captured!.headers["content-type"]!,
            accept: "text/x-component",
          },
          data: captured!.body,
          maxRedirects: 0,
        });
      for (const who of EVERYONE.filter((role) => role !== "admin" && !action.alsoAllowed?.includes(role))) {
        const context = await contextFor(browser, who, accounts);
        expect((await replay(context.request)).status(), who).toBeLessThan(500);
        expect(await target.changed(), `${who} must not ${action.name}`).toBe(false);
        await context.close();
      }
      // The same request from an admin does take effect — so the refusals above were real.
      expect((await replay(admin.request)).status()).toBeLessThan(400);
      await expect.poll(target.changed).toBe(true);
      await admin.close();
    });
  }
});
