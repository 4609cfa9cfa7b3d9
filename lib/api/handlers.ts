// What each customer API route does: the same domain functions and reads the dashboard uses,
// shaped into the API's answers (lib/api/schemas.ts). Every read is scoped to the key's owner
// in its where clause, so another customer's id is simply not found.
import "server-only";
import type { z } from "zod";
import { listStorefrontProducts } from "@/lib/catalogue/queries";
import { remainingTh } from "@/lib/catalogue/product-view";
import { btcBalance, usdBalance } from "@/lib/ledger/queries";
import { buyFromBalance } from "@/lib/orders/checkout";
import { ownContract, ownContractsPage, ownOrder, ownOrders } from "@/lib/orders/queries";
import { contractMinedTotals, ownEarningsLines, ownEarningsPage, settlementCsv } from "@/lib/settlement/queries";
import { satsToCents } from "@/lib/mining/expected-output";
import { utcDay } from "@/lib/time/utc-days";
import { API_OPERATIONS } from "./operations";
import { problem } from "./problem";
import { ApiProblem, apiRoute } from "./route";
import type { contractSchema, earningSchema, orderSchema, productSchema } from "./schemas";

const DEFAULT_PAGE_SIZE = 50;
const num = (value: bigint) => Number(value);

function rejectCursor(page: { rejectedCursor: boolean }) {
  if (page.rejectedCursor) {
    throw new ApiProblem(
      problem("invalid-request", "This cursor is not one of ours.", { cursor: ["Unknown cursor."] }),
    );
  }
}

type ProductRow = Awaited<ReturnType<typeof listStorefrontProducts>>[number];
function productOut(product: ProductRow): z.input<typeof productSchema> {
  return {
    slug: product.slug,
    title: product.title,
    machineModel: product.machineModel,
    durationDays: product.durationDays,
    startDelayDays: product.startDelayDays,
    hashrateFeePerThUsd: product.hashrateFeePerTh,
    serviceFeePerThDayUsd: product.serviceFeePerThDay,
    poolFeeBps: product.poolFeeBps,
    minOrderTh: product.minOrderTh,
    maxOrderTh: product.maxOrderTh,
    inventoryTh: product.inventoryTh,
    soldTh: product.soldTh,
    availableTh: remainingTh(product),
    status: product.status === "on_sale" ? "on_sale" : product.status === "sold_out" ? "sold_out" : "archived",
  };
}

type ContractRow = NonNullable<Awaited<ReturnType<typeof ownContract>>>;
function contractOut(contract: Omit<ContractRow, "order" | "product"> & { product: { slug: string; title: string } }) {
  return {
    id: contract.id,
    orderId: contract.orderId,
    product: { slug: contract.product.slug, title: contract.product.title },
    th: contract.th,
    status: contract.status,
    poolFeeBps: contract.poolFeeBps,
    startsAt: contract.startsAt.toISOString(),
    endsAt: contract.endsAt.toISOString(),
    createdAt: contract.createdAt.toISOString(),
  } satisfies z.input<typeof contractSchema>;
}

type OrderRow = NonNullable<Awaited<ReturnType<typeof ownOrder>>>;
function orderOut(order: OrderRow, notice: string | null = order.notice): z.input<typeof orderSchema> {
  return {
    id: order.id,
    product: { slug: order.product.slug, title: order.product.title },
    th: order.th,
    durationDays: order.durationDays,
    hashrateFeeCents: order.hashrateFeeCents,
    serviceFeeCents: order.serviceFeeCents,
    totalCents: order.totalCents,
    status: order.status,
    paymentMethod: order.paymentMethod,
    reservedUntil: order.reservedUntil.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
    contractId: order.contract?.id ?? null,
    notice,
  };
}

