// Staff changes to the catalogue. Prices of existing orders never change: orders keep the
// rates they were placed at. Every change is audited; the calling action refreshes the pages.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { Prisma, type ProductStatus } from "@/lib/generated/prisma/client";
import type { ProductInput } from "@/lib/validation/products";

function toData({ poolFeePercent, ...input }: ProductInput) {
  const [whole, fraction = ""] = poolFeePercent.split(".");
  return { ...input, poolFeeBps: Number(whole) * 100 + Number(fraction.padEnd(2, "0")) };
}

export async function saveProduct(
  admin: { id: string },
  id: string | null,
  input: ProductInput,
  request: RequestInfo,
): Promise<{ id: string; slug: string }> {
  try {
    const product = await db.$transaction(async (tx) => {
      if (id) {
        const current = await tx.product.findUnique({ where: { id }, select: { soldTh: true } });
        if (!current) throw new UserError("That product does not exist.");
        if (input.inventoryTh < current.soldTh) {
          throw new UserError(`${current.soldTh} TH are already sold; the inventory cannot be lower.`, {
            inventoryTh: [`At least ${current.soldTh} TH.`],
          });
        }
      }
      const saved = id
        ? await tx.product.update({ where: { id }, data: toData(input) })
        : await tx.product.create({ data: { ...toData(input), status: "draft" } });
      await recordAudit(
        {
          actorId: admin.id,
          action: id ? "product.update" : "product.create",
          targetType: "product",
          targetId: saved.id,
          details: { ...input },
        },
        request,
        tx,
      );
      return saved;
    });
    return { id: product.id, slug: product.slug };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError("Another product already uses this slug.", { slug: ["Choose another slug."] });
    }
    throw error;
  }
}

const ALLOWED: Record<ProductStatus, ProductStatus[]> = {
  draft: ["on_sale", "archived"],
  on_sale: ["sold_out", "archived"],
  sold_out: ["on_sale", "archived"],
  archived: ["on_sale"],
};

export async function setProductStatus(
  admin: { id: string },
  id: string,
  status: ProductStatus,
  request: RequestInfo,
): Promise<{ slug: string }> {
  const product = await db.product.findUnique({ where: { id }, select: { status: true, slug: true } });
  if (!product) throw new UserError("That product does not exist.");
  if (!ALLOWED[product.status].includes(status))
    throw new UserError(`A ${product.status.replace("_", " ")} product cannot become ${status.replace("_", " ")}.`);
  await db.$transaction(async (tx) => {
    await tx.product.update({ where: { id, status: product.status }, data: { status } });
    await recordAudit(
      {
        actorId: admin.id,
        action: "product.status",
        targetType: "product",
        targetId: id,
        details: { from: product.status, to: status },
      },
      request,
      tx,
    );
  });
  return { slug: product.slug };
}
