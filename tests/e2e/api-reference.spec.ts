// The API reference: every route of the OpenAPI document on one readable page, each with a curl
// example and its answers; the document itself is served as JSON; problem links resolve.
import { expect, test } from "@playwright/test";

test("the API reference shows every route of the OpenAPI document, with a curl example each", async ({
  page,
  request,
}, testInfo) => {
  const served = await request.get("/api/v1/openapi.json");
  expect(served.status()).toBe(200);
  const document = (await served.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; summary: string }>>;
  };
  expect(document.openapi).toBe("3.1.0");
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), ...operation })),
  );
  expect(operations.length).toBeGreaterThanOrEqual(7);

  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  for (const operation of operations) {
    const card = page.locator(`article#${operation.operationId}`);
    await expect(card.getByRole("heading", { level: 3 })).toContainText(`${operation.method}/api/v1${operation.path}`);
    await expect(card).toContainText(operation.summary);
    await expect(card.locator("pre")).toContainText(/^curl /);
  }
  // A refusal's `type` points at its entry on this page.
  const unknown = await request.get("/api/v1/contracts", { headers: { authorization: "Bearer nope" } });
  expect(unknown.status()).toBe(401);
  const { type } = (await unknown.json()) as { type: string };
  expect(type).toBe("/docs/api#problem-unauthorized");
  await expect(page.locator("#problem-unauthorized")).toHaveCount(1);
  // An unknown address under the API is a problem too, not the HTML 404 page.
  const missing = await request.get("/api/v1/no-such-route");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("application/problem+json");

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const shot = testInfo.outputPath(`api-reference-${scheme}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach(`api-reference-${scheme}`, { path: shot, contentType: "image/png" });
  }
});