type EarningRow = Awaited<ReturnType<typeof ownEarningsPage>>["items"][number];
function earningOut(row: EarningRow): z.input<typeof earningSchema> {
  return {
    id: row.id,
    contractId: row.contractId,
    day: utcDay(row.day),
    th: row.th,
    secondsMined: row.seconds,
    difficulty: row.difficulty.toString(),
    btcPriceCents: num(row.btcPriceCents),
    blockSubsidySats: num(row.blockSubsidySats),
    feesPerBlockSats: num(row.feesPerBlockSats),
    poolFeeBps: row.poolFeeBps,
    grossSats: num(row.grossSats),
    poolFeeSats: num(row.grossSats - row.sats),
    netSats: num(row.sats),
    usdCents: num(satsToCents(row.sats, row.btcPriceCents)),
    corrections: row.corrections.map((correction) => ({
      id: correction.id,
      createdAt: correction.createdAt.toISOString(),
      reason: correction.reason,
      difficulty: correction.difficulty.toString(),
      btcPriceCents: num(correction.btcPriceCents),
      blockSubsidySats: num(correction.blockSubsidySats),
      feesPerBlockSats: num(correction.feesPerBlockSats),
      grossSats: num(correction.grossSats),
      netSats: num(correction.sats),
      deltaSats: num(correction.deltaSats),
    })),
  };
}

export const listProducts = apiRoute(API_OPERATIONS.listProducts, async () => ({
  body: { data: (await listStorefrontProducts()).map(productOut) },
}));

export const listContracts = apiRoute(API_OPERATIONS.listContracts, async ({ query }, { caller }) => {
  const page = await ownContractsPage(caller.userId, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
  rejectCursor(page);
  return { body: { data: page.items.map(contractOut), nextCursor: page.next } };
});

export const getContract = apiRoute(API_OPERATIONS.getContract, async ({ params }, { caller }) => {
  const contract = await ownContract(caller.userId, params.id);
  if (!contract) throw new ApiProblem(problem("not-found", "No contract of yours has this id."));
  const totals = await contractMinedTotals(contract.id);
  return { body: { ...contractOut(contract), ...totals, minedSats: num(totals.minedSats) } };
});

export const listEarnings = apiRoute(API_OPERATIONS.listEarnings, async ({ query }, { caller, wantsCsv }) => {
  if (query.from && query.to && query.from > query.to) {
    throw new ApiProblem(problem("invalid-request", "from is after to.", { to: ["On or after from."] }));
  }
  const filter = { contractId: query.contract, from: query.from, to: query.to };
  if (wantsCsv) {
    const csv = settlementCsv(await ownEarningsLines(caller.userId, filter), { withContract: true });
    return {
      response: new Response(csv, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="hashwork-earnings.csv"`,
        },
      }),
    };
  }
  const page = await ownEarningsPage(caller.userId, filter, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
  rejectCursor(page);
  return { body: { data: page.items.map(earningOut), nextCursor: page.next } };
});

export const listOrders = apiRoute(API_OPERATIONS.listOrders, async ({ query }, { caller }) => {
  const page = await ownOrders(caller.userId, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
  rejectCursor(page);
  return { body: { data: page.items.map((order) => orderOut(order)), nextCursor: page.next } };
});

// Keys of the API live beside the checkout form's in one column; the prefix keeps them apart.
const idempotencyKey = (header: string) => `api:${header}`;

export const placeOrder = apiRoute(API_OPERATIONS.placeOrder, async ({ headers, body }, { caller, request }) => {
  const bought = await buyFromBalance(
    caller.userId,
    { slug: body.product, th: body.th, idempotencyKey: idempotencyKey(headers["idempotency-key"]) },
    request,
  );
  const order = await ownOrder(caller.userId, bought.orderId);
  if (!order) throw new Error("A placed order could not be read back");
  if (!bought.created && (order.product.slug !== body.product || order.th !== body.th)) {
    throw new ApiProblem(
      problem("refused", "This Idempotency-Key was already used for a different order.", {
        "idempotency-key": ["Used before for another order: send a new key for a new order."],
      }),
    );
  }
  return bought.created
    ? { status: 201, body: orderOut(order, bought.unpaidReason ?? order.notice) }
    : { status: 200, body: orderOut(order) };
});

export const getBalances = apiRoute(API_OPERATIONS.getBalances, async (_input, { caller }) => {
  const [usd, btc] = await Promise.all([usdBalance(caller.userId), btcBalance(caller.userId)]);
  return { body: { usdCents: num(usd), btcSats: num(btc) } };
});
