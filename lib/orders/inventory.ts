// The two moves of a product's sold TH. Reserving is one conditional UPDATE ("sold + th ≤
// inventory"), so concurrent buyers can never oversell; releasing gives TH back.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Takes `th` from the product's stock; false when not enough is left (or, with onSaleOnly, it is not on sale). */
export async function reserveTh(
  tx: Tx,
  productId: string,
  th: number,
  { onSaleOnly }: { onSaleOnly: boolean },
): Promise<boolean> {
  const reserved = onSaleOnly
    ? await tx.$executeRaw`
        UPDATE "Product" SET "soldTh" = "soldTh" + ${th}, "updatedAt" = now()
        WHERE id = ${productId}::uuid AND status = 'on_sale' AND "soldTh" + ${th} <= "inventoryTh"`
    : await tx.$executeRaw`
        UPDATE "Product" SET "soldTh" = "soldTh" + ${th}, "updatedAt" = now()
        WHERE id = ${productId}::uuid AND "soldTh" + ${th} <= "inventoryTh"`;
  return reserved === 1;
}

/** Gives `th` back to the product's stock (an order that will not be paid). */
export async function releaseTh(tx: Tx, productId: string, th: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Product" SET "soldTh" = "soldTh" - ${th}, "updatedAt" = now() WHERE id = ${productId}::uuid`;
}
