// Who may open each staff page and use each staff action — checked on the server, for every role.
// New staff routes and actions join the tables below.
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { createAccount, query, signIn, type Account, type Role } from "./support/accounts";

type Who = "anonymous" | Role;
const EVERYONE: Who[] = ["anonymous", "customer", "kyc_reviewer", "privacy_officer", "admin"];

const PAGES: { path: string; heading: string; allowed: Who[] }[] = [
  { path: "/admin", heading: "Overview", allowed: ["kyc_reviewer", "privacy_officer", "admin"] },
  { path: "/admin/kyc", heading: "KYC queue", allowed: ["kyc_reviewer", "admin"] },
  { path: "/admin/users", heading: "Users", allowed: ["admin"] },
  { path: "/admin/audit", heading: "Audit log", allowed: ["admin"] },
];

async function contextFor(browser: Browser, who: Who, accounts: Map<Role, Account>) {
  const context = await browser.newContext();
  if (who !== "anonymous") await signIn(await context.newPage(), accounts.get(who)!);
  return context;
}

test.describe("access matrix", () => {
  const accounts = new Map<Role, Account>();
  test.beforeAll(async () => {
    for (const role of ["customer", "kyc_reviewer", "privacy_officer", "admin"] as const) accounts.set(role, await createAccount(role));
  });

  for (const who of EVERYONE) {
    test(`staff pages as ${who}`, async ({ browser }) => {
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

  test("staff actions as every role: only an admin's request changes anything", async ({ browser }) => {
    test.setTimeout(90_000);
    const victim = await createAccount("customer");
    const admin = await contextFor(browser, "admin", accounts);
    const page = await admin.newPage();
    await page.goto(`/admin/users?q=${encodeURIComponent(victim.email)}`);
    await page.getByRole("combobox", { name: `Status of ${victim.email}` }).selectOption("restricted");

    // Capture the browser's request for the action without letting it through.
    let captured: { headers: Record<string, string>; body: Buffer } | undefined;
    await page.route("**/admin/users**", async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"]) {
        captured = { headers: request.headers(), body: request.postDataBuffer()! };
        return route.abort();
      }
      return route.continue();
    });
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => captured).toBeDefined();
    const statusOf = async () => (await query<{ status: string }>(`SELECT status FROM "User" WHERE id = $1`, [victim.id]))[0]!.status;
    expect(await statusOf()).toBe("active");

    const replay = async (request: APIRequestContext) =>
      request.post("/admin/users", {
        headers: { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component" },
        data: captured!.body,
        maxRedirects: 0,
      });

    for (const who of EVERYONE.filter((role) => role !== "admin")) {
      const context = await contextFor(browser, who, accounts);
      const response = await replay(context.request);
      expect(response.status(), who).toBeLessThan(500);
      expect(await statusOf(), `${who} must not restrict an account`).toBe("active");
      await context.close();
    }
    const audited = async () => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog" WHERE "targetId" = $1`, [victim.id]))[0]!.n);
    expect(await audited()).toBe(0);

    // The same request from an admin does change it — so the refusals above were real.
    const response = await replay(admin.request);
    expect(response.status()).toBe(200);
    expect(await statusOf()).toBe("restricted");
    expect(await audited()).toBe(1);
    await admin.close();
  });
});
