import { expect, test } from "@playwright/test";

test("the storefront loads and runs in Chromium with its page and scripts sent as Brotli", async ({ page }) => {
  // Chromium offers br over HTTPS only and the test server speaks plain HTTP: ask as it would.
  await page.setExtraHTTPHeaders({ "accept-encoding": "gzip, deflate, br, zstd" });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const scripts: Promise<{ path: string; encoding: string; size: number }>[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith("/_next/static/") || !path.endsWith(".js")) return;
    scripts.push(
      (async () => ({
        path,
        encoding: (await response.allHeaders())["content-encoding"] ?? "identity",
        size: (await response.body()).length,
      }))(),
    );
  });

  const response = await page.goto("/");
  const headers = await response!.allHeaders();
  expect(headers["content-encoding"]).toBe("br");
  expect(headers.vary).toMatch(/accept-encoding/i);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("priced to the cent");
  await expect(page.getByTestId("product-card").first()).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Every script of 1 KB or more came as Brotli and ran: Chromium decoded it.
  const loaded = await Promise.all(scripts);
  expect(loaded.filter((script) => script.size >= 1024).length).toBeGreaterThan(0);
  for (const script of loaded.filter((script) => script.size >= 1024)) expect(script.encoding, script.path).toBe("br");
  expect(errors).toEqual([]);
});
