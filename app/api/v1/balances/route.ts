// GET /api/v1/balances: the key owner's USD and BTC balances (docs/api.md).
export { getBalances as GET } from "@/lib/api/handlers";
