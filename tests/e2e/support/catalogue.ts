// What the storefront should show, read from the run's database (other tests buy hashrate too).
import { query } from "./accounts";

export async function soldPercentOf(slug: string): Promise<number> {
  const [row] = await query<{ sold: number; inventory: number }>(
    `SELECT "soldTh" AS sold, "inventoryTh" AS inventory FROM "Product" WHERE slug = $1`,
    [slug],
  );
  return Math.floor((row!.sold * 100) / row!.inventory);
}

export async function storefrontCount(): Promise<number> {
  const [row] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM "Product" WHERE status IN ('on_sale', 'sold_out')`,
  );
  return Number(row!.n);
}

/**
 * Opens `path` until its first sold bar shows the database's figure: storefront pages are cached
 * for a few seconds, so right after another test bought hashrate they may still show the old one.
 */
export async function gotoFresh(
  page: import("@playwright/test").Page,
  path: string,
  slug: string,
  bar: import("@playwright/test").Locator,
) {
  const { expect } = await import("@playwright/test");
  const expected = await soldPercentOf(slug);
  await expect
    .poll(
      async () => {
        await page.goto(path);
        return bar.getAttribute("aria-valuenow");
      },
      { timeout: 40_000, intervals: [1_000, 2_000] },
    )
    .toBe(String(expected));
  return expected;
}
