// Every route of the customer API, described once: its address, what it needs (scope, path
// and query parameters, headers, body) and what it answers. The route handlers parse with these
// descriptions (lib/api/route.ts) and the OpenAPI document is generated from them
// (lib/api/openapi.ts), so the reference page and the code cannot disagree.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/scopes";
import {
  balancesSchema,
  contractDetailSchema,
  contractIdParams,
  contractPageSchema,
  earningPageSchema,
  earningsQuery,
  idempotencyHeaders,
  orderPageSchema,
  orderSchema,
  pageQuery,
  placeOrderBody,
  productListSchema,
} from "./schemas";

export type ApiOperation = {
  id: string;
  method: "GET" | "POST";
  /** Below the API's base (/api/v1), with {name} for path parameters. */
  path: string;
  summary: string;
  description: string;
  /** null: public, no key needed. */
  scope: ApiScope | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodObject;
  answer: { status: 200 | 201; description: string; schema: z.ZodType };
  /** Also answers text/csv (Accept: text/csv or ?format=csv). */
  csv?: boolean;
  /** Extra answers of this route beyond the ones every route shares. */
  replay?: { status: 200; description: string };
  notFound?: string;
  refusals?: string;
  /** Placeholders: $KEY for the key, $BASE for the server. */
  curl: string;
};

const op = <const T extends ApiOperation>(operation: T) => operation;

export const API_OPERATIONS = {
  listProducts: op({
    id: "listProducts",
    method: "GET",
    path: "/products",
    summary: "List the plans on the storefront",
    description: "Every plan on sale or sold out, in storefront order, with its fees, limits and the hashrate left.",
    scope: null,
    answer: { status: 200, description: "The plans.", schema: productListSchema },
    curl: `curl "$BASE/api/v1/products"`,
  }),
  listContracts: op({
    id: "listContracts",
    method: "GET",
    path: "/contracts",
    summary: "List your contracts",
    description: "Your contracts, newest first, a page at a time.",
    scope: "contracts:read",
    query: pageQuery,
    answer: { status: 200, description: "One page of contracts.", schema: contractPageSchema },
    curl: `curl -H "Authorization: Bearer $KEY" "$BASE/api/v1/contracts?limit=20"`,
  }),
  getContract: op({
    id: "getContract",
    method: "GET",
    path: "/contracts/{id}",
    summary: "Read one of your contracts",
    description: "One contract with what it has mined so far. Another customer's contract is not found.",
    scope: "contracts:read",
    params: contractIdParams,
    answer: { status: 200, description: "The contract.", schema: contractDetailSchema },
    notFound: "No contract of yours has this id.",
    curl: `curl -H "Authorization: Bearer $KEY" "$BASE/api/v1/contracts/4d0f6a3e-9b1c-4c55-8f0e-2a7d9c1b3e51"`,
  }),
  listEarnings: op({
    id: "listEarnings",
    method: "GET",
    path: "/earnings",
    summary: "List your daily earnings",
    description:
      "One row per contract and settled UTC day, oldest first, with every input of the day's sum and any later correction. Filter by contract and by day; ask for text/csv to get every matching day in one spreadsheet.",
    scope: "earnings:read",
    query: earningsQuery,
    answer: { status: 200, description: "One page of settled days.", schema: earningPageSchema },
    csv: true,
    curl: `curl -H "Authorization: Bearer $KEY" -H "Accept: text/csv" "$BASE/api/v1/earnings?from=2026-11-01&to=2026-11-30"`,
  }),
  listOrders: op({
    id: "listOrders",
    method: "GET",
    path: "/orders",
    summary: "List your orders",
    description: "Your orders, newest first, a page at a time.",
    scope: "orders:read",
    query: pageQuery,
    answer: { status: 200, description: "One page of orders.", schema: orderPageSchema },
    curl: `curl -H "Authorization: Bearer $KEY" "$BASE/api/v1/orders"`,
  }),
  placeOrder: op({
    id: "placeOrder",
    method: "POST",
    path: "/orders",
    summary: "Buy hashrate, paid from your balance",
    description:
      "Places an order and pays it from your USD balance at once. The same Idempotency-Key always gives back the same order, so a retried request never buys twice. If the balance does not cover it, the order stays reserved for 30 minutes, unpaid, with a notice saying why; pay it from the orders page.",
    scope: "orders:write",
    headers: idempotencyHeaders,
    body: placeOrderBody,
    answer: { status: 201, description: "The order was placed.", schema: orderSchema },
    replay: { status: 200, description: "This Idempotency-Key was used before: the order it placed." },
    refusals: "Not on sale, not enough hashrate left, too many unpaid orders, or the key was used for another order.",
    curl: `curl -X POST -H "Authorization: Bearer $KEY" -H "Idempotency-Key: $(uuidgen)" -H "Content-Type: application/json" -d '{"product":"antminer-s19-pro-20-days","th":100,"acceptTerms":true}' "$BASE/api/v1/orders"`,
  }),
  getBalances: op({
    id: "getBalances",
    method: "GET",
    path: "/balances",
    summary: "Read your balances",
    description: "Your USD balance and the mined BTC you can withdraw.",
    scope: "orders:read",
    answer: { status: 200, description: "Your balances.", schema: balancesSchema },
    curl: `curl -H "Authorization: Bearer $KEY" "$BASE/api/v1/balances"`,
  }),
} as const;

export type ApiOperationId = keyof typeof API_OPERATIONS;
