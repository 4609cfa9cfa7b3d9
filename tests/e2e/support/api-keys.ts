// Making a personal API key the way a customer does, on the security page; returns the whole key
// (shown once) and its prefix, for tests that go on to use it.
import { expect, type Page } from "@playwright/test";
import { PASSWORD } from "./accounts";

export async function createKeyInBrowser(
  page: Page,
  { name, scopes, expiry = "30 days", code }: { name: string; scopes: RegExp[]; expiry?: string; code?: string },
): Promise<{ key: string; prefix: string }> {
  await page.goto("/dashboard/security");
  await page.getByLabel("Key name").fill(name);
  for (const scope of scopes) await page.getByRole("checkbox", { name: scope }).check();
  await page.getByLabel("Expires after").selectOption({ label: expiry });
  await page.getByLabel("Account password").fill(PASSWORD);
  if (code) await page.getByLabel("Authenticator app code").fill(code);
  await page.getByRole("button", { name: "Create API key" }).click();
  const secret = page.getByTestId("api-key-secret");
  await expect(secret).toBeVisible();
  const key = await secret.inputValue();
  return { key, prefix: key.slice(0, 16) };
}
