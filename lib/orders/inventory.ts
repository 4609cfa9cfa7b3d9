// The two moves of a product's sold TH. Reserving is one conditional UPDATE ("sold + th ≤
// inventory"), so concurrent buyers can never oversell; releasing gives TH back.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * The statement that takes `th` from the product's stock, returning the product's id when it
 * did (with onSaleOnly, only while it is on sale). Placement runs it inside the statement that
 * inserts the order; reserveTh runs it alone.
 */
export function reserveThStatement(productId: string, th: number, { onSaleOnly }: { onSaleOnly: boolean }): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Product" SET "soldTh" = "soldTh" + ${th}, "updatedAt" = now()
    WHERE id = ${productId}::uuid ${onSaleOnly ? Prisma.sql`AND status = 'on_sale'` : Prisma.empty}
      AND "soldTh" + ${th} <= "inventoryTh"
    RETURNING id`;
}

/** Takes `th` from the product's stock; false when not enough is left (or, with onSaleOnly, it is not on sale). */
export async function reserveTh(
  tx: Tx,
  productId: string,
  th: number,
  { onSaleOnly }: { onSaleOnly: boolean },
): Promise<boolean> {
  return (await tx.$executeRaw(reserveThStatement(productId, th, { onSaleOnly }))) === 1;
}

/** Gives `th` back to the product's stock (an order that will not be paid). */
export async function releaseTh(tx: Tx, productId: string, th: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Product" SET "soldTh" = "soldTh" - ${th}, "updatedAt" = now() WHERE id = ${productId}::uuid`;
}
